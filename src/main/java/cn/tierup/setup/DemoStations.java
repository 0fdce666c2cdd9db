package cn.tierup.setup;

import cn.tierup.organization.Field;
import cn.tierup.organization.OrgKind;
import cn.tierup.organization.Organization;
import cn.tierup.shared.Actors;
import cn.tierup.station.EquipmentCondition;
import cn.tierup.station.SessionKind;
import cn.tierup.station.StationBootstrap;
import cn.tierup.station.StationDetails;
import cn.tierup.station.StationSession.Particulars;
import cn.tierup.station.StationStatus;
import cn.tierup.station.TerminalKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.stereotype.Component;

/**
 * The demo city's 远程教育站点: most villages and communities host one, some two, a few agencies and enterprises one,
 * each with its learning sessions of last year and this year so far — some stations busy, some seldom used, a few
 * 停用. Drawn from a random source of its own, seeded, so the demo is the same every time and the rest of the demo's
 * draws do not move.
 */
@Component
class DemoStations {

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高",
            "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "邓", "曹", "彭"};
    private static final String[] GIVEN = {"秀英", "桂芳", "建国", "志强", "晓燕", "德华", "明辉", "丽娟", "文杰", "红梅", "永刚", "春兰",
            "海燕", "国庆", "玉兰", "家兴", "小琴", "成林", "淑芬", "光明"};
    private static final String[] EQUIPMENT = {"电视机 1 台、卫星接收设备 1 套、电脑 1 台", "55 英寸电视机 1 台、电脑 2 台、投影仪 1 台",
            "液晶电视 1 台、机顶盒 1 台、音响 1 套", "电脑 3 台、投影仪 1 台、打印机 1 台", "智能电视 1 台、摄像头 1 个、电脑 1 台"};
    private static final String[] HOURS = {"周一至周五 9:00—17:00", "每天 8:30—17:30", "周一至周六 9:00—12:00、14:00—17:30",
            "农闲时每天开放，农忙时晚间开放", "工作日 14:00—18:00"};
    private static final String[] SOURCES = {"镇财政补助", "村集体经济", "县级远程教育专项经费", "镇财政补助、村集体经济", "单位党建经费"};
    private static final Map<SessionKind, String[]> TOPICS = Map.of(
            SessionKind.GROUP_STUDY, new String[] {"学习贯彻党的二十届三中全会精神", "学习《中国共产党章程》", "学习习近平新时代中国特色社会主义思想",
                    "学习新修订的《中国共产党纪律处分条例》", "学习《中国共产党农村基层组织工作条例》"},
            SessionKind.SKILL_TRAINING, new String[] {"猕猴桃种植技术培训", "蔬菜病虫害绿色防控", "农村电商实用技术", "家禽科学养殖",
                    "茶叶采摘与加工技术", "农机安全操作"},
            SessionKind.PARTY_LECTURE, new String[] {"书记讲党课：发挥党员先锋模范作用", "七一专题党课", "党课：传承红色基因",
                    "党课：基层党组织如何晋位升级"},
            SessionKind.THEMED_EDUCATION, new String[] {"乡村振兴政策解读", "法治宣传教育", "安全生产警示教育", "移风易俗专题教育",
                    "森林防火与防汛知识"},
            SessionKind.OTHER, new String[] {"观看红色电影", "老年健康知识讲座", "青少年暑期观影"});

    private final StationBootstrap stations;

    DemoStations(StationBootstrap stations) {
        this.stations = stations;
    }

    /** Stations for the villages and communities of every town and a few agencies and enterprises of the city. */
    void load(List<Organization> all) {
        Random random = new Random(20261201L);
        Map<Long, Organization> byId = new HashMap<>();
        all.forEach(o -> byId.put(o.getId(), o));
        int agencies = 0;
        int enterprises = 0;
        for (Organization o : all) {
            Organization parent = o.getParentId() == null ? null : byId.get(o.getParentId());
            boolean local = (o.getField() == Field.VILLAGE || o.getField() == Field.COMMUNITY) && parent != null
                    && parent.getField() == Field.TOWN;
            boolean agency = o.getField() == Field.AGENCY && o.getKind() == OrgKind.BRANCH && agencies < 3;
            boolean enterprise = (o.getField() == Field.PRIVATE_ENTERPRISE || o.getField() == Field.STATE_ENTERPRISE)
                    && o.getKind() == OrgKind.BRANCH && enterprises < 3;
            if (local) {
                int n = random.nextInt(10) < 2 ? 2 : random.nextInt(12) == 0 ? 0 : 1;
                for (int i = 0; i < n; i++) {
                    station(o, i, random);
                }
            } else if (agency || enterprise) {
                station(o, 0, random);
                agencies += agency ? 1 : 0;
                enterprises += enterprise ? 1 : 0;
            }
        }
    }

    private void station(Organization host, int second, Random random) {
        String place = host.getName().replaceFirst("^中共(彭州市)?", "").replaceFirst("(总支部|支部|党支部)委员会$", "")
                .replaceFirst("支部$", "");
        String name = place + (second == 0 ? "党员干部现代远程教育站点" : "第二远程教育站点（村民小组教学点）");
        int k = random.nextInt(20);
        TerminalKind kind = k < 7 ? TerminalKind.SATELLITE : k < 16 ? TerminalKind.INTERNET : k < 18 ? TerminalKind.CABLE
                : TerminalKind.MOBILE;
        int c = random.nextInt(20);
        EquipmentCondition condition = c < 13 ? EquipmentCondition.GOOD : c < 18 ? EquipmentCondition.FAIR : EquipmentCondition.POOR;
        LocalDate opened = LocalDate.of(2008 + random.nextInt(11), 1 + random.nextInt(12), 1 + random.nextInt(28));
        LocalDate trained = random.nextInt(10) == 0 ? null
                : LocalDate.of(2016 + random.nextInt(9), 1 + random.nextInt(12), 1 + random.nextInt(28));
        boolean suspended = random.nextInt(15) == 0;
        StationDetails details = new StationDetails(name, place + (second == 0 ? "党群服务中心" : "村民小组活动室")
                + (random.nextBoolean() ? "二楼" : "一楼"), kind, EQUIPMENT[random.nextInt(EQUIPMENT.length)], condition,
                SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)], trained,
                HOURS[random.nextInt(HOURS.length)], BigDecimal.valueOf(1000 + 100L * random.nextInt(51)),
                SOURCES[random.nextInt(SOURCES.length)], opened, suspended ? StationStatus.SUSPENDED : StationStatus.IN_USE);
        stations.registered(host.getId(), details, sessions(random, suspended, condition), Actors.SYSTEM);
    }

    /** Last year's and this year's sessions: a station's pace set once, a few sessions a month around it. */
    private static List<Particulars> sessions(Random random, boolean suspended, EquipmentCondition condition) {
        LocalDate today = LocalDate.now();
        int pace = condition == EquipmentCondition.POOR ? 1 : 1 + random.nextInt(3);
        LocalDate stop = suspended ? LocalDate.of(today.getYear() - 1, 3 + random.nextInt(8), 1) : today.plusDays(1);
        SessionKind[] kinds = SessionKind.values();
        List<Particulars> out = new ArrayList<>();
        for (LocalDate month = LocalDate.of(today.getYear() - 1, 1, 1); !month.isAfter(today); month = month.plusMonths(1)) {
            int n = random.nextInt(pace + 1) + (random.nextInt(3) == 0 ? 1 : 0);
            for (int i = 0; i < n; i++) {
                LocalDate day = month.withDayOfMonth(1 + random.nextInt(month.lengthOfMonth()));
                if (day.isAfter(today) || !day.isBefore(stop)) {
                    continue;
                }
                SessionKind kind = kinds[random.nextInt(10) < 4 ? 0 : random.nextInt(kinds.length)];
                String[] topics = TOPICS.get(kind);
                int members = 3 + random.nextInt(kind == SessionKind.PARTY_LECTURE ? 30 : 15);
                int publicCount = kind == SessionKind.PARTY_LECTURE ? random.nextInt(5) : random.nextInt(60);
                out.add(new Particulars(day, topics[random.nextInt(topics.length)], kind, members, publicCount));
            }
        }
        return out;
    }
}
