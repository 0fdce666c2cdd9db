package cn.tierup.upgrade;

import cn.tierup.testsupport.OwnTown;
import cn.tierup.testsupport.CampaignFixture;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * A 后进 远程教育站点 through its 争创目标 and 整改台账 over the API, in a town of this class's own ({@link LedgerTown}): the
 * town grades the village's station 后进; the village (its host) writes and hands in the 整顿转化 goal, the town
 * approves it; the village puts a line in the station's ledger; the town's 销号 without evidence is refused with the
 * reason, the host may not close its own line, the village adds a note with a PDF and the town closes the line; the
 * town then marks the station converted. The village's own ledger, goal and the town's upgrade figures count none of
 * it; a user outside the town and a village beside the host are refused; a station not graded, or whose grade the
 * town reopened, gets no goal.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StationLedgerIT {

    static final String TOWN = "中共彭州市鹤鸣镇委员会";
    static final String TOWN_USER = "heming-zhen";
    static final String HOST_USER = "heming-songlin";
    static final String OTHER_USER = "heming-taoyuan";

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;

    LedgerTown town;
    long campaign;
    long host;
    long other;
    long station;
    long average;
    long ungraded;

    @BeforeAll
    void town() throws Exception {
        town = new LedgerTown(mvc, users, jdbc, json, TOWN, TOWN_USER, "冯志远");
        host = town.village("中共鹤鸣镇松林村支部委员会", HOST_USER, "罗松林");
        other = town.village("中共鹤鸣镇桃源村支部委员会", OTHER_USER, "汪桃源");
        station = town.station(host, "松林村远教站点");
        average = town.station(host, "松林村小学远教站点");
        ungraded = town.station(other, "桃源村远教站点");
        campaign = town.campaign();
    }

    @Test
    void theHostRectifiesItsLaggingStationAndTheTownClosesItOnEvidence() throws Exception {
        String goalUrl = "/api/upgrade/stations/" + campaign + "/" + station + "/goal";
        String ledgerUrl = "/api/upgrade/stations/" + campaign + "/" + station + "/ledger";

        // not graded yet: no goal, and none may be written
        JsonNode before = town.ok(town.answer(get(goalUrl), HOST_USER, null));
        assertThat(absent(before, "grade")).isTrue();
        town.refused(town.answer(put(goalUrl), HOST_USER, goal("整顿转化", 0L)), 422, "该站点本年度尚未评定等次");
        town.refused(town.answer(post(ledgerUrl), HOST_USER, item("站点设备长期未开机", null)), 422, "该站点本年度尚未评定等次");

        town.grade(station, HOST_USER, "后进");

        // graded 后进 by the town: the aim is 整顿转化, the host writes, the town approves
        JsonNode graded = town.ok(town.answer(get(goalUrl), HOST_USER, null));
        assertThat(graded.get("grade").asText()).isEqualTo("后进");
        assertThat(graded.get("aim").asText()).isEqualTo("RECTIFY");
        assertThat(graded.get("stationName").asText()).isEqualTo("松林村远教站点");
        assertThat(graded.get("organizationId").asLong()).isEqualTo(host);
        assertThat(graded.get("authorityName").asText()).isEqualTo(TOWN);
        assertThat(graded.get("canWrite").asBoolean()).isTrue();
        assertThat(graded.get("canReview").asBoolean()).isFalse();

        // the host cannot approve its own station's goal; the town cannot approve what was not handed in
        JsonNode draft = town.ok(town.answer(put(goalUrl), HOST_USER, goal("一年内恢复站点正常运行，实现整顿转化", 0L)));
        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
        town.refused(town.answer(post(goalUrl + "/approve"), TOWN_USER, Map.of("version", draft.get("version").asLong())), 422, "尚未提交");
        JsonNode submitted = town.ok(town.answer(post(goalUrl + "/submit"), HOST_USER, goal("一年内恢复站点正常运行，实现整顿转化",
                draft.get("version").asLong())));
        assertThat(submitted.get("status").asText()).isEqualTo("SUBMITTED");
        town.refused(town.answer(post(goalUrl + "/approve"), HOST_USER, Map.of("version", submitted.get("version").asLong())), 403, null);
        JsonNode approved = town.ok(town.answer(post(goalUrl + "/approve"), TOWN_USER, Map.of("version", submitted.get("version").asLong())));
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        // not converted while its ledger is empty
        town.refused(town.answer(post(goalUrl + "/convert"), TOWN_USER, null), 422, "整改台账须至少有一项");

        // a ledger line put in by the host
        JsonNode line = town.created(town.answer(post(ledgerUrl), HOST_USER, item("站点设备长期未开机，学习活动中断", null)));
        long itemId = line.get("id").asLong();
        assertThat(line.get("number").asInt()).isEqualTo(1);
        assertThat(line.get("stationId").asLong()).isEqualTo(station);
        String itemUrl = "/api/upgrade/ledger/items/" + itemId;

        // the town's 销号 without evidence: refused with the reason; a note without a file is no evidence either
        town.refused(town.answer(post(itemUrl + "/close"), TOWN_USER, Map.of("version", line.get("version").asLong())), 422, "尚无佐证材料");
        town.created(note(itemId, HOST_USER, "已联系县网络公司上门检修。", null));
        town.refused(town.answer(post(itemUrl + "/close"), TOWN_USER, Map.of("version", version(itemId))), 422, "尚无佐证材料");
        // the host cannot close its own line
        town.created(note(itemId, HOST_USER, "设备已修复，恢复每周两次开放。", new MockMultipartFile("file", "站点检修记录.pdf",
                "application/pdf", UpgradeApiIT.pdf("Station repaired, open twice a week"))));
        town.refused(town.answer(post(itemUrl + "/close"), HOST_USER, Map.of("version", version(itemId))), 403, null);
        JsonNode closed = town.ok(town.answer(post(itemUrl + "/close"), TOWN_USER, Map.of("remark", "经实地查看，站点已恢复运行",
                "version", version(itemId))));
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");

        // the station is converted by the town
        JsonNode converted = town.ok(town.answer(post(goalUrl + "/convert"), TOWN_USER, null));
        assertThat(converted.get("convertedAt").isNull()).isFalse();
        assertThat(converted.get("ledgerItems").asLong()).isEqualTo(1);
        assertThat(converted.get("ledgerOpen").asLong()).isZero();

        // the host's own goal and ledger and the town's figures count none of it; a line of the host's own is its own
        JsonNode own = town.created(town.answer(post("/api/upgrade/ledger/" + campaign + "/" + host), HOST_USER,
                item("党员活动室制度未上墙", null)));
        assertThat(absent(own, "stationId")).isTrue();
        assertThat(own.get("number").asInt()).isEqualTo(1);
        JsonNode ownLedger = town.ok(town.answer(get("/api/upgrade/ledger/" + campaign + "/" + host), HOST_USER, null));
        assertThat(ownLedger.get("items")).hasSize(1);
        assertThat(ownLedger.get("items").get(0).get("id").asLong()).isEqualTo(own.get("id").asLong());
        JsonNode ownGoal = town.ok(town.answer(get("/api/upgrade/goals/" + campaign + "/" + host), HOST_USER, null));
        assertThat(absent(ownGoal, "goalId")).isTrue();
        assertThat(absent(ownGoal, "grade")).isTrue();
        JsonNode totals = town.ok(town.answer(get("/api/upgrade/overview?campaign=" + campaign + "&org=" + town.id), TOWN_USER, null))
                .get("totals");
        assertThat(totals.get("items").asLong()).isEqualTo(1);
        assertThat(totals.get("open").asLong()).isEqualTo(1);
        assertThat(totals.get("closed").asLong()).isZero();
        assertThat(totals.get("goalsSubmitted").asLong()).isZero();
        assertThat(totals.get("goalsApproved").asLong()).isZero();
        assertThat(totals.get("converted").asLong()).isZero();
        JsonNode stationLedger = town.ok(town.answer(get(ledgerUrl), TOWN_USER, null));
        assertThat(stationLedger.get("items")).hasSize(1);
        assertThat(stationLedger.get("closed").asLong()).isEqualTo(1);
        assertThat(stationLedger.get("canClose").asBoolean()).isTrue();

        // outside the town, and a village beside the host: refused
        town.refused(town.answer(get(goalUrl), "zhen", null), 403, null);
        town.refused(town.answer(get(ledgerUrl), "cun", null), 403, null);
        town.refused(town.answer(get(goalUrl), OTHER_USER, null), 403, null);
        town.refused(town.answer(post(ledgerUrl), OTHER_USER, item("越权录入", null)), 403, null);

        // the station ledger as .xlsx, headed by the station and its host
        var xlsx = mvc.perform(get("/upgrade/stations/" + station + "/ledger.xlsx").param("campaign", String.valueOf(campaign))
                .with(users.as(TOWN_USER))).andReturn().getResponse();
        assertThat(xlsx.getStatus()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("站点：松林村远教站点（中共鹤鸣镇松林村支部委员会） 整改台账");
            assertThat(wb.getSheetAt(0).getPhysicalNumberOfRows()).isGreaterThanOrEqualTo(4);
        }

        // the audit trail names the station
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'UpgradeGoal' and action = 'CONVERT'"
                        + " and organization_id = :o and summary like :s")
                .param("o", host).param("s", "%松林村远教站点%").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aStationsGoalFollowsItsDecidedGradeAndGoesWhenTheTownReopensIt() throws Exception {
        String goalUrl = "/api/upgrade/stations/" + campaign + "/" + average + "/goal";
        JsonNode decided = town.grade(average, HOST_USER, "一般");
        JsonNode g = town.ok(town.answer(get(goalUrl), HOST_USER, null));
        assertThat(g.get("aim").asText()).isEqualTo("BECOME_ADVANCED");
        town.ok(town.answer(put(goalUrl), HOST_USER, goal("争创先进站点", 0L)));

        town.ok(town.answer(post("/api/station-gradings/" + campaign + "/" + average + "/reopen"), TOWN_USER,
                Map.of("reason", "评分有误，重新评定", "version", decided.get("version").asLong())));
        JsonNode reopened = town.ok(town.answer(get(goalUrl), HOST_USER, null));
        // the draft stays written against the grade it had; handing it in is refused until the grade is decided again
        assertThat(reopened.get("grade").asText()).isEqualTo("一般");
        town.refused(town.answer(post(goalUrl + "/submit"), HOST_USER, goal("争创先进站点", reopened.get("version").asLong())), 422,
                "该站点本年度尚未评定等次");
        assertThat(jdbc.sql("select count(*) from upgrade_station_grade where campaign_id = :c and station_id = :s")
                .param("c", campaign).param("s", average).query(Long.class).single()).isZero();

        // a station nobody graded: nothing to write
        town.refused(town.answer(put("/api/upgrade/stations/" + campaign + "/" + ungraded + "/goal"), OTHER_USER, goal("争创", 0L)), 422,
                "该站点本年度尚未评定等次");
        // an unknown station
        town.refused(town.answer(get("/api/upgrade/stations/" + campaign + "/987654321/goal"), TOWN_USER, null), 404, null);
    }

    // ---- helpers -----------------------------------------------------------------------------------

    Map<String, Object> goal(String statement, Long version) {
        int y = CampaignFixture.OWN_TOWN_YEAR;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("statement", statement);
        m.put("measures", List.of(
                Map.of("text", "落实站点管理员，参加县里组织的操作培训", "owner", "罗松林", "dueOn", LocalDate.of(y, 6, 30).toString()),
                Map.of("text", "每月组织一次集中学习，做好签到记录", "owner", "王秀英", "dueOn", LocalDate.of(y, 12, 31).toString())));
        m.put("version", version);
        return m;
    }

    Map<String, Object> item(String problem, Long version) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("problem", problem);
        m.put("measure", "请县网络公司检修设备，落实每周两次开放");
        m.put("responsible", "罗松林");
        m.put("deadline", LocalDate.of(CampaignFixture.OWN_TOWN_YEAR, 9, 30).toString());
        m.put("version", version);
        return m;
    }

    long version(long item) {
        return jdbc.sql("select version from rectification_item where id = :i").param("i", item).query(Long.class).single();
    }

    OwnTown.Answer note(long item, String as, String text, MockMultipartFile file) throws Exception {
        var r = multipart("/api/upgrade/ledger/items/" + item + "/notes");
        if (file != null) {
            r.file(file);
        }
        r.param("note", text);
        var response = mvc.perform(r.with(users.as(as))).andReturn().getResponse();
        return new OwnTown.Answer(response.getStatus(), response.getContentAsString(StandardCharsets.UTF_8));
    }

    static boolean absent(JsonNode node, String field) {
        return node.get(field) == null || node.get(field).isNull();
    }

}
