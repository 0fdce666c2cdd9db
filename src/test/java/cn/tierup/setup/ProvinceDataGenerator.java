package cn.tierup.setup;

import cn.tierup.organization.Education;
import cn.tierup.organization.Field;
import cn.tierup.organization.MemberCategory;
import cn.tierup.organization.OrgKind;
import cn.tierup.organization.Sex;
import cn.tierup.organization.UnitType;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Random;
import javax.sql.DataSource;

/**
 * Writes a synthetic province into the current database for benchmarks and scale tests: one 省委, its
 * cities (市委), their counties and districts (县委/区委), the towns and streets (乡镇/街道党委) and under
 * each town its villages, communities, agencies, schools, hospitals and enterprises — about 100,000
 * organisations in five levels with correct path, depth and parent. Members are optional (a few per
 * grassroots organisation); they carry no ID or phone number, so nothing needs the PII key.
 *
 * <p>{@link ProvinceCampaignGenerator} adds last year's campaign over it (graded, ledger, pledges, answers); {@link
 * Options#fromProperties()} reads the scale from system properties, for the roll-up benchmark.
 *
 * <p>Plain JDBC batches, so it takes seconds (the organisations; 2,000,000 members take minutes). Organisation ids are taken above every id the database has
 * used or handed out; afterwards the sequences restart above the new ids, so the application's own
 * inserts (Hibernate pooled blocks of 50) never collide with them. Same seed, same province.
 */
public final class ProvinceDataGenerator {

    /**
     * @param cities             市 under the province
     * @param countiesPerCity    县/区 under each city
     * @param townsPerCounty     乡镇/街道 under each county
     * @param branchesPerTown    grassroots organisations under each town, on average (±10%)
     * @param membersPerBranch   people on each grassroots roll, on average; 0 for none
     * @param seed               the same seed gives the same province
     */
    public record Options(int cities, int countiesPerCity, int townsPerCounty, int branchesPerTown,
                          int membersPerBranch, long seed) {

        /** About 100,000 organisations in 5 levels (1 + 14 + 98 + 1,470 + 98,500), no members. */
        public static Options province() {
            return new Options(14, 7, 15, 67, 0, 20260301L);
        }

        /**
         * The province as the system properties ask (for the roll-up benchmark; each defaults to {@link #province()}
         * with 20 members a roll, about 2,000,000): {@code province.cities} (14), {@code province.counties-per-city}
         * (7), {@code province.towns-per-county} (15), {@code province.branches-per-town} (67), {@code
         * province.members-per-branch} (20).
         */
        public static Options fromProperties() {
            Options p = province();
            return new Options(Integer.getInteger("province.cities", p.cities()),
                    Integer.getInteger("province.counties-per-city", p.countiesPerCity()),
                    Integer.getInteger("province.towns-per-county", p.townsPerCounty()),
                    Integer.getInteger("province.branches-per-town", p.branchesPerTown()),
                    Integer.getInteger("province.members-per-branch", 20), p.seed());
        }

        public Options withMembers(int perBranch) {
            return new Options(cities, countiesPerCity, townsPerCounty, branchesPerTown, perBranch, seed);
        }
    }

    /** What was written: the root's id and path prefix, counts, and the ids of one city, county and town. */
    public record Result(long rootId, int organizations, int members, long firstCityId, long firstCountyId,
                         long firstTownId, long millis) {
    }

    static final String[] CITIES = {"成都市", "自贡市", "攀枝花市", "泸州市", "德阳市", "绵阳市", "广元市", "遂宁市", "内江市",
            "乐山市", "南充市", "眉山市", "宜宾市", "广安市", "达州市", "雅安市", "巴中市", "资阳市"};
    private static final String[] PLACE_STEMS = {"青羊", "锦江", "金牛", "武侯", "龙泉", "新都", "温江", "双流", "郫都", "金堂",
            "大邑", "蒲江", "新津", "崇州", "邛崃", "简阳", "富顺", "荣县", "米易", "盐边", "合江", "叙永", "古蔺", "广汉",
            "什邡", "绵竹", "中江", "江油", "三台", "盐亭", "梓潼", "平武", "苍溪", "剑阁", "旺苍", "射洪", "蓬溪", "大英",
            "威远", "隆昌", "峨眉", "夹江", "犍为", "沐川", "阆中", "南部", "营山", "仪陇", "西充", "仁寿", "洪雅", "丹棱",
            "青神", "江安", "长宁", "高县", "筠连", "珙县", "兴文", "屏山", "岳池", "武胜", "邻水", "华蓥", "宣汉", "开江",
            "大竹", "渠县", "名山", "荥经", "汉源", "石棉", "天全", "芦山", "宝兴", "通江", "南江", "平昌", "安岳", "乐至"};
    private static final String[] TOWN_STEMS = {"天彭", "致和", "濛阳", "丽春", "九尺", "桂花", "葛仙山", "军乐", "升平", "通济",
            "丹景山", "敖平", "小鱼洞", "龙门山", "白鹿", "磁峰", "新兴", "红岩", "隆丰", "三界", "永安", "太和", "石板",
            "黄龙", "金马", "万春", "柳城", "和盛", "安仁", "晋原", "悦来", "出江", "花水湾", "西岭", "斜源", "鹤鸣"};
    private static final String[] VILLAGE_STEMS = {"太平", "建设", "新华", "和平", "红光", "金星", "永丰", "双河", "联合", "光明",
            "民主", "复兴", "石门", "五星", "青龙", "白马", "河坝", "竹林", "高桥", "兴隆", "万福", "天生", "回龙", "宝山",
            "大石", "桃源", "杏花", "柏树", "松林", "团结", "长春", "玉皇", "观音", "龙泉", "黄土", "新民", "先锋", "胜利"};
    private static final String[] COMMUNITY_STEMS = {"南街", "北街", "东风", "西苑", "新城", "滨河", "花园", "朝阳", "锦绣", "文庙",
            "书院", "府河", "清江", "桂湖"};
    private static final String[] AGENCY_UNITS = {"人民政府办公室", "财政所", "农业服务中心", "社会事务办公室", "综合执法队",
            "派出所", "市场监管所", "自然资源所", "司法所", "便民服务中心"};
    private static final String[] COMPANIES = {"农业发展有限公司", "建材有限公司", "食品有限公司", "茶业有限公司", "物流有限公司",
            "机械制造有限公司", "酒业有限公司", "电子科技有限公司", "供销合作社", "旅游开发有限公司"};
    private static final String[] SOCIAL = {"老年协会", "志愿者协会", "种植专业合作社", "养殖专业合作社", "商会", "慈善会"};
    private static final String[] SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
            + "于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛").split("");
    private static final String[] GIVEN = ("建国华明芳军丽强静敏伟磊洋勇艳杰娟涛超秀英霞平刚桂兰玉梅志红德文斌波辉鹏飞燕"
            + "宇浩婷雪琳晨欣悦家和兴祥福成永春海林荣贵清云萍").split("");
    private static final String[] CHINESE_NUMBERS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    private static final String ORG_INSERT = "insert into organization (id, parent_id, path, depth, name, kind, field,"
            + " secretary, unit_type, unit_name, established_on, last_election_on, retired, version, created_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, 0, current_timestamp)";
    private static final String MEMBER_INSERT = "insert into member (id, organization_id, name, sex, ethnicity, birth_date,"
            + " education, category, activist_on, development_target_on, joined_on, regularized_on, retired, floating,"
            + " in_difficulty, status, version, created_at, name_key)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, false, 'ACTIVE', 0, current_timestamp, ?)";
    private static final int BATCH = 1000;
    private static final LocalDate LATEST = LocalDate.of(2025, 12, 31);

    private final DataSource dataSource;

    public ProvinceDataGenerator(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Generates the province in one transaction and returns what was written. */
    public Result generate(Options options) {
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                Result r = new Run(c, options).write();
                c.commit();
                analyze(c);
                return new Result(r.rootId, r.organizations, r.members, r.firstCityId, r.firstCountyId, r.firstTownId,
                        (System.nanoTime() - start) / 1_000_000);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not generate the province: " + e.getMessage(), e);
        }
    }

    /** Fresh statistics, so the planner knows how large the tree now is. */
    private static void analyze(Connection c) throws SQLException {
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        try (Statement s = c.createStatement()) {
            if (postgres) {
                s.execute("analyze organization");
                s.execute("analyze member");
            } else {
                s.execute("analyze table organization");
                s.execute("analyze table member");
            }
        }
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    /** One generation: the ids, the batches and the random source. */
    private static final class Run {

        private final Connection c;
        private final Options o;
        private final Random random;
        private final PreparedStatement orgs;
        private final PreparedStatement members;
        private long nextOrgId;
        private long nextMemberId;
        private int pendingOrgs;
        private int pendingMembers;
        private int orgCount;
        private int memberCount;

        Run(Connection c, Options o) throws SQLException {
            this.c = c;
            this.o = o;
            this.random = new Random(o.seed());
            this.nextOrgId = idsAbove("organization", "organization_seq");
            this.nextMemberId = o.membersPerBranch() > 0 ? idsAbove("member", "member_seq") : 0;
            this.orgs = c.prepareStatement(ORG_INSERT);
            this.members = c.prepareStatement(MEMBER_INSERT);
        }

        Result write() throws SQLException {
            try (orgs; members) {
                String province = "中共蜀川省委员会";
                long root = org(null, "/", -1, province, OrgKind.COMMITTEE, Field.AGENCY, "蜀川省委办公厅", 1950);
                String rootPath = "/" + root + "/";
                long firstCity = 0;
                long firstCounty = 0;
                long firstTown = 0;
                int place = 0;
                for (int ci = 0; ci < o.cities(); ci++) {
                    String city = CITIES[ci % CITIES.length] + (ci < CITIES.length ? "" : String.valueOf(ci / CITIES.length + 1));
                    long cityId = org(root, rootPath, 0, "中共" + city + "委员会", OrgKind.COMMITTEE, Field.AGENCY,
                            city + "委办公室", 1950 + random.nextInt(5));
                    String cityPath = rootPath + cityId + "/";
                    firstCity = firstCity == 0 ? cityId : firstCity;
                    for (int co = 0; co < o.countiesPerCity(); co++) {
                        String stem = PLACE_STEMS[place++ % PLACE_STEMS.length];
                        String county = city + stem + (co < 2 ? "区" : "县");
                        long countyId = org(cityId, cityPath, 1, "中共" + county + "委员会", OrgKind.COMMITTEE, Field.AGENCY,
                                county + "委办公室", 1950 + random.nextInt(10));
                        String countyPath = cityPath + countyId + "/";
                        firstCounty = firstCounty == 0 ? countyId : firstCounty;
                        for (int t = 0; t < o.townsPerCounty(); t++) {
                            String townStem = TOWN_STEMS[(t + co * 5 + ci * 3) % TOWN_STEMS.length];
                            String town = county + townStem + (t < 3 ? "街道" : "镇");
                            long townId = org(countyId, countyPath, 2, "中共" + town + (t < 3 ? "工作委员会" : "委员会"),
                                    OrgKind.COMMITTEE, Field.TOWN, town + (t < 3 ? "办事处" : "人民政府"), 1955 + random.nextInt(30));
                            firstTown = firstTown == 0 ? townId : firstTown;
                            grassroots(townId, countyPath + townId + "/", town, t < 3);
                        }
                    }
                }
                flushOrgs();
                flushMembers();
                restartSequence("organization_seq", nextOrgId);
                if (memberCount > 0) {
                    restartSequence("member_seq", nextMemberId);
                }
                return new Result(root, orgCount, memberCount, firstCity, firstCounty, firstTown, 0);
            }
        }

        /** The grassroots organisations of one town: villages or communities, agencies, schools, enterprises. */
        private void grassroots(long townId, String townPath, String town, boolean street) throws SQLException {
            int spread = Math.max(1, o.branchesPerTown() / 10);
            int n = o.branchesPerTown() - spread + random.nextInt(2 * spread + 1);
            for (int b = 0; b < n; b++) {
                int roll = random.nextInt(100);
                String name;
                OrgKind kind = OrgKind.BRANCH;
                Field field;
                String unit;
                if (roll < (street ? 15 : 55)) {
                    String stem = VILLAGE_STEMS[b % VILLAGE_STEMS.length] + suffix(b, VILLAGE_STEMS.length);
                    boolean general = random.nextInt(8) == 0;
                    kind = general ? OrgKind.GENERAL_BRANCH : OrgKind.BRANCH;
                    field = Field.VILLAGE;
                    name = "中共" + town + stem + "村" + (general ? "总支部委员会" : "支部委员会");
                    unit = stem + "村村民委员会";
                } else if (roll < (street ? 55 : 65)) {
                    String stem = COMMUNITY_STEMS[b % COMMUNITY_STEMS.length] + suffix(b, COMMUNITY_STEMS.length);
                    field = Field.COMMUNITY;
                    name = "中共" + town + stem + "社区支部委员会";
                    unit = stem + "社区居民委员会";
                } else if (roll < 75) {
                    String u = AGENCY_UNITS[b % AGENCY_UNITS.length];
                    field = Field.AGENCY;
                    name = town + u + "党支部";
                    unit = town + u;
                } else if (roll < 82) {
                    String u = b % 3 == 0 ? "中学" : "中心小学";
                    field = Field.SCHOOL;
                    name = "中共" + town + u + (b / 3 > 0 ? "第" + CHINESE_NUMBERS[(b / 3) % 10] + "分校" : "") + "支部委员会";
                    unit = town + u;
                } else if (roll < 86) {
                    field = Field.HEALTH;
                    name = town + (b % 2 == 0 ? "卫生院" : "社区卫生服务中心") + "党支部";
                    unit = town + "卫生院";
                } else if (roll < 94) {
                    String company = VILLAGE_STEMS[random.nextInt(VILLAGE_STEMS.length)] + COMPANIES[b % COMPANIES.length];
                    field = Field.PRIVATE_ENTERPRISE;
                    name = "中共" + town + company + "支部委员会";
                    unit = town + company;
                } else if (roll < 97) {
                    String s = SOCIAL[b % SOCIAL.length];
                    field = Field.SOCIAL_ORGANIZATION;
                    name = "中共" + town + s + "支部委员会";
                    unit = town + s;
                } else if (roll < 99) {
                    field = Field.STATE_ENTERPRISE;
                    name = town + "供电所党支部";
                    unit = town + "供电所";
                } else {
                    field = Field.CULTURE;
                    name = town + "综合文化站党支部";
                    unit = town + "综合文化站";
                }
                long id = org(townId, townPath, 3, name, kind, field, unit, 1958 + random.nextInt(60));
                roll(id);
            }
        }

        private String personName() {
            return ProvinceDataGenerator.personName(random);
        }

        private static String suffix(int b, int stems) {
            int round = b / stems;
            return round == 0 ? "" : CHINESE_NUMBERS[(round - 1) % 10];
        }

        private long org(Long parent, String parentPath, int parentDepth, String name, OrgKind kind, Field field,
                         String unit, int establishedYear) throws SQLException {
            long id = nextOrgId++;
            orgs.setLong(1, id);
            if (parent == null) {
                orgs.setNull(2, Types.BIGINT);
            } else {
                orgs.setLong(2, parent);
            }
            orgs.setString(3, parentPath + id + "/");
            orgs.setInt(4, parentDepth + 1);
            orgs.setString(5, name.length() > 100 ? name.substring(0, 100) : name);
            orgs.setString(6, kind.name());
            orgs.setString(7, field.name());
            orgs.setString(8, personName());
            orgs.setString(9, (kind == OrgKind.COMMITTEE ? UnitType.SAME_AS_PARENT : UnitType.LEGAL_ENTITY).name());
            orgs.setString(10, unit.length() > 100 ? unit.substring(0, 100) : unit);
            LocalDate established = LocalDate.of(establishedYear, 1 + random.nextInt(12), 1 + random.nextInt(28));
            LocalDate election = LocalDate.of(2021 + random.nextInt(4), 1 + random.nextInt(12), 1 + random.nextInt(28));
            orgs.setDate(11, Date.valueOf(established));
            orgs.setDate(12, election.isBefore(established) ? null : Date.valueOf(election));
            orgs.addBatch();
            orgCount++;
            if (++pendingOrgs == BATCH) {
                flushOrgs();
            }
            return id;
        }

        /** A roll around {@code membersPerBranch}: mostly full members, a few probationary and activists. */
        private void roll(long orgId) throws SQLException {
            if (o.membersPerBranch() <= 0) {
                return;
            }
            int n = 1 + random.nextInt(2 * o.membersPerBranch());
            for (int i = 0; i < n; i++) {
                LocalDate birth = LocalDate.of(1945 + random.nextInt(57), 1 + random.nextInt(12), 1 + random.nextInt(28));
                int kind = random.nextInt(20);
                MemberCategory category = kind == 0 ? MemberCategory.ACTIVIST : kind == 1 ? MemberCategory.PROBATIONARY
                        : MemberCategory.FULL;
                LocalDate activist = null;
                LocalDate joined = null;
                LocalDate regularized = null;
                if (category == MemberCategory.ACTIVIST) {
                    activist = LATEST.minusDays(100 + random.nextInt(500));
                } else if (category == MemberCategory.PROBATIONARY) {
                    joined = LATEST.minusDays(30 + random.nextInt(300));
                } else {
                    joined = birth.plusYears(20 + random.nextInt(20)).plusDays(random.nextInt(300));
                    if (joined.isAfter(LATEST.minusYears(2))) {
                        joined = LATEST.minusYears(2).minusDays(random.nextInt(300));
                    }
                    regularized = joined.plusYears(1);
                }
                if (joined != null && joined.isBefore(birth.plusYears(18))) {
                    birth = joined.minusYears(18 + random.nextInt(10));
                }
                Sex sex = random.nextInt(100) < 68 ? Sex.MALE : Sex.FEMALE;
                Education[] edu = Education.values();
                members.setLong(1, nextMemberId++);
                members.setLong(2, orgId);
                String person = personName();
                members.setString(3, person);
                members.setString(4, sex.name());
                members.setString(5, random.nextInt(20) == 0 ? "回族" : "汉族");
                members.setDate(6, Date.valueOf(birth));
                members.setString(7, edu[random.nextInt(edu.length)].name());
                members.setString(8, category.name());
                members.setDate(9, activist == null ? null : Date.valueOf(activist));
                members.setDate(10, null);
                members.setDate(11, joined == null ? null : Date.valueOf(joined));
                members.setDate(12, regularized == null ? null : Date.valueOf(regularized));
                members.setBoolean(13, birth.getYear() < 1964);
                // the pinyin key the application keeps beside every name, which the roll is sorted by
                members.setString(14, cn.tierup.shared.ChineseOrder.key(person));
                members.addBatch();
                memberCount++;
                if (++pendingMembers == BATCH) {
                    flushMembers();
                }
            }
        }

        private void flushOrgs() throws SQLException {
            if (pendingOrgs > 0) {
                orgs.executeBatch();
                pendingOrgs = 0;
            }
        }

        private void flushMembers() throws SQLException {
            // members reference organisations: those of the current batch must be written first
            if (pendingMembers > 0) {
                flushOrgs();
                members.executeBatch();
                pendingMembers = 0;
            }
        }

        /**
         * The first id above every id in the table and every block the sequence has handed out (a
         * running application may still hold an unused block below the sequence's current value).
         */
        private long idsAbove(String table, String sequence) throws SQLException {
            long max;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select coalesce(max(id), 0) from " + table)) {
                rs.next();
                max = rs.getLong(1);
            }
            long handedOut;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select nextval('" + sequence + "')")) {
                rs.next();
                handedOut = rs.getLong(1);
            }
            return Math.max(max, handedOut) + 1;
        }

        /**
         * Hibernate's pooled optimizer reads a sequence value v as the top of the block v-49..v, so the
         * sequence restarts 50 above the next free id: the application's next block starts at {@code next}.
         */
        private void restartSequence(String sequence, long next) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.execute("alter sequence " + sequence + " restart with " + (next + 49));
            }
        }
    }

    static String personName(Random random) {
        String given = GIVEN[random.nextInt(GIVEN.length)] + (random.nextInt(3) == 0 ? "" : GIVEN[random.nextInt(GIVEN.length)]);
        return SURNAMES[random.nextInt(SURNAMES.length)] + given;
    }
}
