package cn.tierup.setup;

import cn.tierup.organization.Field;
import cn.tierup.organization.OrgKind;
import cn.tierup.organization.Organization;
import cn.tierup.grading.Grade;
import cn.tierup.shared.Actors;
import cn.tierup.station.EquipmentCondition;
import cn.tierup.station.SessionKind;
import cn.tierup.station.StationBootstrap;
import cn.tierup.station.StationBootstrap.PastGrade;
import cn.tierup.station.StationGradingRound;
import cn.tierup.acceptance.RecognitionDetails;
import cn.tierup.acceptance.WorkSummaryBootstrap;
import cn.tierup.campaign.RecognitionLevel;
import cn.tierup.upgrade.UpgradeBootstrap;
import cn.tierup.station.StationDetails;
import cn.tierup.station.StationSession.Particulars;
import cn.tierup.station.StationStatus;
import cn.tierup.station.TerminalKind;
import cn.tierup.survey.HostedStation;
import cn.tierup.survey.StationEntry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The demo city's 远程教育站点: most villages and communities host one, some two, a few agencies and enterprises one,
 * each with its learning sessions of last year and this year so far — some stations busy, some seldom used, a few
 * 停用. Drawn from a random source of its own, seeded, so the demo is the same every time and the rest of the demo's
 * draws do not move. The earlier years' station grades and the stations' part of this year's 自查报告 draw from
 * sources of their own again, so that adding them moved none of the stations.
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

    /** 自评说明 by the grade the host gives itself. */
    private static final Map<Grade, String[]> STATEMENTS = Map.of(
            Grade.ADVANCED, new String[] {"站点设备完好、全年正常开放，每月组织集中学习，学用结合成效明显，群众满意度高。",
                    "管理制度健全上墙，学习记录、签到、台账齐全，经费落实到位，结合产业发展开展技能培训，自评为先进站点。"},
            Grade.AVERAGE, new String[] {"站点基本正常运行，能按计划组织学习，但学习形式较单一、群众参与不够广泛。",
                    "设备总体可用，学习记录基本齐全，经费保障一般，学用转化成果不够突出，自评为一般站点。",
                    "能坚持开展集中学习，但部分月份活动偏少，设备维护更新经费不足。"},
            Grade.LAGGING, new String[] {"站点开放不经常，学习活动偏少，台账记录不全，设备老化未及时维修。",
                    "管理员变动频繁、操作不熟练，全年集中学习次数不足，群众知晓率低。"});
    /** Why the authority's grade differs from the host's, by the grade decided. */
    private static final Map<Grade, String[]> REASONS = Map.of(
            Grade.ADVANCED, new String[] {"经实地核查，该站点学用结合成效突出，群众评价好，评定为先进站点。"},
            Grade.AVERAGE, new String[] {"经实地核查，学习活动签到记录不全，群众评价得分偏高，评定为一般站点。",
                    "抽查学习台账，部分月份未组织集中学习，自评分偏高，评定为一般站点。"},
            Grade.LAGGING, new String[] {"经核查，站点全年集中学习不足 6 次，设备故障长期未报修，评定为后进站点。"});

    /** A demo station as its later draws need it: its host, whether it is 停用, its equipment, and its standing. */
    private record Registered(long id, Organization host, boolean suspended, EquipmentCondition condition, double[] standing) {
    }

    private final StationBootstrap stations;
    private final UpgradeBootstrap upgrade;
    private final WorkSummaryBootstrap summaries;
    private final List<Registered> registered = new ArrayList<>();
    /** Last year's 年初定级 of each demo station, for its rectification and its 年末审定. */
    private final Map<Long, PastGrade> lastYear = new HashMap<>();
    private final Map<Long, Registered> byId = new HashMap<>();
    private Random gradingRandom;
    private Random entryRandom;

    DemoStations(StationBootstrap stations, UpgradeBootstrap upgrade, WorkSummaryBootstrap summaries) {
        this.stations = stations;
        this.upgrade = upgrade;
        this.summaries = summaries;
    }

    /** Stations for the villages and communities of every town and a few agencies and enterprises of the city. */
    void load(List<Organization> all) {
        Random random = new Random(20261201L);
        registered.clear();
        byId.clear();
        lastYear.clear();
        gradingRandom = new Random(20261202L);
        entryRandom = new Random(20261203L);
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
        long id = stations.registered(host.getId(), details, sessions(random, suspended, condition), Actors.SYSTEM);
        // a station's standing, the better its equipment the better; it mostly improves year on year
        double standing = gradingRandom.nextDouble() - (condition == EquipmentCondition.POOR ? 0.25
                : condition == EquipmentCondition.FAIR ? 0.08 : 0);
        Registered r = new Registered(id, host, suspended, condition, new double[] {standing});
        registered.add(r);
        byId.put(id, r);
    }

    /**
     * Every demo station graded in an earlier campaign of {@code year}: self-assessed and handed in by its host's
     * account (the system where the host has none), decided by the account of the host's grading authority. Most come
     * out 一般, a good share 先进, a few 后进 — the stations 停用 last year by the veto 站点未正常运行 — and for a few the
     * authority's grade is not the host's, with its reason.
     */
    void graded(long campaignId, int year, Map<Long, String> accountOf, Map<String, String> accountNames) {
        boolean lastYear = year == LocalDate.now().getYear() - 1;
        List<PastGrade> out = new ArrayList<>();
        for (Registered r : registered) {
            double s = r.standing()[0] += gradingRandom.nextDouble() * 0.10 - 0.02;
            boolean vetoed = lastYear && r.suspended();
            Grade decided = vetoed || s <= 0.08 ? Grade.LAGGING : s > 0.74 ? Grade.ADVANCED : Grade.AVERAGE;
            Grade self = decided;
            int differs = gradingRandom.nextInt(100);
            if (!vetoed && differs < 6 && decided != Grade.ADVANCED) {
                self = decided == Grade.AVERAGE ? Grade.ADVANCED : Grade.AVERAGE; // the host thought better of itself
            } else if (!vetoed && differs < 8 && decided == Grade.ADVANCED) {
                self = Grade.AVERAGE; // modest: the authority found more than the host claimed
            }
            int score = switch (self) {
                case ADVANCED -> decided == self ? 85 + gradingRandom.nextInt(12) : 85 + gradingRandom.nextInt(3);
                case AVERAGE -> decided == self ? 60 + gradingRandom.nextInt(25)
                        : decided == Grade.ADVANCED ? 82 + gradingRandom.nextInt(3) : 60 + gradingRandom.nextInt(4);
                default -> vetoed ? 50 + gradingRandom.nextInt(15) : 40 + gradingRandom.nextInt(19);
            };
            String[] statements = STATEMENTS.get(self);
            String statement = vetoed ? "站点自" + year + "年年中起停用，设备待维修，全年未能正常运行。"
                    : statements[gradingRandom.nextInt(statements.length)];
            String reason = null;
            if (self != decided) {
                String[] reasons = REASONS.get(decided);
                reason = reasons[gradingRandom.nextInt(reasons.length)];
            }
            Organization host = r.host();
            long authority = host.effectiveGradingAuthorityId();
            String decider = accountOf.get(authority);
            out.add(new PastGrade(r.id(), host.getId(), score, vetoed ? Set.of(1) : Set.of(), statement,
                    accountOf.getOrDefault(host.getId(), Actors.SYSTEM), host.getSecretary(), decided, reason, authority,
                    decider, accountNames.getOrDefault(decider, decider)));
        }
        stations.graded(campaignId, year, out);
        if (lastYear) {
            out.forEach(p -> this.lastYear.put(p.stationId(), p));
        }
    }

    /**
     * Last year's 晋位升级 of the 丽春镇 stations graded 一般 or 后进 (a few): the goal approved by the town, a ledger with
     * one line closed on evidence and the other closed too for most — a 后进 station with its ledger closed converted.
     */
    void inRectification(long campaignId, int year, long lichunId) {
        int n = 0;
        for (Registered r : registered) {
            PastGrade p = lastYear.get(r.id());
            if (p == null || p.decided() == Grade.ADVANCED || r.host().getParentId() == null
                    || r.host().getParentId() != lichunId) {
                continue;
            }
            String grade = p.decided() == Grade.AVERAGE ? "一般" : "后进";
            upgrade.stationYear(campaignId, year, r.host().getId(), r.id(), grade, p.decided(), p.assessedBy(),
                    p.decidedBy(), n++ % 3 != 2);
        }
    }

    /**
     * Last year's 年末审定 of the stations graded by {@code towns} (the towns whose year-end review the demo did): a 后进
     * station rises to 一般 where its ledger was closed (丽春镇's) or its standing rose, a few 一般 become 先进, the rest
     * keep their class — and one 先进 station of 丽春镇 named a 市级示范站点 in the summer, so that the 工作总结's station
     * rates have something to count.
     */
    void yearEnd(long campaignId, int year, long lichunId, java.util.Collection<Long> towns) {
        List<PastGrade> out = new ArrayList<>();
        Random x = new Random(20261204L);
        boolean named = false;
        for (Registered r : registered) {
            PastGrade p = lastYear.get(r.id());
            if (p == null || !towns.contains(p.authorityId())) {
                continue;
            }
            Grade end = switch (p.decided()) {
                case LAGGING -> r.suspended() && p.authorityId() != lichunId ? Grade.LAGGING : Grade.AVERAGE;
                case AVERAGE -> x.nextInt(5) == 0 ? Grade.ADVANCED : Grade.AVERAGE;
                case ADVANCED -> x.nextInt(12) == 0 ? Grade.AVERAGE : Grade.ADVANCED;
            };
            int score = switch (end) {
                case ADVANCED -> 85 + x.nextInt(12);
                case AVERAGE -> 62 + x.nextInt(22);
                case LAGGING -> 45 + x.nextInt(14);
            };
            String statement = end == Grade.LAGGING ? "站点仍未恢复运行，设备维修经费尚未落实。"
                    : STATEMENTS.get(end)[x.nextInt(STATEMENTS.get(end).length)];
            out.add(new PastGrade(r.id(), p.hostId(), score, Set.of(), statement, p.assessedBy(), p.assessedByName(), end,
                    null, p.authorityId(), p.decidedBy(), p.decidedByName()));
            if (!named && p.authorityId() == lichunId && p.decided() == Grade.ADVANCED && end == Grade.ADVANCED) {
                summaries.stationRecognized(p.hostId(), r.id(), lichunId, new RecognitionDetails(p.hostId(), "市级示范站点",
                        RecognitionLevel.CITY, LocalDate.of(year, 7, 1), "中共彭州市委组织部", "彭组通〔" + year + "〕52号",
                        null, r.id()), p.decidedBy(), LocalDate.of(year, 7, 6).atTime(10, 0));
                named = true;
            }
        }
        stations.graded(campaignId, year, StationGradingRound.YEAR_END, out);
    }

    /** The 远程教育站点 part of a host's report: an entry for each station it hosts, every required part written. */
    List<StationEntry> entries(List<HostedStation> hosted) {
        List<StationEntry> out = new ArrayList<>();
        for (HostedStation h : hosted) {
            Registered r = byId.get(h.id());
            boolean suspended = r != null && r.suspended();
            boolean poor = r != null && r.condition() == EquipmentCondition.POOR;
            Random x = entryRandom;
            String operation = suspended ? "站点自去年起停用，卫星接收设备损坏待维修，暂借村委会会议室组织集中学习。"
                    : poor ? "站点能开放，但电脑老化、网络时常中断，部分课件无法正常播放。"
                    : pick(x, "站点设备运行正常，每周固定开放，课件按时下载、分类存储。",
                            "站点全年正常运行，终端和投影设备完好，网络畅通，故障能及时报修。",
                            "站点坚持定期开放，农闲时增加播放场次，设备运行基本稳定。");
            String staffing = pick(x, "由村党支部副书记兼任站点管理员，已参加县级培训，能熟练操作设备。",
                    "配备专职管理员 1 名、大学生村官协助管理，学用骨干队伍 5 人。",
                    "管理员由村文书兼任，参加过一次培训，设备维护主要依靠镇远教中心指导。");
            String resources = pick(x, "以远程教育平台课件为主，补充本地种养殖技术视频，建立课件目录台账。",
                    "接收党员教育、实用技术、政策法规三类课件，按月更新播放目录。",
                    "课件资源较丰富，但贴近本村产业的本地化课件偏少。");
            String funding = pick(x, "运行维护经费由镇财政补助和村集体经济共同承担，基本能保障日常运行。",
                    "每年落实运行维护经费，管理员补贴按季度发放，设备更新经费仍有缺口。",
                    "经费主要依靠上级专项补助，村级自筹不足，电费、网费偶有拖欠。");
            String assessment = pick(x, "每月制定学习计划，活动有签到、有记录，年底开展学用效果评估。",
                    "落实“一课一记录”，镇党委每季度检查学习台账并通报。",
                    "有学习计划和签到记录，但目标考核和教学评估尚未形成制度。");
            String effect = pick(x, "通过猕猴桃种植、电商实用技术培训，带动 20 余户群众增收。",
                    "党员参学率保持在八成以上，学习内容与乡村振兴工作结合紧密。",
                    "学用转化成果还不明显，部分党员群众参学积极性不高。");
            String extension = x.nextInt(3) == 0 ? null
                    : pick(x, "定期为辖区内小微企业党员播放学习课件。", "与社区“两新”组织共享站点，开展联合学习 3 次。");
            out.add(new StationEntry(h.id(), operation, staffing, resources, funding, assessment, effect, extension));
        }
        return out;
    }

    private static String pick(Random random, String... texts) {
        return texts[random.nextInt(texts.length)];
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
