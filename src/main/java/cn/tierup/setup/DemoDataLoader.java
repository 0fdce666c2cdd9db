package cn.tierup.setup;

import cn.tierup.campaign.Campaign;
import cn.tierup.campaign.CampaignBootstrap;
import cn.tierup.campaign.Phase;
import cn.tierup.campaign.PhaseDates;
import cn.tierup.grading.Grade;
import cn.tierup.grading.GradingBootstrap;
import cn.tierup.pledge.PledgeBootstrap;
import cn.tierup.upgrade.UpgradeBootstrap;
import cn.tierup.identity.AccountBootstrap;
import cn.tierup.identity.AccountBootstrap.NewAccount;
import cn.tierup.identity.Role;
import cn.tierup.organization.ChineseIdNumber;
import cn.tierup.organization.Education;
import cn.tierup.organization.Field;
import cn.tierup.organization.MemberCategory;
import cn.tierup.organization.MemberDetails;
import cn.tierup.organization.OrgKind;
import cn.tierup.organization.Organization;
import cn.tierup.organization.OrganizationBootstrap;
import cn.tierup.organization.OrganizationDetails;
import cn.tierup.organization.Post;
import cn.tierup.organization.Sex;
import cn.tierup.organization.UnitType;
import cn.tierup.shared.Messages;
import cn.tierup.shared.StartupProgress;
import cn.tierup.survey.ActivityEntry;
import cn.tierup.survey.ActivityKind;
import cn.tierup.survey.EvaluatorGroup;
import cn.tierup.survey.ReportContent;
import cn.tierup.survey.ReportType;
import cn.tierup.survey.SurveyBootstrap;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo city on an empty database: 彭州市委 with 20 towns and their villages and communities,
 * 机关工委 with the 农业局党委 branches of the first reference document (29, 34, 6, 9, 4 and 53
 * members), schools, hospitals, enterprises and social organisations, about 300 organisations and
 * 6,000 people on the rolls, one account per role and one for every organisation that grades others.
 * Generated from a fixed seed: the same every time.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "tierup.demo.enabled", havingValue = "true")
public class DemoDataLoader implements ApplicationRunner {

    public static final String DEMO_PASSWORD = "tierup2026";
    public static final String ROOT_NAME = "中共彭州市委员会";

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final LocalDate LATEST = LocalDate.of(2025, 12, 31);

    static final String[] TOWNS = {"天彭镇", "致和镇", "濛阳镇", "丽春镇", "九尺镇", "桂花镇", "葛仙山镇", "军乐镇", "升平镇",
            "通济镇", "丹景山镇", "敖平镇", "小鱼洞镇", "龙门山镇", "白鹿镇", "磁峰镇", "新兴镇", "红岩镇", "隆丰镇", "三界镇"};
    /** The login of each town's account (丽春镇 has the demo's "zhen"); a town's 总支 adds "-zongzhi". */
    private static final String[] TOWN_LOGINS = {"tianpeng", "zhihe", "mengyang", "lichun", "jiuchi", "guihua", "gexianshan",
            "junle", "shengping", "tongji", "danjingshan", "aoping", "xiaoyudong", "longmenshan", "bailu", "cifeng", "xinxing",
            "hongyan", "longfeng", "sanjie"};
    /** The person behind the demo account "cun": the village branch's 书记. */
    static final String VILLAGE_SECRETARY = "张志强";
    private static final String[] VILLAGE_STEMS = {"太平", "建设", "新华", "和平", "红光", "金星", "永丰", "双河", "联合",
            "光明", "民主", "复兴", "石门", "五星", "青龙", "白马", "河坝", "竹林", "高桥", "兴隆", "万福", "天生", "回龙", "宝山"};
    private static final String[] COMMUNITY_STEMS = {"南街", "北街", "东风", "西苑", "新城", "滨河", "花园", "朝阳"};
    private static final String[] SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
            + "于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤").split("");
    private static final String[] GIVEN = ("建国华明芳军丽强静敏伟磊洋勇艳杰娟涛超秀英霞平刚桂兰玉梅志红德文斌波辉鹏飞燕"
            + "宇浩婷雪琳晨欣悦家和兴祥福成永春海林荣贵清云萍").split("");

    private final OrganizationBootstrap orgs;
    private final AccountBootstrap accounts;
    private final CampaignBootstrap campaigns;
    private final SurveyBootstrap survey;
    private final GradingBootstrap grading;
    private final UpgradeBootstrap upgrade;
    private final PledgeBootstrap pledging;
    private final boolean withCampaign;
    private final TransactionTemplate tx;
    private final StartupProgress progress;
    private final Messages messages;
    private final Map<Long, Integer> partyMembers = new HashMap<>();
    private final List<Organization> lichunVillages = new ArrayList<>();
    private final Random random = new Random(20250301L);
    /** Last year's 民主测评 in 丽春镇 (a field, so that parts added later need not change the constructor). */
    @org.springframework.beans.factory.annotation.Autowired private AppraisalDemo appraisalDemo;
    private final Set<String> idNumbers = new HashSet<>();
    /** The login wanted for an organisation that grades others, should it have no demo account yet. */
    private final Map<Long, String> authorityLogins = new HashMap<>();
    /** Last year's 自查初评 and 上级审评 (its own class, so the acceptance part stays in one place). */
    @org.springframework.beans.factory.annotation.Autowired
    private DemoYearEndReviews yearEndReviews;
    /** The account that acts for an organisation (its 书记 or clerk); never the administrator. */
    private final Map<Long, String> accountOf = new HashMap<>();
    private int people;
    /** Last year's 表彰 of 丽春镇 (injected by field so the constructor stays as it is). */
    @org.springframework.beans.factory.annotation.Autowired private DemoCommendations demoCommendations;
    /** 排序号 given so far to the city's own units. */
    private int cityUnits;
    @org.springframework.beans.factory.annotation.Autowired
    private WorkSummaryDemo summaryDemo;
    /** The 远程教育站点 and their sessions (injected by field so the constructor stays as it is). */
    @org.springframework.beans.factory.annotation.Autowired private DemoStations demoStations;
    /** The person behind each demo account, by login: a station's grade names who decided it. */
    private final Map<String, String> accountNames = new HashMap<>();

    DemoDataLoader(OrganizationBootstrap orgs, AccountBootstrap accounts, CampaignBootstrap campaigns,
                   SurveyBootstrap survey, GradingBootstrap grading, UpgradeBootstrap upgrade, PledgeBootstrap pledging,
                   TransactionTemplate tx, StartupProgress progress, Messages messages,
                   @org.springframework.beans.factory.annotation.Value("${tierup.demo.campaign:true}") boolean withCampaign) {
        this.orgs = orgs;
        this.accounts = accounts;
        this.campaigns = campaigns;
        this.survey = survey;
        this.grading = grading;
        this.upgrade = upgrade;
        this.pledging = pledging;
        this.withCampaign = withCampaign;
        this.tx = tx;
        this.progress = progress;
        this.messages = messages;
    }

    @Override
    public void run(ApplicationArguments args) {
        long start = System.nanoTime();
        Integer count;
        try {
            count = tx.execute(s -> orgs.isEmpty() && accounts.noAccounts() ? load() : null);
        } finally {
            progress.end();
        }
        if (count != null) {
            // timed around the transaction: the commit and the after-commit listeners are part of the wait
            log.info("Demo data loaded: {} organisations, {} people, in {} ms", count, people,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** The next step of the load: on the login page, and in the log so that an operator sees it move. */
    private void step(String code, Object... args) {
        String name = messages.get(code, args);
        StartupProgress.Snapshot now = progress.step(name);
        log.info("Loading the demo city: step {} of {} ({})", now.done() + 1, now.total(), name);
    }

    private int load() {
        // a step per town, the city's own units, the accounts, the stations, this year's campaign, three past years
        progress.begin(messages.get("demo.load.task"), TOWNS.length + 4 + (withCampaign ? 4 : 0));
        List<Organization> all = new ArrayList<>();
        Organization city = orgs.root(details(ROOT_NAME, OrgKind.COMMITTEE, Field.AGENCY, "彭州市委", 1950));
        all.add(city);

        Organization firstVillage = null;
        Organization lichun = null;
        for (int t = 0; t < TOWNS.length; t++) {
            String town = TOWNS[t];
            step("demo.load.town", town);
            Organization townOrg = add(all, city, "中共彭州市" + town + "委员会", OrgKind.COMMITTEE, Field.TOWN, town + "人民政府");
            authorityLogins.put(townOrg.getId(), TOWN_LOGINS[t]);
            if (town.equals("丽春镇")) {
                lichun = townOrg;
            }
            staff(townOrg, 6 + random.nextInt(10));
            int villages = t < 4 ? 10 : 7;
            for (int v = 0; v < villages; v++) {
                String stem = VILLAGE_STEMS[(t * 7 + v) % VILLAGE_STEMS.length];
                boolean general = v == 0 && t < 4;
                Organization village = add(all, townOrg, "中共彭州市" + town + stem + "村" + (general ? "总支部委员会" : "支部委员会"),
                        general ? OrgKind.GENERAL_BRANCH : OrgKind.BRANCH, Field.VILLAGE, stem + "村村民委员会");
                if (general) {
                    authorityLogins.put(village.getId(), TOWN_LOGINS[t] + "-zongzhi");
                    for (int b = 1; b <= 3; b++) {
                        Organization sub = add(all, village, "中共彭州市" + town + stem + "村第" + "一二三".charAt(b - 1) + "党支部",
                                OrgKind.BRANCH, Field.VILLAGE, stem + "村村民委员会");
                        roll(sub, 10 + random.nextInt(15), false);
                    }
                } else {
                    roll(village, 12 + random.nextInt(28), false);
                    if (town.equals("丽春镇")) {
                        lichunVillages.add(village);
                        if (firstVillage == null) {
                            firstVillage = village;
                        }
                    }
                }
            }
            for (int c = 0; c < 2; c++) {
                String stem = COMMUNITY_STEMS[(t + c * 3) % COMMUNITY_STEMS.length];
                Organization community = add(all, townOrg, "中共彭州市" + town + stem + "社区支部委员会", OrgKind.BRANCH,
                        Field.COMMUNITY, stem + "社区居民委员会");
                roll(community, 15 + random.nextInt(35), false);
            }
        }

        step("demo.load.units");
        Organization agencies = add(all, city, "中共彭州市直属机关工作委员会", OrgKind.COMMITTEE, Field.AGENCY, "市直机关");
        staff(agencies, 5);
        Organization dept = add(all, agencies, "中共彭州市委组织部支部委员会", OrgKind.BRANCH, Field.AGENCY, "市委组织部");
        roll(dept, 18, false);
        // The first reference document: 农业局党委 and its branches, with their member counts.
        Organization agriculture = add(all, agencies, "中共彭州市农业局委员会", OrgKind.COMMITTEE, Field.AGENCY, "彭州市农业局");
        Organization nyjAdmin = add(all, agriculture, "彭州市农业局行政人员支部", OrgKind.BRANCH, Field.AGENCY, "彭州市农业局");
        roll(nyjAdmin, 29, false);
        roll(add(all, agriculture, "彭州市农业局事业人员支部", OrgKind.BRANCH, Field.INSTITUTION, "彭州市农业技术推广中心"), 34, false);
        roll(add(all, agriculture, "彭州市农业局隆平科业支部", OrgKind.BRANCH, Field.STATE_ENTERPRISE, "隆平科业公司"), 6, false);
        roll(add(all, agriculture, "彭州市农业局农学会支部", OrgKind.BRANCH, Field.SOCIAL_ORGANIZATION, "彭州市农学会"), 9, false);
        roll(add(all, agriculture, "彭州市气象局支部", OrgKind.BRANCH, Field.AGENCY, "彭州市气象局"), 4, false);
        roll(add(all, agriculture, "彭州市农业局离退人员支部", OrgKind.BRANCH, Field.AGENCY, "彭州市农业局"), 53, true);
        for (String d : new String[] {"财政局", "发展和改革局", "人力资源和社会保障局", "住房和城乡建设局", "交通运输局", "水务局"}) {
            roll(add(all, agencies, "中共彭州市" + d + "支部委员会", OrgKind.BRANCH, Field.AGENCY, "彭州市" + d), 12 + random.nextInt(25), false);
        }

        Organization education = add(all, city, "中共彭州市教育局委员会", OrgKind.COMMITTEE, Field.SCHOOL, "彭州市教育局");
        authorityLogins.put(education.getId(), "jiaoyu");
        for (String school : new String[] {"彭州中学", "彭州市第一中学", "彭州市嘉祥外国语学校", "彭州市实验小学", "彭州市天府路小学",
                "彭州市南街小学", "彭州市濛阳中学", "彭州市丽春学校", "彭州市九尺中学", "彭州市职业高级中学"}) {
            roll(add(all, education, "中共" + school + "支部委员会", OrgKind.BRANCH, Field.SCHOOL, school), 10 + random.nextInt(30), false);
        }
        Organization health = add(all, city, "中共彭州市卫生局委员会", OrgKind.COMMITTEE, Field.HEALTH, "彭州市卫生局");
        authorityLogins.put(health.getId(), "weisheng");
        for (String h : new String[] {"彭州市人民医院", "彭州市中医医院", "彭州市妇幼保健院", "彭州市疾病预防控制中心",
                "彭州市第二人民医院", "彭州市丽春镇卫生院", "彭州市濛阳镇卫生院", "彭州市致和镇卫生院"}) {
            roll(add(all, health, "中共" + h + "支部委员会", OrgKind.BRANCH, Field.HEALTH, h), 10 + random.nextInt(40), false);
        }
        Organization culture = add(all, city, "中共彭州市文化广播电视局委员会", OrgKind.COMMITTEE, Field.CULTURE, "彭州市文广局");
        authorityLogins.put(culture.getId(), "wenguang");
        for (String c : new String[] {"彭州市图书馆", "彭州市文化馆", "彭州市博物馆", "彭州市川剧团"}) {
            roll(add(all, culture, "中共" + c + "支部委员会", OrgKind.BRANCH, Field.CULTURE, c), 6 + random.nextInt(15), false);
        }
        Organization soe = add(all, city, "中共彭州市国有资产监督管理委员会委员会", OrgKind.COMMITTEE, Field.STATE_ENTERPRISE, "彭州市国资委");
        authorityLogins.put(soe.getId(), "guozi");
        for (String e : new String[] {"彭州市国有投资有限公司", "彭州市自来水有限公司", "彭州市城乡建设投资有限公司", "彭州市公交有限公司",
                "彭州市农业发展投资有限公司"}) {
            roll(add(all, soe, "中共" + e + "支部委员会", OrgKind.BRANCH, Field.STATE_ENTERPRISE, e), 8 + random.nextInt(25), false);
        }
        Organization twoNew = add(all, city, "中共彭州市非公有制经济组织和社会组织工作委员会", OrgKind.COMMITTEE,
                Field.PRIVATE_ENTERPRISE, "市委统战部");
        authorityLogins.put(twoNew.getId(), "liangxin");
        for (String e : new String[] {"四川蜀泰化工有限公司", "彭州天府蔬菜物流有限公司", "成都彭州石化配套产业有限公司",
                "四川龙门山茶业有限公司", "彭州市华丰食品有限公司", "彭州宏达建材有限公司", "四川丹景山酒业有限公司", "彭州市金彭药业有限公司"}) {
            roll(add(all, twoNew, "中共" + e + "支部委员会", OrgKind.BRANCH, Field.PRIVATE_ENTERPRISE, e), 3 + random.nextInt(20), false);
        }
        Organization civil = add(all, city, "中共彭州市民政局委员会", OrgKind.COMMITTEE, Field.SOCIAL_ORGANIZATION, "彭州市民政局");
        authorityLogins.put(civil.getId(), "minzheng");
        for (String s : new String[] {"彭州市慈善总会", "彭州市社会工作服务中心", "彭州市老年协会"}) {
            roll(add(all, civil, "中共" + s + "支部委员会", OrgKind.BRANCH, Field.SOCIAL_ORGANIZATION, s), 3 + random.nextInt(10), false);
        }
        Organization justice = add(all, city, "中共彭州市司法局委员会", OrgKind.COMMITTEE, Field.AGENCY, "彭州市司法局");
        authorityLogins.put(justice.getId(), "sifa");
        staff(justice, 14);
        // 律师事务所 sit under the "两新" committee but are graded by the justice bureau's party committee.
        for (String law : new String[] {"四川天彭律师事务所", "四川蜀州律师事务所"}) {
            Organization firm = add(all, twoNew, "中共" + law + "支部委员会", OrgKind.BRANCH, Field.SOCIAL_ORGANIZATION, law);
            roll(firm, 3 + random.nextInt(5), false);
            orgs.assignGradingAuthority(firm, justice);
        }
        Organization zone = add(all, city, "中共彭州工业开发区工作委员会", OrgKind.COMMITTEE, Field.PRIVATE_ENTERPRISE, "彭州工业开发区管委会");
        authorityLogins.put(zone.getId(), "kaifaqu");
        for (String e : new String[] {"四川石化配套园区企业联合", "彭州工业开发区机关", "成都彭州新材料有限公司"}) {
            roll(add(all, zone, "中共" + e + "支部委员会", OrgKind.BRANCH, Field.PRIVATE_ENTERPRISE, e), 5 + random.nextInt(20), false);
        }

        authorityLogins.put(city.getId(), "shiwei");
        step("demo.load.accounts");
        leadership(all, firstVillage);
        List<NewAccount> demoAccounts = new ArrayList<>(List.of(
                new NewAccount("admin", "王组织", city.getId(), Role.ADMIN),
                new NewAccount("zhen", "李镇书", lichun.getId(), Role.SUPERVISOR),
                new NewAccount("jggw", "赵工委", agencies.getId(), Role.SUPERVISOR),
                new NewAccount("cun", firstVillage.getSecretary(), firstVillage.getId(), Role.BRANCH),
                new NewAccount("nyj", "刘农业", agriculture.getId(), Role.BRANCH)));
        demoAccounts.stream().filter(a -> a.role() != Role.ADMIN && a.role() != Role.MEMBER)
                .forEach(a -> accountOf.put(a.organizationId(), a.username()));
        demoAccounts.addAll(authorityAccounts(all, city));
        demoAccounts.forEach(a -> accountNames.put(a.username(), a.displayName()));
        accounts.createAll(demoAccounts, DEMO_PASSWORD);
        // the party member's account is a person on that village's roll (the first, who pledges in the demo's last year)
        var member = orgs.partyMembers(firstVillage.getId(), 1).get(0);
        accounts.createMember("dangyuan", DEMO_PASSWORD, new cn.tierup.identity.OrganizationDirectory.MemberRef(
                member.getId(), member.getName(), firstVillage.getId(), true));
        step("demo.load.stations");
        demoStations.load(all);
        if (withCampaign) {
            step("demo.load.campaign", String.valueOf(LocalDate.now().getYear()));
            campaign(city, lichun);
            pastGradings(all, city, lichun);
        }
        return all.size();
    }

    /**
     * Every organisation's 书记 on record as its leadership since its last election (or its founding), the
     * name its facts already give; the village of the demo account "cun" has that account's person.
     */
    private void leadership(List<Organization> all, Organization accountVillage) {
        for (Organization o : all) {
            String name = o == accountVillage ? VILLAGE_SECRETARY : o.getSecretary();
            LocalDate since = o.getLastElectionOn() != null ? o.getLastElectionOn() : o.getEstablishedOn();
            orgs.appoint(o, name, Post.SECRETARY, since);
        }
    }

    /**
     * An account for every organisation that grades others and has none yet (the city for its towns and
     * committees, each town, each 总支, each sector's committee, 司法局 for the law firms), held by its 书记,
     * so that each grade of the demo is decided by a person of the organisation's own grading authority.
     */
    private List<NewAccount> authorityAccounts(List<Organization> all, Organization city) {
        Set<Long> authorities = new HashSet<>();
        for (Organization o : all) {
            if (o != city) {
                authorities.add(o.effectiveGradingAuthorityId());
            }
        }
        List<NewAccount> out = new ArrayList<>();
        for (Organization o : all) {
            if (!authorities.contains(o.getId()) || accountOf.containsKey(o.getId())) {
                continue;
            }
            String login = authorityLogins.get(o.getId());
            if (login == null) {
                throw new IllegalStateException("the demo grades under " + o.getName() + " but gives it no account");
            }
            out.add(new NewAccount(login, o.getSecretary(), o.getId(), Role.SUPERVISOR));
            accountOf.put(o.getId(), login);
        }
        return out;
    }

    /**
     * This year's campaign with the survey under way (started two weeks ago, reports due in two weeks),
     * and 丽春镇 part of the way through it: one report accepted, one waiting for review, one draft, some
     * survey work recorded. The 丽春镇 village of the demo account "cun" has not started.
     */
    private void campaign(Organization city, Organization lichun) {
        LocalDate today = LocalDate.now();
        LocalDate start = today.minusDays(14);
        Map<Phase, PhaseDates> schedule = new EnumMap<>(Phase.class);
        schedule.put(Phase.SURVEY, new PhaseDates(start, today.plusDays(16), today.plusDays(16)));
        schedule.put(Phase.GRADING, new PhaseDates(today.plusDays(17), today.plusDays(47), today.plusDays(27)));
        schedule.put(Phase.UPGRADE, new PhaseDates(today.plusDays(28), today.plusDays(240), today.plusDays(240)));
        schedule.put(Phase.ACCEPTANCE, new PhaseDates(today.plusDays(241), today.plusDays(300), today.plusDays(261)));
        Campaign c = campaigns.open(city.getId(), start.getYear(), start.getYear() + "年度三分类三升级活动", schedule);
        LocalDateTime at = start.plusDays(5).atTime(10, 30);
        LocalDate due = today.plusDays(16);
        for (int i = 1; i < Math.min(4, lichunVillages.size()); i++) {
            Organization v = lichunVillages.get(i);
            int members = partyMembers.getOrDefault(v.getId(), 10);
            ReportContent content = new ReportContent(
                    "本村党支部现有党员" + members + "名，支部委员会成员5名。近年来，支部坚持“三会一课”制度，带领群众发展特色种植，村集体经济稳步增长。",
                    "一是党员队伍老龄化，35岁以下党员偏少；二是部分党员参加组织生活不经常；三是村级活动场所设施陈旧。",
                    "青壮年外出务工多，发展党员渠道窄；组织生活形式单一，吸引力不强；村级经费保障不足。",
                    "一是注重在返乡青年、致富能手中培养入党积极分子；二是丰富组织生活形式，结合产业发展开展主题党日；三是争取项目资金改善活动场所。",
                    day(start, 3), Math.max(1, members * 4 / 5), null,
                    demoStations.entries(survey.hostedStations(v.getId())));
            survey.report(c.getId(), v.getId(), ReportType.SELF_INSPECTION, content, "cun", at,
                    i <= 2 ? due : null, members, i == 1, "zhen");
            survey.activity(c.getId(), v.getId(), new ActivityEntry(ActivityKind.HOME_VISIT, day(start, 2), 8 + i * 3,
                    null, null, "走访老党员、困难群众"), c.getYear(), "cun", LocalDateTime.now());
            survey.activity(c.getId(), v.getId(), new ActivityEntry(ActivityKind.INTERVIEW, day(start, 2), 5 + i, null,
                    null, null), c.getYear(), "cun", LocalDateTime.now());
        }
        survey.activity(c.getId(), lichun.getId(), new ActivityEntry(ActivityKind.SYMPOSIUM, day(start, 4), 2, null, null,
                "村党支部书记座谈会、老党员座谈会"), c.getYear(), "zhen", LocalDateTime.now());
        survey.activity(c.getId(), lichun.getId(), new ActivityEntry(ActivityKind.QUESTIONNAIRE, day(start, 6), 220, 206,
                null, "党员 154 份、群众 66 份"), c.getYear(), "zhen", LocalDateTime.now());
        survey.activity(c.getId(), lichun.getId(), new ActivityEntry(ActivityKind.APPRAISAL, day(start, 7), 18, null,
                EvaluatorGroup.GRASSROOTS_CADRE, null), c.getYear(), "zhen", LocalDateTime.now());
        survey.activity(c.getId(), lichun.getId(), new ActivityEntry(ActivityKind.APPRAISAL, day(start, 7), 35, null,
                EvaluatorGroup.MEMBER_PUBLIC_REP, null), c.getYear(), "zhen", LocalDateTime.now());
    }

    /**
     * The three previous years' campaigns, each ending with every organisation under the city graded by its
     * own grading authority (towns and committees by the city, villages by their town, a 总支's branches by
     * it, the law firms by 司法局…), decided by that authority's account and recorded by the organisation's
     * own where it has one — the register's history, and the "last three years" a self-grading looks at.
     * Each organisation keeps a standing that mostly improves year on year, as the campaign intends.
     */
    private void pastGradings(List<Organization> all, Organization city, Organization lichun) {
        Set<Long> towns = new HashSet<>();
        for (Organization o : all) {
            if (o.getField() == Field.TOWN) {
                towns.add(o.getId());
            }
        }
        List<Organization> graded = all.stream().filter(o -> o != city).toList();
        Map<Long, Integer> members = new HashMap<>();
        for (Organization o : graded) {
            // a 总支 or committee without a roll of its own meets with the members of its branches
            int own = partyMembers.getOrDefault(o.getId(), 0);
            members.put(o.getId(), own > 0 ? own : Math.max(10, all.stream().filter(c -> o.getId().equals(c.getParentId()))
                    .mapToInt(c -> partyMembers.getOrDefault(c.getId(), 0)).sum()));
        }
        Map<Long, Double> standing = new HashMap<>();
        graded.forEach(o -> standing.put(o.getId(), random.nextDouble()));
        int thisYear = LocalDate.now().getYear();
        for (int year = thisYear - 3; year < thisYear; year++) {
            step("demo.load.year", String.valueOf(year));
            Campaign c = campaigns.open(city.getId(), year, year + "年度三分类三升级活动", Campaign.noticeSchedule(year));
            Long strongest = null;
            for (Organization o : graded) {
                double s = standing.merge(o.getId(), random.nextDouble() * 0.12 - 0.02, Double::sum);
                Grade level = s > 0.68 ? Grade.ADVANCED : s > 0.18 ? Grade.AVERAGE : Grade.LAGGING;
                long authority = o.effectiveGradingAuthorityId();
                grading.graded(c.getId(), year, o.getId(), o.getField().name(), members.get(o.getId()), level, authority,
                        accountOf.getOrDefault(o.getId(), cn.tierup.shared.Actors.SYSTEM), accountOf.get(authority));
                if (level == Grade.ADVANCED && strongest == null && towns.contains(o.getParentId())) {
                    strongest = o.getId();
                }
            }
            demoStations.graded(c.getId(), year, accountOf, accountNames);
            if (year == thisYear - 1) {
                lastYearInLichun(c, graded, lichun, standing, strongest);
                demoStations.inRectification(c.getId(), year, lichun.getId());
                Map<Long, String> reviewedTowns = yearEndReviews.lastYear(c.getId(), year, all,
                        lichunVillages.get(0).getId(), accountOf);
                Set<Long> stationTowns = new HashSet<>(reviewedTowns.keySet());
                stationTowns.add(lichun.getId());
                demoStations.yearEnd(c.getId(), year, lichun.getId(), stationTowns);
                summaryDemo.lastYear(c.getId(), year, lichun.getId(), reviewedTowns);
            }
        }
    }

    /**
     * Last year's 晋位升级 and 公开承诺 in 丽春镇: every village's goal approved, ledgers for the 一般 and
     * 后进 ones (one line left open past its deadline in every third), pairings for the 后进, and published
     * pledges with fulfilment, members' pledges, a comment and residents' ratings.
     */
    private void lastYearInLichun(Campaign c, List<Organization> graded, Organization lichun, Map<Long, Double> standing,
                                  Long strongest) {
        int n = 0;
        for (Organization o : graded) {
            if (!o.getParentId().equals(lichun.getId())) {
                continue;
            }
            double s = standing.get(o.getId());
            Grade level = s > 0.68 ? Grade.ADVANCED : s > 0.18 ? Grade.AVERAGE : Grade.LAGGING;
            String grade = level == Grade.ADVANCED ? "先进" : level == Grade.AVERAGE ? "一般" : "后进";
            upgrade.year(c.getId(), c.getYear(), o.getId(), grade, level, strongest, "cun", "zhen", n++ % 3 != 0);
            List<Long> ids = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (var m : orgs.partyMembers(o.getId(), 3)) {
                ids.add(m.getId());
                names.add(m.getName());
            }
            pledging.year(c.getId(), c.getYear(), o.getId(), ids, names, "cun", "zhen", random);
        }
        appraisalDemo.lastYear(c.getId(), c.getYear(), lichun.getId(), lichun.getPath());
        demoCommendations.lastYear(c.getId(), c.getYear(), lichun.getId(), "zhen");
    }

    /** A day of the survey's first week, kept within the campaign's year and not after today. */
    private static LocalDate day(LocalDate start, int offset) {
        LocalDate d = start.plusDays(offset);
        LocalDate last = LocalDate.of(start.getYear(), 12, 31);
        LocalDate latest = LocalDate.now().isBefore(last) ? LocalDate.now() : last;
        return d.isAfter(latest) ? latest : d;
    }

    private Organization add(List<Organization> all, Organization parent, String name, OrgKind kind, Field field, String unit) {
        OrganizationDetails d = details(name, kind, field, unit, 1958 + random.nextInt(60));
        if (parent.getParentId() == null) {
            // the city lists its units as its office does: the towns in their official order, then the 机关工委,
            // then the departments (排序号 1, 2, 3 …); below the city the demo leaves 排序号 empty (pinyin order)
            d = new OrganizationDetails(d.name(), d.kind(), d.field(), d.secretary(), d.contactPerson(), d.contactPhone(),
                    d.unitType(), d.unitName(), d.establishedOn(), d.lastElectionOn(), ++cityUnits);
        }
        Organization o = orgs.child(parent, d);
        all.add(o);
        return o;
    }

    private OrganizationDetails details(String name, OrgKind kind, Field field, String unit, int establishedYear) {
        LocalDate established = LocalDate.of(establishedYear, 1 + random.nextInt(12), 1 + random.nextInt(28));
        LocalDate election = LocalDate.of(2021 + random.nextInt(4), 1 + random.nextInt(12), 1 + random.nextInt(28));
        return new OrganizationDetails(name, kind, field, personName(), personName(), mobile(),
                kind == OrgKind.BRANCH ? UnitType.LEGAL_ENTITY : UnitType.SAME_AS_PARENT, unit, established,
                election.isBefore(established) ? null : election, null);
    }

    /** Party members of a committee's own office (机关) roll. */
    private void staff(Organization org, int n) {
        roll(org, n, false);
    }

    /** {@code n} party members, and a few activists and development targets for the pipeline. */
    private void roll(Organization org, int n, boolean allRetired) {
        partyMembers.merge(org.getId(), n, Integer::sum);
        for (int i = 0; i < n; i++) {
            int birthYear = allRetired ? 1938 + random.nextInt(24) : 1950 + random.nextInt(50);
            LocalDate birth = LocalDate.of(birthYear, 1 + random.nextInt(12), 1 + random.nextInt(28));
            LocalDate joined = birth.plusYears(20 + random.nextInt(20)).plusDays(random.nextInt(300));
            MemberCategory category = MemberCategory.FULL;
            if (joined.isAfter(LATEST.minusYears(1))) {
                joined = LATEST.minusDays(30 + random.nextInt(300));
                category = MemberCategory.PROBATIONARY;
            } else if (random.nextInt(30) == 0) {
                joined = LATEST.minusDays(30 + random.nextInt(300));
                category = MemberCategory.PROBATIONARY;
            }
            LocalDate regularized = category == MemberCategory.FULL ? joined.plusYears(1) : null;
            boolean retired = allRetired || birthYear < 1964;
            member(org, birth, category, null, null, joined, regularized, retired);
        }
        if (!allRetired) {
            int activists = random.nextInt(3);
            for (int i = 0; i < activists; i++) {
                LocalDate birth = LocalDate.of(1993 + random.nextInt(10), 1 + random.nextInt(12), 1 + random.nextInt(28));
                member(org, birth, MemberCategory.ACTIVIST, LATEST.minusDays(100 + random.nextInt(500)), null, null, null, false);
            }
            if (random.nextInt(3) == 0) {
                LocalDate birth = LocalDate.of(1990 + random.nextInt(10), 1 + random.nextInt(12), 1 + random.nextInt(28));
                LocalDate activist = LATEST.minusDays(500 + random.nextInt(300));
                member(org, birth, MemberCategory.DEVELOPMENT_TARGET, activist, activist.plusDays(365), null, null, false);
            }
        }
    }

    private void member(Organization org, LocalDate birth, MemberCategory category, LocalDate activistOn,
                        LocalDate targetOn, LocalDate joined, LocalDate regularized, boolean retired) {
        Sex sex = random.nextInt(100) < 68 ? Sex.MALE : Sex.FEMALE;
        Education[] edu = Education.values();
        Education education = birth.getYear() > 1980 ? edu[random.nextInt(3)] : edu[1 + random.nextInt(edu.length - 1)];
        orgs.member(org, new MemberDetails(personName(), sex, random.nextInt(20) == 0 ? "回族" : "汉族", birth, education,
                category, activistOn, targetOn, joined, regularized, retired, random.nextInt(33) == 0,
                random.nextInt(25) == 0, idNumber(birth, sex), mobile()));
        people++;
    }

    private String idNumber(LocalDate birth, Sex sex) {
        while (true) {
            int seq = random.nextInt(500) * 2 + (sex == Sex.MALE ? 1 : 0);
            String first17 = "510182" + birth.toString().replace("-", "") + String.format("%03d", seq);
            String id = ChineseIdNumber.withCheckDigit(first17);
            if (idNumbers.add(id)) {
                return id;
            }
        }
    }

    private String personName() {
        String given = GIVEN[random.nextInt(GIVEN.length)] + (random.nextInt(3) == 0 ? "" : GIVEN[random.nextInt(GIVEN.length)]);
        return SURNAMES[random.nextInt(SURNAMES.length)] + given;
    }

    private String mobile() {
        return "1" + (3 + random.nextInt(6)) + String.format("%09d", random.nextInt(1_000_000_000));
    }
}
