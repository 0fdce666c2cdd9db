package cn.tierup.reporting;

import cn.tierup.grading.CaseView;
import cn.tierup.grading.Grade;
import cn.tierup.grading.GradingCases;
import cn.tierup.grading.MeetingRecord;
import cn.tierup.grading.PaperTally;
import cn.tierup.grading.ScoreSheet;
import cn.tierup.grading.Step;
import cn.tierup.identity.AccountPrincipal;
import cn.tierup.setup.DemoDataLoader;
import cn.tierup.testsupport.CampaignFixture;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import cn.tierup.testsupport.WebClient;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 附件4 (分类情况汇总表), 附件3 (分类名单统计表) and 附件8 (分类定级申报表) from graded cases. The city's campaign
 * of a past year of this class's own ({@link CampaignFixture}; its grading phase long started) grades villages
 * of 隆丰镇 and 三界镇 through the five steps: the city's administrator records steps 1–4 on the villages' behalf
 * and each town, their grading authority, decides. The downloads, fetched over HTTP with the administrator's
 * form-login session, must show what an independent count of those decisions and of the tree gives. One more
 * campaign, rooted at 隆丰镇 the year after, reads this year's grades back as the form's 近三年等次.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClassificationTablesIT {

    static final String TOWN_A = "中共彭州市隆丰镇委员会";
    static final String TOWN_B = "中共彭州市三界镇委员会";
    static final String USER_A = "fenlei-longfeng";
    static final String USER_B = "fenlei-sanjie";
    static final String PASSWORD = "Fenlei2026pass";
    static final String DIFFERENT_REASON = "群众反映村务公开不及时，整改尚未到位，评为一般";
    static final String[] GRADES = {"先进", "一般", "后进"};

    @Autowired MockMvc mvc;
    @Autowired CampaignFixture campaignFixture;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired GradingCases cases;
    @Autowired cn.tierup.grading.GradingSetups setups;
    @LocalServerPort int port;
    /** This class's own campaign year, from the fixture (set before all tests). */
    int year;

    /** One decision this class made: the unit (town) it counts under, the village, its self-grade and decided grade. */
    record Decided(String town, long org, String name, String selfGrade, String grade, Grade level) {
    }

    long campaign;
    long city;
    final List<Decided> decided = new ArrayList<>();
    /** A village stopped after 群众初评: its 申报表 shows step 1 and leaves the rest empty. */
    long pending;
    /** The village the town graded lower than its self-grade, with a reason. */
    Decided overruled;

    long id(String name) {
        return jdbc.sql("select id from organization where name = :n").param("n", name).query(Long.class).single();
    }

    String base() {
        return "http://localhost:" + port;
    }

    List<Long> villages(String town) {
        return jdbc.sql("select id from organization where parent_id = :p and field = 'VILLAGE' and retired = false order by path")
                .param("p", id(town)).query(Long.class).list();
    }

    String name(long org) {
        return jdbc.sql("select name from organization where id = :id").param("id", org).query(String.class).single();
    }

    <T> T as(String username, Supplier<T> work) {
        AccountPrincipal p = users.principal(username);
        var before = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities()));
        try {
            return work.get();
        } finally {
            if (before == null) {
                SecurityContextHolder.clearContext();
            } else {
                SecurityContextHolder.getContext().setAuthentication(before);
            }
        }
    }

    void supervisor(String username, String displayName, String town) throws Exception {
        mvc.perform(post("/api/accounts").with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"username": "%s", "displayName": "%s", "organizationId": %d, "role": "SUPERVISOR", "password": "%s"}
                        """.formatted(username, displayName, id(town), PASSWORD)))
                .andExpect(status().isCreated());
    }

    /** A sheet of {@code total} points: criteria filled with their full points in order until the total is reached. */
    ScoreSheet sheet(long org, int total, Set<Integer> vetoes) {
        return sheet(campaign, org, total, vetoes);
    }

    ScoreSheet sheet(long campaign, long org, int total, Set<Integer> vetoes) {
        CaseView k = as("admin", () -> cases.get(campaign, org));
        Map<String, Integer> scores = new LinkedHashMap<>();
        int left = total;
        for (int d = 0; d < k.progress().standard().dimensions().size(); d++) {
            var criteria = k.progress().standard().dimensions().get(d).criteria();
            for (int c = 0; c < criteria.size() && left > 0; c++) {
                int p = Math.min(left, criteria.get(c).points());
                scores.put((d + 1) + "." + (c + 1), p);
                left -= p;
            }
        }
        return new ScoreSheet(scores, vetoes);
    }

    static Map<String, Integer> votes(String leading, int leader, int second, int third) {
        return votes(List.of(GRADES), leading, leader, second, third);
    }

    static Map<String, Integer> votes(List<String> grades, String leading, int leader, int second, int third) {
        Map<String, Integer> v = new LinkedHashMap<>();
        int rest = 0;
        for (String g : grades) {
            int k = g.equals(leading) ? -1 : rest++;
            v.put(g, k < 0 ? leader : k == 0 ? second : k == 1 ? third : 0);
        }
        return v;
    }

    void publicReview(long org, String leading) {
        publicReview(campaign, year, List.of(GRADES), org, leading);
    }

    void publicReview(long campaign, int year, List<String> grades, long org, String leading) {
        as("admin", () -> cases.recordReview(campaign, org, Step.PUBLIC_REVIEW,
                new MeetingRecord(LocalDate.of(year, 4, 3), "村委会会议室", 30, 25, votes(grades, leading, 15, 8, 2))));
    }

    /** Steps 1–4 by the city's administrator on the village's behalf, step 5 by the town. */
    Decided grade(String town, String decider, long org, String self, int score, Set<Integer> vetoes, String grade,
                  String reason) {
        Decided d = grade(campaign, year, List.of(GRADES), town, decider, org, self, score, vetoes, grade, reason);
        decided.add(d);
        return d;
    }

    /** The five steps in any campaign of the class, with the grades of its standard; not counted in {@link #decided}. */
    Decided grade(long campaign, int year, List<String> grades, String town, String decider, long org, String self, int score,
                  Set<Integer> vetoes, String grade, String reason) {
        publicReview(campaign, year, grades, org, self);
        as("admin", () -> {
            CaseView k = cases.get(campaign, org);
            int present = (int) k.org().members() - 1;
            return cases.recordReview(campaign, org, Step.MEMBER_REVIEW, new MeetingRecord(LocalDate.of(year, 4, 6),
                    "村党群服务中心", (int) k.org().members(), present, votes(grades, self, present - 3, 2, 1)));
        });
        CaseView scored = as("admin", () -> cases.saveScoreSheet(campaign, org, sheet(campaign, org, score, vetoes),
                (year - 1) + "年度综合考核：好", cases.get(campaign, org).progress().version()));
        assertThat(scored.self().evaluation().total()).isEqualTo(score);
        CaseView proposed = as("admin", () -> cases.proposeSelfGrade(campaign, org, self,
                "对照五个好标准逐项自评，班子认为应评为" + self + "。", scored.progress().version()));
        CaseView ballot = as("admin", () -> cases.recordPaperBallot(campaign, org, new PaperTally(LocalDate.of(year, 4, 9),
                "村党群服务中心", 40, 36, 36, 35, 30, 3, 1, 1)));
        assertThat(ballot.progress().step()).isEqualTo(Step.DECISION);
        CaseView done = as(decider, () -> cases.decide(campaign, org, grade, reason, ballot.progress().version()));
        assertThat(done.decision().decidedGrade()).isEqualTo(grade);
        assertThat(proposed.self().selfGrade()).isEqualTo(self);
        return new Decided(town, org, name(org), self, grade, done.decision().decidedLevel());
    }

    @BeforeAll
    void gradeVillagesOfTwoTowns() throws Exception {
        year = campaignFixture.yearFor(ClassificationTablesIT.class);
        city = id(DemoDataLoader.ROOT_NAME);
        String body = """
                {"rootOrganizationId": %d, "year": %d, "name": "%d年度三分类三升级（分类汇总）"}
                """.formatted(city, year, year);
        String created = mvc.perform(post("/api/campaigns").with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        campaign = json.readTree(created).get("id").asLong();
        supervisor(USER_A, "隆丰镇组织委员", TOWN_A);
        supervisor(USER_B, "三界镇组织委员", TOWN_B);

        List<Long> a = villages(TOWN_A);
        List<Long> b = villages(TOWN_B);
        assertThat(a).hasSizeGreaterThanOrEqualTo(5);
        assertThat(b).hasSizeGreaterThanOrEqualTo(4);
        grade(TOWN_A, USER_A, a.get(0), "先进", 90, Set.of(), "先进", null);
        grade(TOWN_A, USER_A, a.get(1), "先进", 88, Set.of(), "先进", null);
        grade(TOWN_A, USER_A, a.get(2), "一般", 72, Set.of(), "一般", null);
        // a veto item forces 后进 whatever the points
        grade(TOWN_A, USER_A, a.get(3), "后进", 80, Set.of(2), "后进", null);
        pending = a.get(4);
        publicReview(pending, "一般");
        overruled = grade(TOWN_B, USER_B, b.get(0), "先进", 86, Set.of(), "一般", DIFFERENT_REASON);
        grade(TOWN_B, USER_B, b.get(1), "一般", 70, Set.of(), "一般", null);
        grade(TOWN_B, USER_B, b.get(2), "先进", 95, Set.of(), "先进", null);
        grade(TOWN_B, USER_B, b.get(3), "后进", 50, Set.of(), "后进", null);
    }

    // ---- an independent count ----------------------------------------------------------------------

    /** Decided, 先进, 一般, 后进 among this class's decisions matching the filter. */
    long[] counted(java.util.function.Predicate<Decided> which) {
        long[] n = new long[4];
        for (Decided d : decided) {
            if (which.test(d)) {
                n[0]++;
                n[1 + d.level().ordinal()]++;
            }
        }
        return n;
    }

    /** The shares of a line in percent with two decimals: each within a hundredth of the exact one, adding up to 100.00. */
    static double[] shares(long[] n, long of) {
        double[] out = new double[n.length];
        long hundredths = 0;
        for (int i = 0; i < n.length; i++) {
            out[i] = of == 0 ? 0 : cn.tierup.shared.Shares.of(n, of).get(i).doubleValue();
            assertThat(Math.abs(out[i] - n[i] * 100.0 / Math.max(1, of))).isLessThan(0.01);
            hundredths += Math.round(out[i] * 100);
        }
        if (of > 0) {
            assertThat(hundredths).as("the shares add up to 100.00").isEqualTo(10_000);
        }
        return out;
    }

    /** Organisations to grade in a subtree: every live one in it (the unit itself included), from the tree. */
    long organisationsIn(String unit) {
        String path = jdbc.sql("select path from organization where id = :id").param("id", id(unit)).query(String.class).single();
        return jdbc.sql("select count(*) from organization where retired = false and path like :p").param("p", path + "%")
                .query(Long.class).single();
    }

    long organisationsUnderCity(String field) {
        String path = jdbc.sql("select path from organization where id = :id").param("id", city).query(String.class).single();
        return jdbc.sql("select count(*) from organization where retired = false and path like :p and id <> :c"
                        + (field == null ? "" : " and field = :f"))
                .param("p", path + "%").param("c", city).params(field == null ? Map.of() : Map.of("f", field))
                .query(Long.class).single();
    }

    // ---- downloads over HTTP with the administrator's session ----------------------------------------

    WebClient adminSession() {
        WebClient web = new WebClient();
        HttpResponse<String> login = web.login(base(), "admin", DemoDataLoader.DEMO_PASSWORD);
        assertThat(login.statusCode()).as("login redirects").isEqualTo(302);
        assertThat(WebClient.location(login)).doesNotContain("error");
        return web;
    }

    HttpResponse<byte[]> download(WebClient web, String path) throws Exception {
        String cookie = "SESSION=" + web.cookie("SESSION");
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                .send(HttpRequest.newBuilder(URI.create(base() + path)).header("Cookie", cookie).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }

    static String fileName(HttpResponse<?> r) {
        String disposition = r.headers().firstValue("Content-Disposition").orElse("");
        assertThat(disposition).startsWith("attachment");
        int i = disposition.indexOf("filename*=UTF-8''");
        assertThat(i).as(disposition).isGreaterThanOrEqualTo(0);
        return URLDecoder.decode(disposition.substring(i + "filename*=UTF-8''".length()), StandardCharsets.UTF_8);
    }

    static String text(Cell c) {
        if (c == null) {
            return "";
        }
        return c.getCellType() == CellType.NUMERIC ? String.valueOf(c.getNumericCellValue()) : c.getStringCellValue();
    }

    static Row row(Sheet s, int column, String value) {
        for (Row r : s) {
            if (value.equals(text(r.getCell(column)))) {
                return r;
            }
        }
        throw new AssertionError("no row with " + value + " in column " + column + " of " + s.getSheetName());
    }

    static double num(Row r, int column) {
        return r.getCell(column).getNumericCellValue();
    }

    /** 党组织数, 已定级, then count and share of each class, as in columns 2–9 of 附件4. */
    static void assertLine(Row r, long organisations, long[] n, String what) {
        assertThat((long) num(r, 2)).as(what + " 党组织数").isEqualTo(organisations);
        assertThat((long) num(r, 3)).as(what + " 已定级").isEqualTo(n[0]);
        double[] shares = shares(new long[] {n[1], n[2], n[3]}, n[0]);
        for (int k = 0; k < 3; k++) {
            assertThat((long) num(r, 4 + 2 * k)).as(what + " " + GRADES[k] + " 个数").isEqualTo(n[1 + k]);
            assertThat(num(r, 5 + 2 * k)).as(what + " " + GRADES[k] + " 占比").isEqualTo(shares[k]);
            assertThat(r.getCell(5 + 2 * k).getCellStyle().getDataFormatString()).as("two decimals").isEqualTo("0.00");
        }
    }

    @Test
    void theSummaryTableByUnitAndByFieldAddsUpTheDecisions() throws Exception {
        WebClient web = adminSession();
        HttpResponse<byte[]> r = download(web, "/grading/tables/summary.xlsx?campaign=" + campaign);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.openxmlformats");
        assertThat(fileName(r)).isEqualTo("基层党组织分类情况汇总表.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(2);
            Sheet units = wb.getSheetAt(0);
            assertThat(text(units.getRow(0).getCell(0))).isEqualTo("基层党组织分类情况汇总表");
            assertThat(text(units.getRow(1).getCell(0))).contains("填报单位：" + DemoDataLoader.ROOT_NAME)
                    .contains("活动：" + year + "年度三分类三升级（分类汇总）").contains("生成时间：");
            // the grouped two-row header
            assertThat(text(units.getRow(2).getCell(0))).isEqualTo("序号");
            assertThat(text(units.getRow(2).getCell(1))).isEqualTo("单位");
            assertThat(text(units.getRow(2).getCell(2))).isEqualTo("党组织数（个）");
            assertThat(text(units.getRow(2).getCell(3))).isEqualTo("已定级（个）");
            assertThat(text(units.getRow(2).getCell(4))).isEqualTo("先进");
            assertThat(text(units.getRow(2).getCell(6))).isEqualTo("一般");
            assertThat(text(units.getRow(2).getCell(8))).isEqualTo("后进");
            assertThat(text(units.getRow(3).getCell(4))).isEqualTo("个数");
            assertThat(text(units.getRow(3).getCell(5))).isEqualTo("占比（%）");
            assertThat(units.getMergedRegions()).anyMatch(m -> m.getFirstRow() == 2 && m.getLastRow() == 3 && m.getFirstColumn() == 1);
            assertThat(units.getMergedRegions()).anyMatch(m -> m.getFirstRow() == 2 && m.getLastRow() == 2
                    && m.getFirstColumn() == 4 && m.getLastColumn() == 5);

            assertLine(row(units, 1, TOWN_A), organisationsIn(TOWN_A), counted(d -> d.town().equals(TOWN_A)), TOWN_A);
            assertLine(row(units, 1, TOWN_B), organisationsIn(TOWN_B), counted(d -> d.town().equals(TOWN_B)), TOWN_B);
            assertLine(row(units, 1, "中共彭州市天彭镇委员会"), organisationsIn("中共彭州市天彭镇委员会"), new long[4], "天彭镇");
            // what this class decided, spelled out: 隆丰镇 2/1/1 of 4, 三界镇 1/2/1 of 4
            assertThat(counted(d -> d.town().equals(TOWN_A))).containsExactly(4, 2, 1, 1);
            assertThat(counted(d -> d.town().equals(TOWN_B))).containsExactly(4, 1, 2, 1);

            Row total = row(units, 0, "合计");
            assertLine(total, organisationsUnderCity(null), counted(d -> true), "合计");
            assertThat(num(total, 5)).isEqualTo(37.5);
            // the lines add up to the total, and are numbered 1, 2, 3 …
            double[] sums = new double[4];
            int lines = 0;
            for (int i = 4; i < total.getRowNum(); i++) {
                Row line = units.getRow(i);
                assertThat(text(line.getCell(0))).isEqualTo(String.valueOf(++lines));
                sums[0] += num(line, 2);
                sums[1] += num(line, 3);
                sums[2] += num(line, 4);
                sums[3] += num(line, 8);
            }
            assertThat(sums).containsExactly(num(total, 2), num(total, 3), num(total, 4), num(total, 8));
            long children = jdbc.sql("select count(*) from organization where parent_id = :c and retired = false")
                    .param("c", city).query(Long.class).single();
            assertThat(lines).isEqualTo(children);

            Sheet fields = wb.getSheetAt(1);
            assertThat(text(fields.getRow(0).getCell(0))).startsWith("基层党组织分类情况汇总表");
            assertThat(text(fields.getRow(2).getCell(1))).isEqualTo("领域");
            assertLine(row(fields, 1, "村"), organisationsUnderCity("VILLAGE"), counted(d -> true), "村");
            assertLine(row(fields, 1, "城镇社区"), organisationsUnderCity("COMMUNITY"), new long[4], "城镇社区");
            assertLine(row(fields, 1, "镇（街道）"), organisationsUnderCity("TOWN"), new long[4], "镇");
            assertLine(row(fields, 0, "合计"), organisationsUnderCity(null), counted(d -> true), "按领域合计");
            // in the notice's order of fields, not their codes'
            assertThat(row(fields, 1, "镇（街道）").getRowNum()).isLessThan(row(fields, 1, "村").getRowNum());
            assertThat(row(fields, 1, "村").getRowNum()).isLessThan(row(fields, 1, "城镇社区").getRowNum());
            for (Row line : fields) {
                assertThat(text(line.getCell(1))).as("field shown in Chinese").doesNotMatch("[A-Z_]+");
            }
        }
    }

    @Test
    void theNamesTableListsEachOrganisationUnderItsUnitAndGrade() throws Exception {
        WebClient web = adminSession();
        HttpResponse<byte[]> r = download(web, "/grading/tables/names.xlsx?campaign=" + campaign);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(fileName(r)).isEqualTo("基层党组织分类名单统计表.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(text(s.getRow(0).getCell(0))).isEqualTo("基层党组织分类名单统计表");
            assertThat(text(s.getRow(2).getCell(3))).isEqualTo("先进");
            assertThat(text(s.getRow(3).getCell(4))).isEqualTo("党组织名称");
            for (String town : List.of(TOWN_A, TOWN_B)) {
                Row line = row(s, 1, town);
                long[] n = counted(d -> d.town().equals(town));
                assertThat((long) num(line, 2)).as(town + " 已定级").isEqualTo(n[0]);
                for (Grade level : Grade.values()) {
                    int col = 3 + 2 * level.ordinal();
                    Set<String> expected = new HashSet<>();
                    decided.stream().filter(d -> d.town().equals(town) && d.level() == level).forEach(d -> expected.add(d.name()));
                    assertThat((long) num(line, col)).as(town + " " + level + " 个数").isEqualTo(expected.size());
                    String cell = text(line.getCell(col + 1));
                    Set<String> shown = cell.isEmpty() ? Set.of() : new HashSet<>(Arrays.asList(cell.split("、")));
                    assertThat(shown).as(town + " " + level + " 名单").isEqualTo(expected);
                }
            }
            // the overruled village stands under the grade the town decided, not its self-grade
            assertThat(text(row(s, 1, TOWN_B).getCell(6))).contains(overruled.name());
            assertThat(text(row(s, 1, TOWN_B).getCell(4))).doesNotContain(overruled.name());
            // the village still at step 2 is listed nowhere
            String all = new StringBuilder().append(text(row(s, 1, TOWN_A).getCell(4))).append(text(row(s, 1, TOWN_A).getCell(6)))
                    .append(text(row(s, 1, TOWN_A).getCell(8))).toString();
            assertThat(all).doesNotContain(name(pending));
            assertThat(text(row(s, 1, "中共彭州市天彭镇委员会").getCell(4))).isEmpty();
            Row total = row(s, 0, "合计");
            long[] n = counted(d -> true);
            assertThat((long) num(total, 2)).isEqualTo(n[0]);
            assertThat((long) num(total, 3)).isEqualTo(n[1]);
            assertThat((long) num(total, 5)).isEqualTo(n[2]);
            assertThat((long) num(total, 7)).isEqualTo(n[3]);
        }
    }

    @Test
    void theTablesPageShowsBothAttachmentsAndTheTownSeesOnlyItsOwn() throws Exception {
        WebClient web = adminSession();
        HttpResponse<String> page = web.get(base() + "/grading/tables?campaign=" + campaign);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("基层党组织分类情况汇总表", "按单位", "按领域", "基层党组织分类名单统计表", TOWN_A, TOWN_B,
                        overruled.name(), "id=\"summary-xlsx\"", "id=\"names-xlsx\"", "class=\"table-wrap\"")
                .doesNotContain("VILLAGE");
        // a town's own view: its villages are the units
        HttpResponse<String> town = web.get(base() + "/grading/tables?campaign=" + campaign + "&org=" + id(TOWN_A));
        assertThat(town.statusCode()).isEqualTo(200);
        assertThat(town.body()).contains(decided.get(0).name());

        mvc.perform(get("/grading/tables").param("campaign", "" + campaign).with(users.as(USER_A))).andExpect(status().isOk());
        byte[] own = mvc.perform(get("/grading/tables/summary.xlsx").param("campaign", "" + campaign).with(users.as(USER_A)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(own))) {
            Row total = row(wb.getSheetAt(0), 0, "合计");
            assertLine(total, organisationsIn(TOWN_A) - 1, counted(d -> d.town().equals(TOWN_A)), "隆丰镇本级合计");
        }
        mvc.perform(get("/grading/tables/summary.xlsx").param("campaign", "" + campaign).param("org", "" + id(TOWN_B))
                .with(users.as(USER_A))).andExpect(status().isForbidden());
        mvc.perform(get("/grading/tables/names.xlsx").param("campaign", "" + campaign).param("org", "" + id(TOWN_B))
                .with(users.as(USER_A))).andExpect(status().isForbidden());
        mvc.perform(get("/grading/case/declaration.docx").param("campaign", "" + campaign).param("org", "" + overruled.org())
                .with(users.as(USER_A))).andExpect(status().isForbidden());
    }

    // ---- 附件8 ---------------------------------------------------------------------------------------

    /** The value cells beside a label cell, in the order the form shows them. */
    static List<String> values(XWPFDocument doc, String label) {
        List<String> out = new ArrayList<>();
        for (XWPFTable t : doc.getTables()) {
            for (XWPFTableRow r : t.getRows()) {
                List<XWPFTableCell> cells = r.getTableCells();
                for (int i = 0; i + 1 < cells.size(); i++) {
                    if (cells.get(i).getText().strip().equals(label)) {
                        out.add(cells.get(i + 1).getText().strip());
                    }
                }
            }
        }
        assertThat(out).as("label " + label).isNotEmpty();
        return out;
    }

    XWPFDocument declaration(WebClient web, long org) throws Exception {
        HttpResponse<byte[]> r = download(web, "/grading/case/declaration.docx?campaign=" + campaign + "&org=" + org);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(fileName(r)).isEqualTo("基层党组织分类定级申报表-" + name(org) + ".docx");
        return new XWPFDocument(new ByteArrayInputStream(r.body()));
    }

    @Test
    void theDeclarationFormCarriesEveryStepOfOneOrganisation() throws Exception {
        WebClient web = adminSession();
        try (XWPFDocument doc = declaration(web, overruled.org())) {
            assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("基层党组织分类定级申报表");
            // A4 and a bordered table
            var size = doc.getDocument().getBody().getSectPr().getPgSz();
            assertThat(((java.math.BigInteger) size.getW()).intValue()).isEqualTo(11906);
            assertThat(((java.math.BigInteger) size.getH()).intValue()).isEqualTo(16838);
            XWPFTable table = doc.getTables().get(0);
            assertThat(table.getTopBorderType()).isEqualTo(XWPFTable.XWPFBorderType.SINGLE);
            assertThat(table.getInsideHBorderType()).isEqualTo(XWPFTable.XWPFBorderType.SINGLE);
            assertThat(table.getInsideVBorderType()).isEqualTo(XWPFTable.XWPFBorderType.SINGLE);

            assertThat(values(doc, "党组织名称")).containsExactly(overruled.name());
            assertThat(values(doc, "所属领域")).containsExactly("村");
            assertThat(values(doc, "评定组织")).containsExactly(TOWN_B);
            // 群众初评 and 党员评议: the votes per grade and the leading grade
            List<String> votes = values(doc, "各等次得票");
            assertThat(votes).hasSize(2);
            assertThat(votes.get(0)).isEqualTo("先进 15 票，一般 8 票，后进 2 票");
            assertThat(votes.get(1)).startsWith("先进 ").contains("一般 2 票", "后进 1 票");
            assertThat(values(doc, "初评等次")).containsExactly("先进");
            assertThat(values(doc, "评议等次")).containsExactly("先进");
            assertThat(values(doc, "参会人数").get(0)).isEqualTo("应到 30 人，实到 25 人");
            assertThat(values(doc, "时间、地点").get(0)).isEqualTo(year + "年4月3日　村委会会议室");
            // 自评
            assertThat(values(doc, "自查评分").get(0)).startsWith("86 分 / 满分 100 分").contains("领导班子好 21/21");
            assertThat(values(doc, "评分对应等次")).containsExactly("先进");
            assertThat(values(doc, "一票否决事项")).containsExactly("无");
            assertThat(values(doc, "上级年度考核")).containsExactly((year - 1) + "年度综合考核：好");
            assertThat(values(doc, "自评等次")).containsExactly("先进");
            assertThat(values(doc, "自评说明").get(0)).contains("应评为先进");
            // 党员群众会议审议
            assertThat(values(doc, "审议方式、人数")).containsExactly("纸质票；应到 40 人，实到 36 人");
            assertThat(values(doc, "发出、收回票数")).containsExactly("发出 36 张，收回 35 张");
            assertThat(values(doc, "表决结果")).containsExactly("同意 30 票，不同意 3 票，弃权 1 票，无效 1 票");
            assertThat(values(doc, "审议结论").get(0)).contains("88.24%", "通过");
            // 上级评定: another grade than the self-grade, with the reason
            assertThat(values(doc, "评定等次")).containsExactly("一般");
            assertThat(values(doc, "与自评不同的理由")).containsExactly(DIFFERENT_REASON);
            // the person's name on a printed form, never the login name
            assertThat(values(doc, "评定组织、经办人").get(0)).contains(TOWN_B, "三界镇组织委员").doesNotContain(USER_B);
            assertThat(values(doc, (year - 1) + " 年")).containsExactly("");
            assertThat(values(doc, (year - 3) + " 年")).containsExactly("");

            // the Chinese fonts are named in the run properties
            Set<String> fonts = new HashSet<>();
            for (XWPFTableRow r : table.getRows()) {
                for (XWPFTableCell c : r.getTableCells()) {
                    for (XWPFParagraph p : c.getParagraphs()) {
                        for (XWPFRun run : p.getRuns()) {
                            fonts.add(run.getFontFamily(XWPFRun.FontCharRange.eastAsia));
                        }
                    }
                }
            }
            assertThat(fonts).containsExactlyInAnyOrder("宋体", "仿宋");
        }
    }


    /**
     * A standard of four grades (五好四强: 县先进 and 一类 are 先进, 二类 is 一般, 三类 is 后进): 红岩镇's own campaign
     * of this class's year grades its seven villages 1 县先进, 2 一类, 3 二类, 1 三类. 附件4 and 附件3 show a column
     * per grade under its class, 先进 with its subtotal, on screen and in the .xlsx; the line's shares (sevenths,
     * which rounded one by one add up to 100.01) add up to exactly 100.00. Its communities (not graded yet) use the
     * same standard: a field on another standard would add that standard's grades as columns.
     */
    @Test
    void aStandardOfFourGradesShowsAColumnPerGradeUnderItsClassWithTheSubtotal() throws Exception {
        String town = "中共彭州市红岩镇委员会";
        String created = mvc.perform(post("/api/campaigns").with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"rootOrganizationId": %d, "year": %d, "name": "红岩镇%d年度三分类三升级（五好四强）"}
                        """.formatted(id(town), year, year))).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long c = json.readTree(created).get("id").asLong();
        long fourStrong = jdbc.sql("select id from grading_scheme where code = 'FIVE_GOOD_FOUR_STRONG'").query(Long.class).single();
        as("admin", () -> setups.choose(c, "VILLAGE", fourStrong));
        as("admin", () -> setups.choose(c, "COMMUNITY", fourStrong));
        supervisor("fenlei-hongyan", "红岩镇组织委员", town);
        List<String> four = List.of("县先进", "一类", "二类", "三类");
        List<Long> v = villages(town);
        assertThat(v).hasSize(7);
        String[] decidedAs = {"县先进", "一类", "一类", "二类", "二类", "二类", "三类"};
        int[] scores = {97, 90, 88, 80, 75, 72, 50};
        for (int i = 0; i < v.size(); i++) {
            grade(c, year, four, town, "fenlei-hongyan", v.get(i), decidedAs[i], scores[i], Set.of(), decidedAs[i], null);
        }

        WebClient web = adminSession();
        HttpResponse<byte[]> r = download(web, "/grading/tables/summary.xlsx?campaign=" + c + "&org=" + id(town));
        assertThat(r.statusCode()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            Sheet units = wb.getSheetAt(0);
            Row classes = units.getRow(2);
            Row grades = units.getRow(3);
            assertThat(text(classes.getCell(4))).isEqualTo("先进");
            assertThat(text(classes.getCell(10))).isEqualTo("一般");
            assertThat(text(classes.getCell(12))).isEqualTo("后进");
            List<String> heads = new ArrayList<>();
            for (int i = 4; i < 14; i++) {
                heads.add(text(grades.getCell(i)));
            }
            assertThat(heads).containsExactly("县先进（个）", "占比（%）", "一类（个）", "占比（%）", "小计（个）", "占比（%）",
                    "二类（个）", "占比（%）", "三类（个）", "占比（%）");
            assertThat(units.getMergedRegions()).anyMatch(m -> m.getFirstRow() == 2 && m.getLastRow() == 2
                    && m.getFirstColumn() == 4 && m.getLastColumn() == 9);
            Row total = row(units, 0, "合计");
            assertThat((long) num(total, 3)).isEqualTo(7);
            double[] counts = {num(total, 4), num(total, 6), num(total, 8), num(total, 10), num(total, 12)};
            assertThat(counts).containsExactly(1, 2, 3, 3, 1);
            // 1/7, 2/7, 3/7, 1/7 rounded alone: 14.29 + 28.57 + 42.86 + 14.29 = 100.01; by largest remainder 100.00
            double[] gradeShares = {num(total, 5), num(total, 7), num(total, 11), num(total, 13)};
            assertThat(gradeShares).containsExactly(14.29, 28.57, 42.86, 14.28);
            // the classes: 3/7, 3/7, 1/7 alone 42.86 + 42.86 + 14.29 = 100.01
            assertThat(new double[] {num(total, 9), num(total, 11), num(total, 13)}).containsExactly(42.86, 42.86, 14.28);
            assertThat(Math.round((num(total, 5) + num(total, 7) + num(total, 11) + num(total, 13)) * 100)).isEqualTo(10_000);
        }

        HttpResponse<byte[]> n = download(web, "/grading/tables/names.xlsx?campaign=" + c + "&org=" + id(town));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(n.body()))) {
            Sheet s = wb.getSheetAt(0);
            List<String> heads = new ArrayList<>();
            for (int i = 3; i < 11; i++) {
                heads.add(text(s.getRow(3).getCell(i)));
            }
            assertThat(heads).containsExactly("县先进（个）", "县先进名单", "一类（个）", "一类名单", "小计（个）", "二类（个）",
                    "二类名单", "三类（个）");
            Row total = row(s, 0, "合计");
            assertThat(new double[] {num(total, 3), num(total, 5), num(total, 7), num(total, 8), num(total, 10)})
                    .containsExactly(1, 2, 3, 3, 1);
        }

        HttpResponse<String> page = web.get(base() + "/grading/tables?campaign=" + c + "&org=" + id(town));
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body().replaceAll(">\\s+<", "><");
        assertThat(html).contains("<th colspan=\"6\">先进</th><th colspan=\"2\">一般</th><th colspan=\"2\">后进</th>")
                .contains("<th>县先进</th><th>占比（%）</th><th>一类</th><th>占比（%）</th><th>小计</th><th>占比（%）</th>"
                        + "<th>二类</th><th>占比（%）</th><th>三类</th><th>占比（%）</th>")
                .contains("<td>1</td><td>14.29</td><td>2</td><td>28.57</td><td class=\"subtotal\">3</td><td class=\"subtotal\">42.86</td>"
                        + "<td>3</td><td>42.86</td><td>1</td><td>14.28</td>")
                .contains("最大余数法");
    }

    /**
     * 近三年等次 comes from the register: in a campaign of the next year (rooted at 隆丰镇, a root no other
     * test opens) the form of a village graded here shows this grade for its year and nothing for the years before.
     */
    @Test
    void theNextYearsFormShowsThisGradeAmongTheLastThreeYears() throws Exception {
        String created = mvc.perform(post("/api/campaigns").with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"rootOrganizationId": %d, "year": %d, "name": "隆丰镇%d年度三分类三升级"}
                        """.formatted(id(TOWN_A), year + 1, year + 1))).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long next = json.readTree(created).get("id").asLong();
        Decided first = decided.get(0);
        WebClient web = adminSession();
        HttpResponse<byte[]> r = download(web, "/grading/case/declaration.docx?campaign=" + next + "&org=" + first.org());
        assertThat(r.statusCode()).isEqualTo(200);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(r.body()))) {
            String on = java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日").format(LocalDate.now());
            assertThat(values(doc, year + " 年")).containsExactly(first.grade() + "（" + on + " 评定）");
            assertThat(values(doc, (year - 1) + " 年")).containsExactly("");
            assertThat(values(doc, (year - 2) + " 年")).containsExactly("");
            // nothing of the new year is done yet
            assertThat(values(doc, "初评等次")).containsExactly("");
            assertThat(values(doc, "评定等次")).containsExactly("");
        }
    }

    @Test
    void aStepNotDoneYetLeavesItsCellsEmpty() throws Exception {
        WebClient web = adminSession();
        try (XWPFDocument doc = declaration(web, pending)) {
            assertThat(values(doc, "初评等次")).containsExactly("一般");
            assertThat(values(doc, "各等次得票").get(0)).isEqualTo("先进 8 票，一般 15 票，后进 2 票");
            assertThat(values(doc, "各等次得票").get(1)).isEmpty();
            assertThat(values(doc, "评议等次")).containsExactly("");
            assertThat(values(doc, "自查评分")).containsExactly("");
            assertThat(values(doc, "自评等次")).containsExactly("");
            assertThat(values(doc, "表决结果")).containsExactly("");
            assertThat(values(doc, "评定等次")).containsExactly("");
            assertThat(values(doc, "与自评不同的理由")).containsExactly("");
        }
    }
}
