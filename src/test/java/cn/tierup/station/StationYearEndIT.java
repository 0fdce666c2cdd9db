package cn.tierup.station;

import static cn.tierup.station.YearEndStationTown.START;
import static cn.tierup.station.YearEndStationTown.YEAR;
import static cn.tierup.station.YearEndStationTown.YEAR_END;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.tierup.campaign.RecognitionLevel;
import cn.tierup.grading.Grade;
import cn.tierup.station.internal.StationRepository;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A town of this class's own grades its villages' stations at the start of the year, one station is named a 示范站点
 * (another at a level that does not count), the stations are graded again at year end, and the town's 工作总结 shows the
 * station counts and rates — which must be what this class's own tally of the decisions and recognitions gives. The
 * year-end round is refused before the 总结验收 phase and for a station without a start grade; the host deciding its own
 * station, a village reading another's and a village recording its own station's honour are refused; each refusal
 * changes nothing. The start round stays what 附件6 counts; the register shows both grades.
 */
@IntegrationTest
class StationYearEndIT {

    static final String TOWN = "中共彭州市金溪镇委员会";
    static final String TOWN_USER = "jinxi-zhen";
    static final String TOWN_PERSON = "韩金溪";

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired StationRepository stations;
    @Autowired PlatformTransactionManager transactions;

    /** This class's own tally: each station's class at the start and at the end, and those named a counted 示范站点. */
    final Map<Long, Grade> start = new LinkedHashMap<>();
    final Map<Long, Grade> end = new LinkedHashMap<>();

    @Test
    void stationsAreGradedAgainAtYearEndAndTheSummaryCountsTheirRates() throws Exception {
        YearEndStationTown t = new YearEndStationTown(mvc, users, jdbc, json, stations, transactions, TOWN, TOWN_USER, TOWN_PERSON);
        long east = t.village("中共金溪镇东湖村支部委员会", "jinxi-donghu", "严东湖");
        long west = t.village("中共金溪镇西岭村支部委员会", "jinxi-xiling", "许西岭");
        long south = t.village("中共金溪镇南桥村支部委员会", "jinxi-nanqiao", "何南桥");
        long eastMain = t.station(east, "东湖村远教站点");
        long eastSchool = t.station(east, "东湖村小学远教站点");
        long westMain = t.station(west, "西岭村远教站点");
        long westFarm = t.station(west, "西岭村合作社远教站点");
        long southMain = t.station(south, "南桥村远教站点");
        long southNew = t.station(south, "南桥村新建远教站点");
        t.campaign(true);

        // 年初定级: two 先进, two 一般, one 后进 (a veto); the new station is not graded at the start
        for (var e : Map.of(eastMain, 92, eastSchool, 93, westMain, 75, westFarm, 76).entrySet()) {
            t.handIn(e.getKey(), START, e.getValue(), List.of());
        }
        t.handIn(southMain, START, 80, List.of(1));
        for (long s : List.of(eastMain, eastSchool, westMain, westFarm, southMain)) {
            start.put(s, Grade.valueOf(t.decide(s, START)));
        }
        assertThat(start.values()).containsExactly(Grade.ADVANCED, Grade.ADVANCED, Grade.AVERAGE, Grade.AVERAGE, Grade.LAGGING);

        // before the 总结验收 phase the year-end round is refused, nothing stored
        String user = t.userOf.get(east);
        t.town.refused(t.assess(eastMain, YEAR_END, user, 92, List.of()), 422, "总结验收阶段将于");
        assertThat(t.rows(YEAR_END)).isZero();

        t.openAcceptance();
        // a station without a 年初定级 takes no part in the 年末审定
        t.town.refused(t.assess(southNew, YEAR_END, t.userOf.get(south), 90, List.of()), 422, "没有经评定组织评定的年初定级等次");
        assertThat(t.rows(YEAR_END)).isZero();
        JsonNode lacking = t.town.ok(t.town.answer(get(t.url(southNew, YEAR_END)), TOWN_USER, null));
        assertThat(lacking.get("round").asText()).isEqualTo(YEAR_END);
        assertThat(lacking.get("mayAssess").asBoolean()).isFalse();
        // a village reads or writes no other village's station
        t.town.refused(t.town.answer(get(t.url(eastMain, YEAR_END)), t.userOf.get(west), null), 403, null);
        t.town.ok(t.assess(westMain, YEAR_END, t.userOf.get(west), 90, List.of()));
        t.town.refused(t.town.answer(put(t.path(eastMain, "self-assessment", YEAR_END)), t.userOf.get(west),
                Map.of("scores", Map.of("1.1", 5), "statement", "越权", "version", 0)), 403, null);
        assertThat(t.rows(YEAR_END)).as("only 西岭村's own sheet").isEqualTo(1);

        // 示范站点: the town names one 先进 station at city level (counted) and the other 先进 at county level (not
        // counted by default); the village cannot record its own station's honour
        t.town.refused(t.town.answer(post("/api/acceptance/recognitions"), user, recognition(eastMain, RecognitionLevel.CITY)), 403, null);
        assertThat(jdbc.sql("select count(*) from acceptance_recognition where station_id = :s").param("s", eastMain)
                .query(Long.class).single()).isZero();
        JsonNode named = t.town.created(t.town.answer(post("/api/acceptance/recognitions"), TOWN_USER, recognition(eastMain, RecognitionLevel.CITY)));
        assertThat(named.get("organizationId").asLong()).isEqualTo(east);
        assertThat(named.get("stationName").asText()).isEqualTo("东湖村远教站点");
        assertThat(named.get("title").asText()).isEqualTo("远程教育示范站点");
        t.town.created(t.town.answer(post("/api/acceptance/recognitions"), TOWN_USER, recognition(eastSchool, RecognitionLevel.COUNTY)));
        // a 一般 station named a 示范站点 is no 先进 → 示范
        t.town.created(t.town.answer(post("/api/acceptance/recognitions"), TOWN_USER, recognition(westFarm, RecognitionLevel.PROVINCIAL)));
        Map<Long, RecognitionLevel> levels = Map.of(eastMain, RecognitionLevel.CITY, eastSchool, RecognitionLevel.COUNTY,
                westFarm, RecognitionLevel.PROVINCIAL);
        JsonNode listed = t.town.ok(t.town.answer(get("/api/acceptance/recognitions?stationId=" + eastMain), TOWN_USER, null));
        assertThat(listed).hasSize(1);

        // 年末审定: 东湖 stays 先进, 东湖小学 falls to 一般, 西岭 rises to 先进, 西岭合作社 stays 一般, 南桥 converts to 一般
        t.handIn(eastMain, YEAR_END, 94, List.of());
        t.handIn(eastSchool, YEAR_END, 75, List.of());
        t.handIn(westMain, YEAR_END, 91, List.of());
        t.handIn(westFarm, YEAR_END, 74, List.of());
        t.handIn(southMain, YEAR_END, 78, List.of());
        // the host deciding its own station's year-end grade: refused, still waiting
        t.town.refused(t.town.answer(post(t.path(southMain, "decision", YEAR_END)), t.userOf.get(south),
                Map.of("grade", "一般", "version", t.version(southMain, YEAR_END))), 422, "承办党组织不能评定本单位站点的等次");
        assertThat(t.town.ok(t.town.answer(get(t.url(southMain, YEAR_END)), TOWN_USER, null)).get("status").asText()).isEqualTo("SUBMITTED");
        for (long s : List.of(eastMain, eastSchool, westMain, southMain)) {
            end.put(s, Grade.valueOf(t.decide(s, YEAR_END)));
        }
        // the town reopens one year-end decision with its reason and decides it again
        JsonNode reopened = t.town.ok(t.town.answer(post(t.path(eastSchool, "reopen", YEAR_END)), TOWN_USER,
                Map.of("reason", "复核学习记录", "version", t.version(eastSchool, YEAR_END))));
        assertThat(reopened.get("status").asText()).isEqualTo("SUBMITTED");
        end.put(eastSchool, Grade.valueOf(t.decide(eastSchool, YEAR_END)));
        // 西岭合作社 handed in, not decided yet: it stays out of the year-end counts and the rates

        JsonNode startView = t.town.ok(t.town.answer(get(t.url(eastSchool, START)), TOWN_USER, null));
        JsonNode endView = t.town.ok(t.town.answer(get(t.url(eastSchool, YEAR_END)), TOWN_USER, null));
        assertThat(startView.get("decidedGrade").asText()).isEqualTo("先进");
        assertThat(endView.get("decidedGrade").asText()).isEqualTo("一般");
        assertThat(endView.get("startGrade").asText()).isEqualTo("先进");

        // the town's 工作总结: the station section against this class's own tally
        JsonNode summary = t.town.ok(t.town.answer(get("/api/acceptance/summaries/" + t.campaign + "/" + t.town.id), TOWN_USER, null));
        JsonNode stationFigures = summary.get("figures").get("stations");
        JsonNode total = stationFigures.get("total");
        JsonNode counts = total.get("counts");
        long[] atStart = classes(start.values());
        long[] atEnd = classes(end.values());
        assertThat(List.of(counts.get("startAdvanced").asLong(), counts.get("startAverage").asLong(), counts.get("startLagging").asLong()))
                .containsExactly(atStart[0], atStart[1], atStart[2]);
        assertThat(List.of(counts.get("endAdvanced").asLong(), counts.get("endAverage").asLong(), counts.get("endLagging").asLong()))
                .containsExactly(atEnd[0], atEnd[1], atEnd[2]);
        Set<RecognitionLevel> counted = RecognitionLevel.counted();
        long advancedBase = end.keySet().stream().filter(s -> start.get(s) == Grade.ADVANCED).count();
        long namedModels = end.keySet().stream().filter(s -> start.get(s) == Grade.ADVANCED && levels.containsKey(s)
                && counted.contains(levels.get(s))).count();
        long averageBase = end.keySet().stream().filter(s -> start.get(s) == Grade.AVERAGE).count();
        long upgraded = end.keySet().stream().filter(s -> start.get(s) == Grade.AVERAGE && end.get(s) == Grade.ADVANCED).count();
        long laggingBase = end.keySet().stream().filter(s -> start.get(s) == Grade.LAGGING).count();
        long converted = end.keySet().stream().filter(s -> start.get(s) == Grade.LAGGING && end.get(s) != Grade.LAGGING).count();
        rate(total.get("modelRate"), namedModels, advancedBase, 10, "STATION_MODEL_RATE");
        rate(total.get("upgradeRate"), upgraded, averageBase, 20, "STATION_UPGRADE_RATE");
        rate(total.get("conversionRate"), converted, laggingBase, 100, "STATION_CONVERSION_RATE");
        assertThat(stationFigures.get("stations")).hasSize(start.size());
        List<String> lackingNames = new java.util.ArrayList<>();
        stationFigures.get("stations").forEach(s -> {
            if (s.path("endGrade").isNull() || s.path("endGrade").isMissingNode()) {
                lackingNames.add(s.get("name").asText());
            }
        });
        assertThat(lackingNames).containsExactly("西岭村合作社远教站点");
        // a line per village, each the sum of its own stations
        Map<String, Long> startsByUnit = new LinkedHashMap<>();
        stationFigures.get("units").forEach(u -> startsByUnit.put(u.get("unit").asText(), u.get("counts").get("startAdvanced").asLong()
                + u.get("counts").get("startAverage").asLong() + u.get("counts").get("startLagging").asLong()));
        // (in the tree's order: the villages' names by pinyin)
        assertThat(startsByUnit).containsExactly(Map.entry("中共金溪镇东湖村支部委员会", 2L), Map.entry("中共金溪镇南桥村支部委员会", 1L),
                Map.entry("中共金溪镇西岭村支部委员会", 2L));

        // the page says how each figure is computed; the .xlsx and .docx carry the section
        String page = mvc.perform(get("/acceptance/summaries/" + t.campaign + "/" + t.town.id).with(users.as(TOWN_USER)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"station-figures\"", "站点提升率 = 年初为先进、当年被命名为", "站点升级率 = ", "站点转化率 = ",
                "西岭村合作社远教站点");
        byte[] xlsx = mvc.perform(get("/acceptance/summaries/" + t.campaign + "/" + t.town.id + "/figures.xlsx")
                .with(users.as(TOWN_USER))).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet s = wb.getSheet("远程教育站点");
            assertThat(s).isNotNull();
            Row sum = null;
            for (Row r : s) {
                if (r.getCell(0) != null && r.getCell(0).getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                        && "合计".equals(r.getCell(0).getStringCellValue())) {
                    sum = r;
                }
            }
            assertThat(sum).isNotNull();
            assertThat(sum.getCell(4).getNumericCellValue()).isEqualTo(start.size());
            assertThat(sum.getCell(8).getNumericCellValue()).isEqualTo(end.size());
            // 提升率's numerator and denominator, 升级率's, 转化率's
            assertThat(sum.getCell(10).getNumericCellValue()).isEqualTo(namedModels);
            assertThat(sum.getCell(11).getNumericCellValue()).isEqualTo(advancedBase);
            assertThat(sum.getCell(14).getNumericCellValue()).isEqualTo(upgraded);
            assertThat(sum.getCell(15).getNumericCellValue()).isEqualTo(averageBase);
            assertThat(sum.getCell(18).getNumericCellValue()).isEqualTo(converted);
            assertThat(sum.getCell(19).getNumericCellValue()).isEqualTo(laggingBase);
            assertThat(wb.getSheet("站点分类台账").getLastRowNum()).isGreaterThanOrEqualTo(start.size());
        }
        byte[] docx = mvc.perform(get("/acceptance/summaries/" + t.campaign + "/" + t.town.id + "/summary.docx")
                .with(users.as(TOWN_USER))).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("远程教育站点年初定级 " + start.size() + " 个", "远程教育站点目标完成情况",
                    "站点提升率 = ");
        }

        // 附件6 still counts the 年初定级: 东湖小学 is 先进 there though 一般 at year end
        byte[] names = mvc.perform(get("/stations/tables/names.xlsx").param("campaign", String.valueOf(t.campaign))
                .with(users.as(TOWN_USER))).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(names))) {
            Map<String, String> gradeOf = new LinkedHashMap<>();
            for (Row r : wb.getSheetAt(0)) {
                if (r.getCell(4) != null && r.getCell(4).getStringCellValue().endsWith("远教站点")) {
                    gradeOf.put(r.getCell(4).getStringCellValue(), r.getCell(7).getStringCellValue());
                }
            }
            assertThat(gradeOf).containsEntry("东湖村小学远教站点", "先进").containsEntry("西岭村远教站点", "一般").hasSize(start.size());
        }
        // the register: a line per station and year with both grades
        JsonNode register = t.town.ok(t.town.answer(get("/api/station-gradings/register?year=" + YEAR + "&name=东湖村小学"), TOWN_USER, null));
        assertThat(register.get("total").asLong()).isEqualTo(1);
        assertThat(register.get("items").get(0).get("decidedGrade").asText()).isEqualTo("先进");
        assertThat(register.get("items").get(0).get("endGrade").asText()).isEqualTo("一般");
        // the year-end overview: each station with its start grade and where its 年末审定 stands
        JsonNode overview = t.town.ok(t.town.answer(get("/api/station-gradings?campaign=" + t.campaign + "&round=YEAR_END&status=DECIDED"),
                TOWN_USER, null));
        assertThat(overview.get("total").asLong()).isEqualTo(end.size());
        // the audit trail tells the year-end steps apart
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'StationGrading' and summary like '年末审定·评定%'"
                + " and organization_id in (:o)").param("o", List.of(east, west, south)).query(Long.class).single())
                .isEqualTo(end.size() + 1);
    }

    Map<String, Object> recognition(long station, RecognitionLevel level) {
        return Map.of("stationId", station, "level", level.name(), "recognizedOn", YEAR + "-10-15",
                "issuedBy", "中共彭州市委组织部", "documentNumber", "彭组通〔" + YEAR + "〕" + (40 + level.ordinal()) + "号");
    }

    static void rate(JsonNode judged, long numerator, long denominator, int target, String kind) {
        assertThat(judged.get("kind").asText()).isEqualTo(kind);
        assertThat(judged.get("rate").get("numerator").asLong()).isEqualTo(numerator);
        assertThat(judged.get("rate").get("denominator").asLong()).isEqualTo(denominator);
        assertThat(judged.get("target").asInt()).isEqualTo(target);
        assertThat(judged.get("mustExceed").asBoolean()).isFalse();
        String verdict = denominator == 0 ? "NONE" : numerator * 100 >= (long) target * denominator ? "MET" : "NOT_MET";
        assertThat(judged.get("verdict").asText()).isEqualTo(verdict);
    }

    static long[] classes(java.util.Collection<Grade> grades) {
        long[] c = new long[3];
        grades.forEach(g -> c[g.ordinal()]++);
        return c;
    }
}
