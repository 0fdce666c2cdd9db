package cn.tierup.survey;

import cn.tierup.testsupport.HostedStations;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/** The survey loop through the API: write, hand in, return, revise, accept; records and the summary table. */
@IntegrationTest
class SurveyFlowIT {

    /** Campaigns opened by this class, one per root (the context is shared by all test classes). */
    private static final Map<String, Long> CAMPAIGNS = new ConcurrentHashMap<>();

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;

    long id(String name) {
        return jdbc.sql("select id from organization where name = :n").param("n", name).query(Long.class).single();
    }

    long orgOf(String username) {
        return jdbc.sql("select organization_id from account where username = :u").param("u", username).query(Long.class).single();
    }

    JsonNode body(org.springframework.test.web.servlet.ResultActions r) throws Exception {
        return json.readTree(r.andReturn().getResponse().getContentAsString());
    }

    /** A campaign on {@code rootName} whose survey runs from 10 days ago; reports due in {@code dueInDays}. */
    long campaign(String rootName, int dueInDays) throws Exception {
        return CAMPAIGNS.computeIfAbsent(rootName, n -> {
            try {
                LocalDate start = LocalDate.now().minusDays(10);
                LocalDate due = LocalDate.now().plusDays(dueInDays);
                String body = """
                        {"rootOrganizationId": %d, "year": %d, "name": "测试活动",
                         "surveyStartsOn": "%s", "surveyEndsOn": "%s", "surveyDueOn": "%s",
                         "gradingStartsOn": "%s", "gradingEndsOn": "%s", "gradingDueOn": "%s",
                         "upgradeStartsOn": "%s", "upgradeEndsOn": "%s", "upgradeDueOn": "%s",
                         "acceptanceStartsOn": "%s", "acceptanceEndsOn": "%s", "acceptanceDueOn": "%s"}
                        """.formatted(id(n), start.getYear(), start, LocalDate.now().plusDays(20), due,
                        LocalDate.now().plusDays(21), LocalDate.now().plusDays(40), LocalDate.now().plusDays(30),
                        LocalDate.now().plusDays(41), LocalDate.now().plusDays(200), LocalDate.now().plusDays(200),
                        LocalDate.now().plusDays(201), LocalDate.now().plusDays(260), LocalDate.now().plusDays(220));
                return body(mvc.perform(post("/api/campaigns").with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content(body)).andExpect(status().isCreated())).get("id").asLong();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static String content(Long version, boolean complete) {
        return """
                {"basicSituation": "本支部现有党员二十余名，坚持三会一课。", "mainProblems": %s,
                 "causes": "青年外出务工多。", "measures": "在返乡青年中培养积极分子。",
                 "meetingOn": "%s", "meetingAttendance": 5, "version": %s}
                """.formatted(complete ? "\"党员老龄化。\"" : "\"\"", LocalDate.now().minusDays(1), version);
    }

    /** The content with the 远程教育站点 part of the organisation's stations (a later save without it keeps it). */
    String content(long org, Long version, boolean complete) {
        String plain = content(version, complete).strip();
        return plain.substring(0, plain.length() - 1) + ", \"stations\": " + HostedStations.json(jdbc, org) + "}";
    }

    @Test
    void aBranchHandsInItsReportTheTownReturnsItAndAcceptsTheRevision() throws Exception {
        long c = campaign("中共彭州市丽春镇委员会", 10);
        long village = orgOf("cun");
        String base = "/api/campaigns/" + c + "/orgs/" + village + "/report";

        JsonNode draft = body(mvc.perform(put(base).with(users.as("cun")).contentType(MediaType.APPLICATION_JSON)
                .content(content(village, null, false))).andExpect(status().isOk()));
        assertThat(draft.get("type").asText()).isEqualTo("SELF_INSPECTION");
        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");

        mvc.perform(post(base + "/submit").with(users.as("cun")).contentType(MediaType.APPLICATION_JSON)
                        .content(content(draft.get("version").asLong(), false)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.detail", containsString("存在主要问题")));

        JsonNode submitted = body(mvc.perform(post(base + "/submit").with(users.as("cun")).contentType(MediaType.APPLICATION_JSON)
                .content(content(draft.get("version").asLong(), true))).andExpect(status().isOk()));
        long reportId = submitted.get("id").asLong();
        assertThat(submitted.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(submitted.get("submittedLate").asBoolean()).isFalse();

        mvc.perform(put(base).with(users.as("cun")).contentType(MediaType.APPLICATION_JSON)
                        .content(content(submitted.get("version").asLong(), true)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.detail", containsString("等待上级审核")));

        mvc.perform(post("/api/reports/" + reportId + "/return").with(users.as("zhen")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"\"}")).andExpect(status().isBadRequest());
        mvc.perform(post("/api/reports/" + reportId + "/return").with(users.as("zhen")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"请补充流动党员管理情况\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RETURNED"));

        JsonNode desk = body(mvc.perform(get("/api/campaigns/" + c + "/desk").with(users.as("cun"))).andExpect(status().isOk()));
        assertThat(desk.get("own").get(0).get("status").asText()).isEqualTo("RETURNED");
        assertThat(desk.get("own").get(0).get("note").asText()).contains("流动党员");

        JsonNode returned = body(mvc.perform(get(base).with(users.as("cun"))));
        JsonNode again = body(mvc.perform(post(base + "/submit").with(users.as("cun")).contentType(MediaType.APPLICATION_JSON)
                .content(content(returned.get("version").asLong(), true).replace("党员老龄化。", "党员老龄化，流动党员联系不畅。")))
                .andExpect(status().isOk()));
        assertThat(again.get("versionCount").asInt()).isEqualTo(2);

        mvc.perform(post("/api/reports/" + reportId + "/accept").with(users.as("zhen")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACCEPTED"));
        JsonNode accepted = body(mvc.perform(get(base).with(users.as("cun"))));
        mvc.perform(put(base).with(users.as("cun")).contentType(MediaType.APPLICATION_JSON)
                        .content(content(accepted.get("version").asLong(), true)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.detail", containsString("已通过审核")));

        assertThat(accepted.get("versions")).hasSize(2);
        assertThat(accepted.get("versions").get(0).get("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("versions").get(1).get("outcome").asText()).isEqualTo("RETURNED");
        assertThat(accepted.get("versions").get(1).get("mainProblems").asText()).isEqualTo("党员老龄化。");
        long audited = jdbc.sql("select count(*) from audit_entry where entity_type = 'SurveyReport' and entity_id = :id")
                .param("id", String.valueOf(reportId)).query(Long.class).single();
        assertThat(audited).isGreaterThanOrEqualTo(5);
    }

    @Test
    void onlyTheDirectParentReviewsAndNobodyReviewsItself() throws Exception {
        long c = campaign("中共彭州市丽春镇委员会", 10);
        long village = jdbc.sql("select id from organization where parent_id = :p and kind = 'BRANCH' and name like '%村支部委员会'"
                + " and id <> :cun order by id desc limit 1").param("p", id("中共彭州市丽春镇委员会")).param("cun", orgOf("cun"))
                .query(Long.class).single();
        String base = "/api/campaigns/" + c + "/orgs/" + village + "/report";
        JsonNode r = body(mvc.perform(post(base + "/submit").with(users.as("zhen")).contentType(MediaType.APPLICATION_JSON)
                .content(content(village, null, true))).andExpect(status().isOk()));
        mvc.perform(post("/api/reports/" + r.get("id").asLong() + "/accept").with(users.as("admin")))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.detail", containsString("直接上级")));
        mvc.perform(post("/api/reports/" + r.get("id").asLong() + "/accept").with(users.as("nyj")))
                .andExpect(status().isForbidden());
        // zhen handed this report in for the village, so zhen may not also be the one who accepts it
        mvc.perform(post("/api/reports/" + r.get("id").asLong() + "/accept").with(users.as("zhen")))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.detail", containsString("代为提交")));
    }

    @Test
    void aSaveFromAStaleCopyIsRefusedAndOverwritesNothing() throws Exception {
        long c = campaign("中共彭州市丽春镇委员会", 10);
        long community = jdbc.sql("select id from organization where parent_id = :p and field = 'COMMUNITY' order by id limit 1")
                .param("p", id("中共彭州市丽春镇委员会")).query(Long.class).single();
        String base = "/api/campaigns/" + c + "/orgs/" + community + "/report";
        JsonNode first = body(mvc.perform(put(base).with(users.as("zhen")).contentType(MediaType.APPLICATION_JSON)
                .content(content(null, true))).andExpect(status().isOk()));
        long v = first.get("version").asLong();
        mvc.perform(put(base).with(users.as("zhen")).contentType(MediaType.APPLICATION_JSON)
                .content(content(v, true).replace("坚持三会一课", "甲的修改"))).andExpect(status().isOk());
        mvc.perform(put(base).with(users.as("zhen")).contentType(MediaType.APPLICATION_JSON)
                        .content(content(v, true).replace("坚持三会一课", "乙的修改")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("已被他人修改")));
        assertThat(body(mvc.perform(get(base).with(users.as("zhen")))).get("basicSituation").asText()).contains("甲的修改");
    }

    @Test
    void attachmentsMustBeWhatTheySayTheyAre() throws Exception {
        long c = campaign("中共彭州市丽春镇委员会", 10);
        long community = jdbc.sql("select id from organization where parent_id = :p and field = 'COMMUNITY' order by id desc limit 1")
                .param("p", id("中共彭州市丽春镇委员会")).query(Long.class).single();
        String url = "/api/campaigns/" + c + "/orgs/" + community + "/report/attachments";
        byte[] pdf = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes();
        JsonNode a = body(mvc.perform(multipart(url).file(new MockMultipartFile("file", "座谈会记录.pdf", "application/pdf", pdf))
                .with(users.as("zhen"))).andExpect(status().isCreated()));
        byte[] back = mvc.perform(get("/api/attachments/" + a.get("id").asLong()).with(users.as("zhen")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(back).isEqualTo(pdf);
        byte[] exe = new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
        mvc.perform(multipart(url).file(new MockMultipartFile("file", "报告.pdf", "application/pdf", exe)).with(users.as("zhen")))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.detail", containsString("内容与扩展名不符")));
        mvc.perform(multipart(url).file(new MockMultipartFile("file", "setup.exe", "application/octet-stream", exe)).with(users.as("zhen")))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.detail", containsString("只能上传")));
        long stored = jdbc.sql("select count(*) from survey_attachment a join survey_report r on r.id = a.report_id"
                + " where r.organization_id = :o").param("o", community).query(Long.class).single();
        assertThat(stored).isEqualTo(1);
        mvc.perform(get("/api/attachments/" + a.get("id").asLong()).with(users.as("jggw"))).andExpect(status().isForbidden());
    }

    @Test
    void aLateReportIsTakenButMarkedAndTheTownSeesWhoIsLate() throws Exception {
        long c = campaign("中共彭州市九尺镇委员会", -1);
        long town = id("中共彭州市九尺镇委员会");
        long village = jdbc.sql("select id from organization where parent_id = :p and kind = 'BRANCH' order by id limit 1")
                .param("p", town).query(Long.class).single();
        JsonNode r = body(mvc.perform(post("/api/campaigns/" + c + "/orgs/" + village + "/report/submit").with(users.as("admin"))
                .contentType(MediaType.APPLICATION_JSON).content(content(village, null, true))).andExpect(status().isOk()));
        assertThat(r.get("submittedLate").asBoolean()).isTrue();
        long overdue = jdbc.sql("select count(*) from organization o where o.parent_id = :p and o.retired = false and not exists"
                + " (select 1 from survey_report r where r.organization_id = o.id and r.campaign_id = :c and r.status in ('SUBMITTED', 'ACCEPTED'))")
                .param("p", town).param("c", c).query(Long.class).single();
        assertThat(overdue).isPositive();
        mvc.perform(post("/api/campaigns/" + c + "/reminders").with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"organizationId\": " + town + ", \"message\": \"请督促各村尽快报送\"}")).andExpect(status().isCreated());
        long reminders = jdbc.sql("select count(*) from reminder where to_organization_id = :t and campaign_id = :c")
                .param("t", town).param("c", c).query(Long.class).single();
        assertThat(reminders).isEqualTo(1);
    }

    @Test
    void aTownCannotWriteForAnotherTownsVillage() throws Exception {
        long c = campaign("中共彭州市丽春镇委员会", 10);
        long otherVillage = jdbc.sql("select id from organization where parent_id = :p order by id limit 1")
                .param("p", id("中共彭州市天彭镇委员会")).query(Long.class).single();
        mvc.perform(put("/api/campaigns/" + c + "/orgs/" + otherVillage + "/report").with(users.as("zhen"))
                .contentType(MediaType.APPLICATION_JSON).content(content(null, true))).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from survey_report where organization_id = :o").param("o", otherVillage)
                .query(Long.class).single()).isZero();
    }

    @Test
    void theSummaryTableAddsUpTheRecordsAtEveryLevel() throws Exception {
        long c = campaign("中共彭州市丽春镇委员会", 10);
        long town = id("中共彭州市丽春镇委员会");
        var villages = jdbc.sql("select id from organization where parent_id = :p and retired = false order by id limit 3")
                .param("p", town).query(Long.class).list();
        int i = 1;
        for (long v : villages) {
            mvc.perform(post("/api/campaigns/" + c + "/orgs/" + v + "/activities").with(users.as("zhen")).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"kind\": \"HOME_VISIT\", \"occurredOn\": \"" + LocalDate.now() + "\", \"amount\": " + (10 * i++) + "}"))
                    .andExpect(status().isCreated());
        }
        mvc.perform(post("/api/campaigns/" + c + "/orgs/" + town + "/activities").with(users.as("zhen")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\": \"QUESTIONNAIRE\", \"occurredOn\": \"" + LocalDate.now() + "\", \"amount\": 120, \"returnedCount\": 110}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/campaigns/" + c + "/orgs/" + town + "/activities").with(users.as("zhen")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"QUESTIONNAIRE\", \"occurredOn\": \"" + LocalDate.now() + "\", \"amount\": 10, \"returnedCount\": 11}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.detail", containsString("回收份数")));
        mvc.perform(post("/api/campaigns/" + c + "/orgs/" + town + "/activities").with(users.as("zhen")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"APPRAISAL\", \"occurredOn\": \"" + LocalDate.now() + "\", \"amount\": 30}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.detail", containsString("测评人员类别")));

        JsonNode s = body(mvc.perform(get("/api/campaigns/" + c + "/orgs/" + town + "/survey-summary").with(users.as("zhen")))
                .andExpect(status().isOk()));
        long independentVisits = jdbc.sql("select coalesce(sum(a.amount), 0) from survey_activity a join organization o on o.id = a.organization_id"
                        + " where a.campaign_id = :c and a.kind = 'HOME_VISIT' and o.path like (select path from organization where id = :t) || '%'")
                .param("c", c).param("t", town).query(Long.class).single();
        assertThat(s.get("total").get("amounts").get("HOME_VISIT").asLong()).isEqualTo(independentVisits).isGreaterThanOrEqualTo(60);
        long sumOfRows = s.get("own").get("amounts").path("HOME_VISIT").asLong(0);
        for (JsonNode child : s.get("children")) {
            long independent = jdbc.sql("select coalesce(sum(a.amount), 0) from survey_activity a join organization o on o.id = a.organization_id"
                            + " where a.campaign_id = :c and a.kind = 'HOME_VISIT' and o.path like (select path from organization where id = :t) || '%'")
                    .param("c", c).param("t", child.get("organizationId").asLong()).query(Long.class).single();
            assertThat(child.get("amounts").path("HOME_VISIT").asLong(0)).isEqualTo(independent);
            sumOfRows += child.get("amounts").path("HOME_VISIT").asLong(0);
        }
        assertThat(sumOfRows).isEqualTo(independentVisits);
        assertThat(s.get("total").get("questionnairesReturned").asLong()).isGreaterThanOrEqualTo(110);
        long members = jdbc.sql("select count(*) from member m join organization o on o.id = m.organization_id where m.status = 'ACTIVE'"
                        + " and m.category in ('FULL', 'PROBATIONARY') and o.path like (select path from organization where id = :t) || '%'")
                .param("t", town).query(Long.class).single();
        assertThat(s.get("total").get("members").asLong()).isEqualTo(members);

        byte[] xlsx = mvc.perform(get("/api/campaigns/" + c + "/orgs/" + town + "/survey-summary.xlsx").with(users.as("zhen")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("基层党组织现状大调查情况汇总表");
            assertThat(sheet.getRow(2).getCell(4).getStringCellValue()).isEqualTo("自查报告（份）");
            assertThat(sheet.getRow(3).getCell(4).getStringCellValue()).isEqualTo("应报");
            assertThat(sheet.getMergedRegions()).anyMatch(r -> r.getFirstRow() == 2 && r.getLastRow() == 3 && r.getFirstColumn() == 1);
            // the total, then the line saying what 纸质 and 网上 count
            var last = sheet.getRow(sheet.getLastRowNum() - 1);
            assertThat(last.getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat((long) last.getCell(8).getNumericCellValue()).isEqualTo(independentVisits);
            assertThat((long) last.getCell(3).getNumericCellValue()).isEqualTo(members);
        }
        mvc.perform(get("/api/campaigns/" + c + "/orgs/" + id("中共彭州市天彭镇委员会") + "/survey-summary").with(users.as("zhen")))
                .andExpect(status().isForbidden());
    }

    /**
     * A line of the summary above the towns sums its child's whole subtree (the town and its villages), each record
     * in exactly one line: the lines are found from the paths of one scan of the subtree, so this checks every line
     * against its own count.
     */
    @Test
    void aCitysSummaryCountsEachTownsWholeSubtreeOnce() throws Exception {
        long c = campaign("中共彭州市丽春镇委员会", 10);
        long town = id("中共彭州市丽春镇委员会");
        long village = jdbc.sql("select id from organization where parent_id = :p and retired = false order by id limit 1")
                .param("p", town).query(Long.class).single();
        mvc.perform(post("/api/campaigns/" + c + "/orgs/" + village + "/activities").with(users.as("zhen"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\": \"HOME_VISIT\", \"occurredOn\": \"" + LocalDate.now() + "\", \"amount\": 7}"))
                .andExpect(status().isCreated());
        long city = orgOf("admin");

        JsonNode s = body(mvc.perform(get("/api/campaigns/" + c + "/orgs/" + city + "/survey-summary").with(users.as("admin")))
                .andExpect(status().isOk()));
        String under = " from organization o where o.retired = false and o.path like (select path from organization where id = :t) || '%'";
        long visits = 0;
        long organisations = 0;
        boolean sawTown = false;
        for (JsonNode line : s.get("children")) {
            long child = line.get("organizationId").asLong();
            sawTown |= child == town;
            assertThat(line.get("organizations").asLong()).as("organisations under " + child)
                    .isEqualTo(jdbc.sql("select count(*)" + under).param("t", child).query(Long.class).single());
            assertThat(line.get("reportsOwed").asLong()).as("leaves under " + child)
                    .isEqualTo(jdbc.sql("select count(*)" + under + " and not exists (select 1 from organization x"
                            + " where x.parent_id = o.id and x.retired = false)").param("t", child).query(Long.class).single());
            assertThat(line.get("members").asLong()).as("members under " + child)
                    .isEqualTo(jdbc.sql("select count(*) from member m join organization o on o.id = m.organization_id"
                            + " where m.status = 'ACTIVE' and m.category in ('FULL', 'PROBATIONARY') and o.retired = false"
                            + " and o.path like (select path from organization where id = :t) || '%'")
                            .param("t", child).query(Long.class).single());
            long childVisits = jdbc.sql("select coalesce(sum(a.amount), 0) from survey_activity a join organization o"
                            + " on o.id = a.organization_id where a.campaign_id = :c and a.kind = 'HOME_VISIT'"
                            + " and o.path like (select path from organization where id = :t) || '%'")
                    .param("c", c).param("t", child).query(Long.class).single();
            assertThat(line.get("amounts").path("HOME_VISIT").asLong(0)).as("visits under " + child).isEqualTo(childVisits);
            visits += childVisits;
            organisations += line.get("organizations").asLong();
        }
        assertThat(sawTown).as("the town is one of the city's lines").isTrue();
        assertThat(visits).isGreaterThanOrEqualTo(7);
        assertThat(s.get("total").get("amounts").path("HOME_VISIT").asLong(0))
                .isEqualTo(visits + s.get("own").get("amounts").path("HOME_VISIT").asLong(0));
        assertThat(s.get("total").get("organizations").asLong()).isEqualTo(organisations + s.get("own").get("organizations").asLong());
    }

    @Test
    void campaignsAreOpenedOnceAYearAndFrozenOnceAPhaseStarts() throws Exception {
        long town = id("中共彭州市丽春镇委员会");
        long c = campaign("中共彭州市丽春镇委员会", 10);
        JsonNode existing = body(mvc.perform(get("/api/campaigns/" + c).with(users.as("admin"))));
        mvc.perform(post("/api/campaigns").with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rootOrganizationId\": " + town + ", \"year\": " + existing.get("year").asInt() + "}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.detail", containsString("只能开启一次")));
        mvc.perform(post("/api/campaigns").with(users.as("zhen")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"rootOrganizationId\": " + town + ", \"year\": 2031}")).andExpect(status().isForbidden());
        String moved = """
                {"rootOrganizationId": %d, "year": %d, "surveyStartsOn": "%s", "surveyEndsOn": "%s", "surveyDueOn": "%s",
                 "gradingStartsOn": "%s", "gradingEndsOn": "%s", "gradingDueOn": "%s", "version": %d}
                """.formatted(town, existing.get("year").asInt(), LocalDate.now().minusDays(9), LocalDate.now().plusDays(20),
                LocalDate.now().plusDays(10), LocalDate.now().plusDays(21), LocalDate.now().plusDays(40), LocalDate.now().plusDays(30),
                existing.get("version").asLong());
        mvc.perform(put("/api/campaigns/" + c).with(users.as("admin")).contentType(MediaType.APPLICATION_JSON).content(moved))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.detail", containsString("已经开始")));
        JsonNode copy = body(mvc.perform(post("/api/campaigns/" + c + "/copy").with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"year\": " + (existing.get("year").asInt() + 1) + "}")).andExpect(status().isCreated()));
        assertThat(LocalDate.parse(copy.get("phases").get("SURVEY").get("startsOn").asText()))
                .isEqualTo(LocalDate.parse(existing.get("phases").get("SURVEY").get("startsOn").asText()).plusYears(1));
        assertThat(copy.get("targets").get("villageAdvancedShare").asInt()).isEqualTo(40);
    }
}
