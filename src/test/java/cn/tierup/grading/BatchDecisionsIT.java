package cn.tierup.grading;

import cn.tierup.testsupport.CampaignFixture;
import cn.tierup.testsupport.DemoCity;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.OfficeDay;
import cn.tierup.testsupport.TestUsers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static cn.tierup.grading.CaseWalker.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * 上级评定 of many at one meeting over the API: 丽春镇 (account {@code zhen}) lists the villages awaiting its decision with
 * their proposals, is refused — with every bad line named and nothing decided — for a meeting without its record, a
 * differing grade without a reason, a village still at step 1, another town's village, a stale version and a village named
 * twice; then decides
 * three at once and leaves one for later. Each decision is recorded as a single one is: the same audit line (with the
 * meeting's date), the register, upgrade's copy of the grade (kept from the {@code GradeDecided} event). A village's own
 * account and another town's are refused. The campaign is rooted at 丽春镇 in a past year of this class's own.
 */
@IntegrationTest
class BatchDecisionsIT {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired CampaignFixture campaignFixture;
    @Autowired DemoCity demo;

    final LocalDate today = OfficeDay.today();

    String state(long campaign) {
        return jdbc.sql("select organization_id, step, decided_grade, decided_by, decision_meeting_on, version from grading_case"
                        + " where campaign_id = :c order by organization_id").param("c", campaign)
                .query((rs, n) -> rs.getLong(1) + ":" + rs.getString(2) + ":" + rs.getString(3) + ":" + rs.getString(4) + ":"
                        + rs.getString(5) + ":" + rs.getLong(6)).list()
                + " | audit " + jdbc.sql("select count(*) from audit_entry where entity_type = 'GradingCase'").query(Long.class).single()
                + " | upgrade " + jdbc.sql("select count(*) from upgrade_decided_grade where campaign_id = :c").param("c", campaign)
                .query(Long.class).single();
    }

    @Test
    void aTownDecidesSeveralVillagesAtOneMeetingAllOrNothing() throws Exception {
        CaseWalker walk = new CaseWalker(mvc, json, users, jdbc);
        int year = campaignFixture.yearFor(getClass());
        long town = demo.orgId(DemoCity.LICHUN);
        long campaign = walk.campaign(town, year);
        String clerk = walk.account("lc-batch-zuzhi", "丽春镇组织委员甲", town, "SUPERVISOR");
        List<Long> villages = walk.villages(DemoCity.LICHUN);
        assertThat(villages).hasSizeGreaterThanOrEqualTo(5);
        long a = villages.get(0);
        long b = villages.get(1);
        long c = villages.get(2);
        long d = villages.get(3);
        long notYet = villages.get(4);
        long foreign = walk.villages("中共彭州市葛仙山镇委员会").get(0);
        walk.toDecision(campaign, a, clerk, "先进", 90);
        walk.toDecision(campaign, b, clerk, "一般", 75);
        walk.toDecision(campaign, c, clerk, "先进", 88);
        walk.toDecision(campaign, d, clerk, "一般", 70);

        // the list: the four awaiting 丽春镇's decision with their proposals, not the one still at step 1
        String url = "/api/grading/decisions/" + campaign;
        JsonNode sheet = walk.ok(walk.send(get(url), "zhen", null), 200);
        assertThat(sheet.get("authorityName").asText()).isEqualTo(DemoCity.LICHUN);
        List<Long> listed = new ArrayList<>();
        sheet.get("awaiting").forEach(x -> listed.add(x.get("organizationId").asLong()));
        assertThat(listed).containsExactlyInAnyOrder(a, b, c, d);
        JsonNode first = line(sheet, a);
        assertThat(first.get("selfGrade").asText()).isEqualTo("先进");
        assertThat(first.get("scoreTotal").asInt()).isEqualTo(90);
        assertThat(first.get("agree").asInt()).isEqualTo(21);
        assertThat(first.get("grades").toString()).isEqualTo("[\"先进\",\"一般\",\"后进\"]");

        // who may not: the village's own account, and a town that is not the authority
        walk.ok(walk.send(get(url).param("authority", String.valueOf(town)), "cun", null), 403);
        assertThat(walk.ok(walk.send(get(url), "cun", null), 200).get("awaiting")).as("a village awaits no decision of its own").isEmpty();
        String otherTown = walk.account("gx-batch-shuji", "葛仙山镇书记甲", walk.id("中共彭州市葛仙山镇委员会"), "SUPERVISOR");
        walk.ok(walk.send(get(url).param("authority", String.valueOf(town)), otherTown, null), 403);

        String before = state(campaign);
        String minutes = "丽春镇党委会议，应到 9 人，实到 8 人；听取各村审议情况，逐一评定。";
        // no record of the meeting
        JsonNode refused = walk.ok(walk.send(post(url), "zhen", map("meetingOn", today, "minutes", " ",
                "lines", List.of(lineOf(a, "先进", null, version(first))))), 422);
        assertThat(refused.get("detail").asText()).contains("请填写评定会议记录");
        // a meeting not yet held
        refused = walk.ok(walk.send(post(url), "zhen", map("meetingOn", today.plusDays(1), "minutes", minutes,
                "lines", List.of(lineOf(a, "先进", null, version(first))))), 422);
        assertThat(refused.get("detail").asText()).contains("晚于今天");
        // five bad lines beside a good one: every one named, nothing decided
        refused = walk.ok(walk.send(post(url), "zhen", map("meetingOn", today, "minutes", minutes, "lines", List.of(
                lineOf(a, "先进", null, version(first)),
                lineOf(b, "先进", " ", version(line(sheet, b))),
                lineOf(notYet, "一般", null, 0L),
                lineOf(c, "先进", null, version(line(sheet, c)) - 1),
                lineOf(d, "优秀", null, version(line(sheet, d))),
                lineOf(a, "先进", null, version(first)),
                lineOf(foreign, "先进", null, 0L)))), 422);
        assertThat(refused.get("detail").asText()).contains("有 6 行不能评定，本次没有评定任何党组织");
        JsonNode errors = refused.get("errors");
        assertThat(errors).hasSize(6);
        assertThat(errors.get(0).get("line").asInt()).isEqualTo(2);
        assertThat(errors.get(0).get("organizationName").asText()).isEqualTo(demo.orgName(b));
        assertThat(errors.get(0).get("message").asText()).contains("与自评等次“一般”不同，请写明评定理由");
        assertThat(errors.get(1).get("organizationId").asLong()).isEqualTo(notYet);
        assertThat(errors.get(1).get("message").asText()).contains("本组织当前处于第 1 步");
        assertThat(errors.get(2).get("message").asText()).contains("已被他人修改");
        assertThat(errors.get(3).get("message").asText()).contains("优秀");
        assertThat(errors.get(4).get("line").asInt()).isEqualTo(6);
        assertThat(errors.get(4).get("message").asText()).contains("出现了两次");
        assertThat(errors.get(5).get("organizationName").asText()).isEqualTo(demo.orgName(foreign));
        assertThat(errors.get(5).get("message").asText()).contains("不在本评定组织的待评定名单中");
        assertThat(state(campaign)).isEqualTo(before);

        // three at once, one left for later; a differing grade with its reason
        String reason = "该村集体经济收入未达到先进标准，评定为一般。";
        JsonNode done = walk.ok(walk.send(post(url), "zhen", map("meetingOn", today.minusDays(1), "minutes", minutes, "lines", List.of(
                lineOf(a, "先进", null, version(first)),
                lineOf(b, "一般", null, version(line(sheet, b))),
                lineOf(c, "一般", reason, version(line(sheet, c)))))), 200);
        assertThat(done.get("decided").asInt()).isEqualTo(3);
        assertThat(done.get("remaining").get("awaiting")).hasSize(1);
        assertThat(done.get("remaining").get("awaiting").get(0).get("organizationId").asLong()).isEqualTo(d);

        // each recorded as a single decision is: the case, the audit line, the register, upgrade's copy
        for (Object[] expected : List.of(new Object[] {a, "先进"}, new Object[] {b, "一般"}, new Object[] {c, "一般"})) {
            long org = (Long) expected[0];
            JsonNode k = walk.ok(walk.send(get("/api/grading/cases/" + campaign + "/" + org), "zhen", null), 200);
            assertThat(k.get("step").asText()).isEqualTo("DONE");
            assertThat(k.get("decidedGrade").asText()).isEqualTo(expected[1]);
            assertThat(k.get("decidedBy").asText()).isEqualTo("zhen");
            assertThat(k.get("meetingOn").asText()).isEqualTo(today.minusDays(1).toString());
            assertThat(k.get("minutes").asText()).isEqualTo(minutes);
            assertThat(jdbc.sql("select grade from upgrade_decided_grade where campaign_id = :c and organization_id = :o")
                    .param("c", campaign).param("o", org).query(String.class).single()).isEqualTo(expected[1]);
        }
        // this campaign's cases only: other classes in the shared context decide these villages in other years
        List<String> audited = jdbc.sql("select summary from audit_entry where entity_type = 'GradingCase' and action = 'DECIDE'"
                        + " and organization_id in (:o) and entity_id in (select cast(id as varchar(40)) from grading_case where campaign_id = :c)"
                        + " order by id").param("o", List.of(a, b, c)).param("c", campaign).query(String.class).list();
        assertThat(audited).containsExactly("上级评定为 先进（评定会议 " + today.minusDays(1) + "）",
                "上级评定为 一般（评定会议 " + today.minusDays(1) + "）",
                "上级评定为 一般（自评 先进；理由：" + reason + "）（评定会议 " + today.minusDays(1) + "）");
        JsonNode register = walk.ok(walk.send(get("/api/grading/register").param("year", String.valueOf(year)), "zhen", null), 200);
        assertThat(register.toString()).contains(demo.orgName(a), demo.orgName(b), demo.orgName(c)).doesNotContain(demo.orgName(d));

        // the one left is decided alone with the same meeting: the same kind of line
        JsonNode alone = walk.ok(walk.send(post("/api/grading/cases/" + campaign + "/" + d + "/decision"), "zhen",
                map("grade", "一般", "version", version(line(sheet, d)), "meetingOn", today.minusDays(1), "minutes", minutes)), 200);
        assertThat(alone.get("meetingOn").asText()).isEqualTo(today.minusDays(1).toString());
        assertThat(jdbc.sql("select summary from audit_entry where entity_type = 'GradingCase' and action = 'DECIDE'"
                + " and organization_id = :o").param("o", d).query(String.class).single())
                .isEqualTo("上级评定为 一般（评定会议 " + today.minusDays(1) + "）");
        assertThat(walk.ok(walk.send(get(url), "zhen", null), 200).get("awaiting")).isEmpty();
    }

    static JsonNode line(JsonNode sheet, long org) {
        for (JsonNode x : sheet.get("awaiting")) {
            if (x.get("organizationId").asLong() == org) {
                return x;
            }
        }
        throw new AssertionError("not listed: " + org);
    }

    static long version(JsonNode line) {
        return line.get("version").asLong();
    }

    static Map<String, Object> lineOf(long org, String grade, String reason, long version) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("organizationId", org);
        m.put("grade", grade);
        if (reason != null) {
            m.put("reason", reason);
        }
        m.put("version", version);
        return m;
    }
}
