package cn.tierup.acceptance;

import cn.tierup.grading.Grade;
import cn.tierup.grading.GradingBootstrap;
import cn.tierup.testsupport.CampaignFixture;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static cn.tierup.grading.Grade.ADVANCED;
import static cn.tierup.grading.Grade.AVERAGE;
import static cn.tierup.grading.Grade.LAGGING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The grade-transition matrices of a town built by this test with known grades: last year's 年末审定, this year's 年初定级
 * (walked through the five steps) and 年末审定 — with organisations missing one grade or another, a community beside
 * the villages, and the villages graded this year under the 五好四强 standard (县先进/一类/二类/三类), so that the
 * matrices by grade name appear beside those by class. Every cell, total and "未审定" count of all four matrices, and
 * the list of those in the lowest class two years running (in pinyin order, not the tree's), are checked against this
 * test's own count of the table below, over JSON and in the .xlsx read back; then a field filter, and the refusals.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransitionIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired GradingBootstrap grading;
    @Autowired PlatformTransactionManager transactions;

    /** One organisation of the town: its field, last year's 年末审定, this year's 年初定级 and 年末审定 (null: none). */
    record Spec(String name, String field, Grade last, Grade start, Grade end, String endName, Integer sortOrder) {
    }

    static final String PREFIX = "中共验收测试镇";
    /** 白果 before 安乐 in the tree (排序号 1, 2), 安乐 before 白果 in pinyin: both lowest two years running. */
    static final List<Spec> SPECS = List.of(
            new Spec("白果村", "VILLAGE", LAGGING, LAGGING, LAGGING, "三类", 1),
            new Spec("安乐村", "VILLAGE", LAGGING, AVERAGE, LAGGING, "三类", 2),
            new Spec("长青村", "VILLAGE", ADVANCED, ADVANCED, ADVANCED, "县先进", null),
            new Spec("大同村", "VILLAGE", AVERAGE, ADVANCED, ADVANCED, "一类", null),
            new Spec("丰收村", "VILLAGE", AVERAGE, AVERAGE, ADVANCED, "一类", null),
            new Spec("光华村", "VILLAGE", null, AVERAGE, AVERAGE, "二类", null),
            new Spec("和平村", "VILLAGE", AVERAGE, AVERAGE, null, null, null),
            new Spec("金山村", "VILLAGE", ADVANCED, null, null, null, null),
            new Spec("龙泉村", "VILLAGE", LAGGING, LAGGING, AVERAGE, "二类", null),
            new Spec("明月村", "VILLAGE", null, null, ADVANCED, "县先进", null),
            new Spec("青石村", "VILLAGE", AVERAGE, ADVANCED, AVERAGE, "二类", null),
            new Spec("桃源村", "VILLAGE", LAGGING, LAGGING, null, null, null),
            new Spec("新街社区", "COMMUNITY", ADVANCED, ADVANCED, AVERAGE, "一般", null));

    int year;
    long campaign;
    long previous;
    TransitionTown town;

    @BeforeAll
    void town() throws Exception {
        year = CampaignFixture.OWN_TOWN_YEAR;
        town = new TransitionTown(mvc, users, jdbc, json, grading, transactions, PREFIX + year + "委员会");
        for (Spec s : SPECS) {
            town.add(PREFIX + year + s.name() + ("VILLAGE".equals(s.field()) ? "支部委员会" : "党支部"), "BRANCH", s.field(),
                    s.sortOrder());
        }
        previous = town.campaign(year - 1);
        campaign = town.campaign(year);
        town.scheme(campaign, "VILLAGE", "FIVE_GOOD_FOUR_STRONG");
        for (Spec s : SPECS) {
            long org = org(s);
            if (s.last() != null) {
                town.end(previous, org, className(s.last()), s.last());
            }
            if (s.start() != null) {
                town.start(campaign, year, org, s.field(), s.start());
            }
            if (s.end() != null) {
                town.end(campaign, org, s.endName(), s.end());
            }
        }
    }

    long org(Spec s) {
        return town.orgs.entrySet().stream().filter(e -> e.getKey().contains(s.name())).findFirst().orElseThrow().getValue();
    }

    /** The grades of the default standards (五个好) are named after their classes. */
    static String className(Grade g) {
        return switch (g) {
            case ADVANCED -> "先进";
            case AVERAGE -> "一般";
            case LAGGING -> "后进";
        };
    }

    JsonNode report(String as, String field) throws Exception {
        var r = get("/api/acceptance/transitions").param("campaign", "" + campaign).param("org", "" + town.id);
        if (field != null) {
            r.param("field", field);
        }
        MvcResult res = mvc.perform(r.with(users.as(as))).andReturn();
        assertThat(res.getResponse().getStatus()).as(res.getResponse().getContentAsString()).isEqualTo(200);
        return json.readTree(res.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------ this test's own count

    /** A matrix counted from the table: cells by label, and the counts of those with one side only. */
    record Expected(List<String> rows, List<String> columns, long[][] cells, long[] rowOnly, long[] columnOnly) {

        long rowTotal(int i) {
            long n = 0;
            for (long v : cells[i]) {
                n += v;
            }
            return n;
        }

        long columnTotal(int j) {
            long n = 0;
            for (long[] r : cells) {
                n += r[j];
            }
            return n;
        }

        long total() {
            long n = 0;
            for (int i = 0; i < rows.size(); i++) {
                n += rowTotal(i);
            }
            return n;
        }
    }

    static Expected expect(List<Spec> specs, Function<Spec, String> from, Function<Spec, String> to, List<String> rows,
                           List<String> columns) {
        long[][] cells = new long[rows.size()][columns.size()];
        long[] rowOnly = new long[rows.size()];
        long[] colOnly = new long[columns.size()];
        for (Spec s : specs) {
            String f = from.apply(s);
            String t = to.apply(s);
            if (f != null && t != null) {
                cells[rows.indexOf(f)][columns.indexOf(t)]++;
            } else if (f != null) {
                rowOnly[rows.indexOf(f)]++;
            } else if (t != null) {
                colOnly[columns.indexOf(t)]++;
            }
        }
        return new Expected(rows, columns, cells, rowOnly, colOnly);
    }

    static final List<String> CLASSES = List.of("先进", "一般", "后进");

    static String cls(Grade g) {
        return g == null ? null : className(g);
    }

    /** This year's grade names by class: the 五好四强 ones for villages first (the standard's order), then those found. */
    static final List<String> THIS_YEAR_NAMES = List.of("县先进", "一类", "先进", "二类", "一般", "三类", "后进");

    void matches(JsonNode m, Expected e) {
        assertThat(texts(m.get("rows"))).isEqualTo(e.rows());
        assertThat(texts(m.get("columns"))).isEqualTo(e.columns());
        for (int i = 0; i < e.rows().size(); i++) {
            for (int j = 0; j < e.columns().size(); j++) {
                assertThat(m.get("cells").get(i).get(j).asLong()).as(e.rows().get(i) + " → " + e.columns().get(j))
                        .isEqualTo(e.cells()[i][j]);
            }
            assertThat(m.get("rowTotals").get(i).asLong()).as("row total " + e.rows().get(i)).isEqualTo(e.rowTotal(i));
            assertThat(m.get("rowsWithoutColumn").get(i).asLong()).as("not decided after, " + e.rows().get(i))
                    .isEqualTo(e.rowOnly()[i]);
        }
        for (int j = 0; j < e.columns().size(); j++) {
            assertThat(m.get("columnTotals").get(j).asLong()).as("column total " + e.columns().get(j)).isEqualTo(e.columnTotal(j));
            assertThat(m.get("columnsWithoutRow").get(j).asLong()).as("not decided before, " + e.columns().get(j))
                    .isEqualTo(e.columnOnly()[j]);
        }
        assertThat(m.get("total").asLong()).isEqualTo(e.total());
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    // ------------------------------------------------------------------ the checks

    @Test
    void everyCellOfBothMatricesByClassAndByNameIsTheTownsOwnCount() throws Exception {
        JsonNode r = report("admin", null);
        assertThat(r.get("organizations").asLong()).isEqualTo(SPECS.size());
        assertThat(r.get("previousYear").asInt()).isEqualTo(year - 1);

        Expected startEnd = expect(SPECS, s -> cls(s.start()), s -> cls(s.end()), CLASSES, CLASSES);
        matches(r.get("startToEndByClass"), startEnd);
        // 9 organisations with both grades: 长青, 大同, 丰收, 光华, 龙泉, 青石, 白果, 安乐, 新街
        assertThat(startEnd.total()).isEqualTo(9);
        assertThat(r.get("startToEndByClass").get("cells").get(2).get(1).asLong()).as("后进 converted to 一般").isEqualTo(1);

        Expected startEndNames = expect(SPECS, s -> cls(s.start()), Spec::endName, THIS_YEAR_NAMES, THIS_YEAR_NAMES);
        matches(r.get("startToEndByName"), startEndNames);

        Expected lastStart = expect(SPECS, s -> cls(s.last()), s -> cls(s.start()), CLASSES, CLASSES);
        matches(r.get("lastToStartByClass"), lastStart);
        assertThat(lastStart.total()).isEqualTo(10);
        assertThat(lastStart.rowOnly()[0]).as("金山: 先进 last year, not graded this year").isEqualTo(1);

        // last year's names are the default standard's (three); this year's start names include the 五好四强 ones in force
        Expected lastStartNames = expect(SPECS, s -> cls(s.last()), s -> cls(s.start()), CLASSES, THIS_YEAR_NAMES);
        matches(r.get("lastToStartByName"), lastStartNames);

        List<String> twice = new ArrayList<>();
        r.get("laggingTwice").forEach(o -> twice.add(o.get("name").asText()));
        assertThat(twice)
                .containsExactly(PREFIX + year + "安乐村支部委员会", PREFIX + year + "白果村支部委员会");
    }

    @Test
    void aFieldFilterCountsOnlyThatFieldsOrganisations() throws Exception {
        List<Spec> communities = SPECS.stream().filter(s -> s.field().equals("COMMUNITY")).toList();
        JsonNode r = report("admin", "COMMUNITY");
        assertThat(r.get("organizations").asLong()).isEqualTo(communities.size());
        matches(r.get("startToEndByClass"), expect(communities, s -> cls(s.start()), s -> cls(s.end()), CLASSES, CLASSES));
        matches(r.get("lastToStartByClass"), expect(communities, s -> cls(s.last()), s -> cls(s.start()), CLASSES, CLASSES));
        // the community's standard has one grade per class: no matrix by name
        assertThat(r.get("startToEndByName") == null || r.get("startToEndByName").isNull()).isTrue();
        assertThat(r.get("laggingTwice").size()).isZero();
    }

    @Test
    void theWorkbookHoldsTheSameCounts() throws Exception {
        MvcResult res = mvc.perform(get("/api/acceptance/transitions/export.xlsx").param("campaign", "" + campaign)
                .param("org", "" + town.id).with(users.as("admin"))).andReturn();
        assertThat(res.getResponse().getStatus()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(res.getResponse().getContentAsByteArray()))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(5);
            sheetMatches(wb.getSheetAt(0), expect(SPECS, s -> cls(s.start()), s -> cls(s.end()), CLASSES, CLASSES));
            sheetMatches(wb.getSheetAt(1), expect(SPECS, s -> cls(s.start()), Spec::endName, THIS_YEAR_NAMES, THIS_YEAR_NAMES));
            sheetMatches(wb.getSheetAt(2), expect(SPECS, s -> cls(s.last()), s -> cls(s.start()), CLASSES, CLASSES));
            sheetMatches(wb.getSheetAt(3), expect(SPECS, s -> cls(s.last()), s -> cls(s.start()), CLASSES, THIS_YEAR_NAMES));
            Sheet lowest = wb.getSheetAt(4);
            List<String> names = new ArrayList<>();
            for (Row row : lowest) {
                Cell c = row.getCell(1);
                if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().startsWith(PREFIX)) {
                    names.add(c.getStringCellValue());
                }
            }
            assertThat(names).containsExactly(PREFIX + year + "安乐村支部委员会", PREFIX + year + "白果村支部委员会");
        }
    }

    /** Each row of the sheet labelled with a row grade holds its cells, its total and its count without a later grade. */
    void sheetMatches(Sheet sheet, Expected e) {
        Map<String, List<Long>> lines = new LinkedHashMap<>();
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && row.getCell(1) != null
                    && row.getCell(1).getCellType() == CellType.NUMERIC) {
                List<Long> values = new ArrayList<>();
                for (int j = 1; j <= e.columns().size() + 2; j++) {
                    values.add((long) row.getCell(j).getNumericCellValue());
                }
                lines.put(first.getStringCellValue(), values);
            }
        }
        for (int i = 0; i < e.rows().size(); i++) {
            List<Long> want = new ArrayList<>();
            for (long v : e.cells()[i]) {
                want.add(v);
            }
            want.add(e.rowTotal(i));
            want.add(e.rowOnly()[i]);
            assertThat(lines.get(e.rows().get(i))).as(sheet.getSheetName() + " " + e.rows().get(i)).isEqualTo(want);
        }
        List<Long> totals = new ArrayList<>();
        for (int j = 0; j < e.columns().size(); j++) {
            totals.add(e.columnTotal(j));
        }
        totals.add(e.total());
        totals.add(java.util.Arrays.stream(e.rowOnly()).sum());
        assertThat(lines.get("合计")).as(sheet.getSheetName() + " 合计").isEqualTo(totals);
    }

    @Test
    void anotherTownAndABadFieldAreRefusedAndThePageShowsTheMatrices() throws Exception {
        MvcResult out = mvc.perform(get("/api/acceptance/transitions").param("campaign", "" + campaign)
                .param("org", "" + town.id).with(users.as("zhen"))).andReturn();
        assertThat(out.getResponse().getStatus()).isIn(403, 404);
        assertThat(out.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain(PREFIX);
        MvcResult bad = mvc.perform(get("/api/acceptance/transitions").param("campaign", "" + campaign)
                .param("org", "" + town.id).param("field", "FARM").with(users.as("admin"))).andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(422);
        assertThat(bad.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("领域不正确");

        String page = mvc.perform(get("/acceptance/transitions").param("campaign", "" + campaign).param("org", "" + town.id)
                .with(users.as("admin"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("年初定级＼年末审定", "上年年末审定＼本年年初定级", "按等次名称", "只计两个等次都已确定的党组织",
                PREFIX + year + "安乐村支部委员会", "transition-chart");
        assertThat(page.indexOf(PREFIX + year + "安乐村")).isLessThan(page.indexOf(PREFIX + year + "白果村"));
    }
}
