package cn.tierup.reporting;

import cn.tierup.acceptance.RateCounts;
import cn.tierup.acceptance.RatePolicy.Judged;
import cn.tierup.acceptance.RatePolicy.Verdict;
import cn.tierup.acceptance.WorkSummaries;
import cn.tierup.acceptance.WorkSummaryView;
import cn.tierup.acceptance.YearEndFigures.FieldFigures;
import cn.tierup.acceptance.YearEndFigures.Figures;
import cn.tierup.acceptance.YearEndFigures.Lacking;
import cn.tierup.acceptance.YearEndFigures.Line;
import cn.tierup.acceptance.YearEndFigures.RegisterLine;
import cn.tierup.acceptance.YearEndFigures.StationFigures;
import cn.tierup.acceptance.YearEndFigures.StationGrades;
import cn.tierup.acceptance.YearEndFigures.StationLine;
import cn.tierup.shared.Messages;
import cn.tierup.shared.xlsx.XlsxSheetWriter;
import cn.tierup.shared.xlsx.XlsxSheetWriter.HeaderGroup;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A grading authority's 工作总结 as .docx, laid out as the town summaries of the reference are (title, the
 * addressee — the campaign root's organisation department —, the sections, the sender and date), with the year's
 * figures as tables per field and for the 远程教育站点; and those figures as .xlsx. Everything comes from {@link WorkSummaries#get}, which
 * decides who may read it; nothing is typed here.
 */
@Service
public class SummaryDocuments {

    public static final String TITLE = "基层党组织“三分类三升级”活动工作总结";
    /** 单位 | 年初 先进 一般 后进 合计 | 年末 先进 一般 后进 合计. */
    private static final int[] COUNT_GRID = {2306, 750, 750, 750, 750, 750, 750, 750, 750};
    /** 单位 | 先进占比 | 提升率 | 升级率 | 转化率. */
    private static final int[] RATE_GRID = {2306, 1500, 1500, 1500, 1500};
    /** 单位 | 提升率 | 升级率 | 转化率 (stations). */
    private static final int[] STATION_RATE_GRID = {2306, 2000, 2000, 2000};

    private final WorkSummaries summaries;
    private final Messages messages;

    SummaryDocuments(WorkSummaries summaries, Messages messages) {
        this.summaries = summaries;
        this.messages = messages;
    }

    /** Writes the .docx and returns the summary (for the file name). */
    @Transactional(readOnly = true)
    public WorkSummaryView writeDocx(long campaignId, long authorityId, OutputStream out) {
        WorkSummaryView s = summaries.get(campaignId, authorityId);
        Figures f = s.figures();
        try (XWPFDocument doc = new XWPFDocument()) {
            WordForms.paragraph(doc, ParagraphAlignment.CENTER, 0, 120, s.authorityName(), WordForms.LABEL_FONT, 16, true);
            WordForms.paragraph(doc, ParagraphAlignment.CENTER, 0, 240, s.year() + "年度" + TITLE, WordForms.LABEL_FONT, 18, true);
            if (!s.root()) {
                WordForms.paragraph(doc, ParagraphAlignment.LEFT, 0, 120, s.addressee() + "：", WordForms.TEXT_FONT, 14,
                        false);
            }
            body(doc, "根据" + s.campaignName() + "的部署，" + s.authorityName() + "对照年初确定的先进党组织提升率、一般党组织升级率、"
                    + "后进党组织转化率等工作目标，对本年度“三分类三升级”活动情况总结如下：");
            heading(doc, "一、主要成绩和经验");
            body(doc, orBlank(s.achievements()));
            heading(doc, "二、目标完成情况");
            RateCounts all = f.overall();
            body(doc, "年初定级 " + all.startTotal() + " 个（先进 " + all.startAdvanced() + " 个、一般 " + all.startAverage()
                    + " 个、后进 " + all.startLagging() + " 个），年末审定 " + all.endTotal() + " 个（先进 " + all.endAdvanced()
                    + " 个、一般 " + all.endAverage() + " 个、后进 " + all.endLagging() + " 个）。各领域情况如下表。");
            int n = 0;
            for (FieldFigures ff : f.fields()) {
                n++;
                WordForms.paragraph(doc, ParagraphAlignment.LEFT, 160, 80, "表" + n + "　" + ff.fieldName() + "领域党组织分类情况（个）",
                        WordForms.LABEL_FONT, 12, true);
                countTable(doc, ff);
                WordForms.paragraph(doc, ParagraphAlignment.LEFT, 160, 80, "表" + n + "续　" + ff.fieldName() + "领域目标完成情况",
                        WordForms.LABEL_FONT, 12, true);
                rateTable(doc, ff, f);
            }
            for (String d : definitions(f)) {
                WordForms.paragraph(doc, ParagraphAlignment.LEFT, 60, 0, d, WordForms.TEXT_FONT, 10, false);
            }
            if (!f.lacking().isEmpty()) {
                body(doc, "尚未完成年末审定的党组织 " + f.lacking().size() + " 个："
                        + String.join("、", f.lacking().stream().map(Lacking::name).toList()) + "。");
            }
            stationSection(doc, f, n);
            heading(doc, "三、存在问题");
            body(doc, orBlank(s.problems()));
            heading(doc, "四、下步打算");
            body(doc, orBlank(s.plans()));
            WordForms.paragraph(doc, ParagraphAlignment.RIGHT, 480, 0, s.authorityName(), WordForms.TEXT_FONT, 14, false);
            WordForms.paragraph(doc, ParagraphAlignment.RIGHT, 0, 0,
                    s.handedInAt() != null ? WordForms.day(s.handedInAt()) : WordForms.day(LocalDate.now()), WordForms.TEXT_FONT, 14,
                    false);
            WordForms.a4(doc);
            doc.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return s;
    }

    /**
     * Writes the figures as .xlsx: one line per field and unit, the definitions under them, a sheet of those lacking a
     * 年末审定 grade, and the summary's part of the 分类管理台账 (every covered organisation with both grades).
     */
    @Transactional(readOnly = true)
    public WorkSummaryView writeXlsx(long campaignId, long authorityId, OutputStream out) {
        WorkSummaryView s = summaries.get(campaignId, authorityId);
        Figures f = s.figures();
        List<HeaderGroup> groups = List.of(HeaderGroup.single("领域"), HeaderGroup.single("单位"),
                new HeaderGroup("年初定级（个）", List.of("先进", "一般", "后进", "合计")),
                new HeaderGroup("年末审定（个）", List.of("先进", "一般", "后进", "合计")),
                new HeaderGroup(head("先进占比", f, false), List.of("%", "分子", "分母", "结论")),
                new HeaderGroup(head("提升率", f, true), List.of("%", "分子", "分母", "结论")),
                new HeaderGroup(head("升级率", f, true), List.of("%", "分子", "分母", "结论")),
                new HeaderGroup(head("转化率", f, true), List.of("%", "分子", "分母", "结论")));
        int[] widths = {12, 30, 6, 6, 6, 6, 6, 6, 6, 6, 9, 6, 6, 8, 9, 6, 6, 8, 9, 6, 6, 8, 9, 6, 6, 8};
        try (XlsxSheetWriter w = XlsxSheetWriter.grouped("年度数据", s.authorityName() + s.year() + "年度“三分类三升级”目标完成情况",
                "年初定级 × 年末审定，按领域和单位；数据由分类管理台账计算", groups, widths)) {
            for (FieldFigures ff : f.fields()) {
                for (Line l : ff.units()) {
                    w.row(xlsxLine(ff.fieldName(), l));
                }
                w.row(xlsxLine(ff.fieldName(), ff.total()));
            }
            for (String d : definitions(f)) {
                w.note(d);
            }
            w.nextSheet("未审定", "尚未完成年末审定的党组织", "共 " + f.lacking().size() + " 个",
                    List.of(HeaderGroup.single("序号"), HeaderGroup.single("党组织"), HeaderGroup.single("单位"),
                            HeaderGroup.single("领域"), HeaderGroup.single("年初等次")), new int[] {6, 40, 30, 12, 12});
            int n = 0;
            for (Lacking l : f.lacking()) {
                w.row(++n, l.name(), l.unit(), l.fieldName(), l.startGrade());
            }
            // the summary's part of the updated 分类管理台账, handed in with it (the notice: "更新分类管理台账")
            w.nextSheet("分类管理台账", s.authorityName() + s.year() + "年度分类管理台账", "共 " + f.register().size() + " 个党组织",
                    List.of(HeaderGroup.single("序号"), HeaderGroup.single("党组织"), HeaderGroup.single("单位"),
                            HeaderGroup.single("领域"), HeaderGroup.single("年初定级"), HeaderGroup.single("年末审定")),
                    new int[] {6, 40, 30, 12, 12, 12});
            n = 0;
            for (RegisterLine l : f.register()) {
                w.row(++n, l.name(), l.unit(), l.fieldName(), l.startGrade(), l.endGrade() == null ? "未审定" : l.endGrade());
            }
            stationSheets(w, s, f);
            w.finish(out);
        }
        return s;
    }

    /** The 远程教育站点 section of the .docx: the sentence of counts, the counts and the rates by unit, the definitions. */
    private void stationSection(XWPFDocument doc, Figures f, int tablesBefore) {
        StationFigures st = f.stations();
        WordForms.paragraph(doc, ParagraphAlignment.LEFT, 160, 80, "（远程教育站点）", WordForms.LABEL_FONT, 12, true);
        if (st.empty()) {
            body(doc, "本年度没有由本组织评定年初等次的远程教育站点。");
            return;
        }
        RateCounts all = st.total().counts();
        body(doc, "远程教育站点年初定级 " + all.startTotal() + " 个（先进 " + all.startAdvanced() + " 个、一般 " + all.startAverage()
                + " 个、后进 " + all.startLagging() + " 个），年末审定 " + all.endTotal() + " 个（先进 " + all.endAdvanced()
                + " 个、一般 " + all.endAverage() + " 个、后进 " + all.endLagging() + " 个）；站点提升率 " + all.modelRate().display()
                + "，升级率 " + all.upgradeRate().display() + "，转化率 " + all.conversionRate().display() + "。");
        int n = tablesBefore + 1;
        WordForms.paragraph(doc, ParagraphAlignment.LEFT, 160, 80, "表" + n + "　远程教育站点分类情况（个）", WordForms.LABEL_FONT, 12, true);
        List<StationLine> lines = new ArrayList<>(st.units());
        lines.add(st.total());
        countTable(doc, lines.stream().map(l -> new Counted(l.unit(), l.counts())).toList());
        WordForms.paragraph(doc, ParagraphAlignment.LEFT, 160, 80, "表" + n + "续　远程教育站点目标完成情况", WordForms.LABEL_FONT, 12, true);
        WordForms.Table t = new WordForms.Table(doc, STATION_RATE_GRID);
        XWPFTableRow h = t.row();
        t.cell(h, 0, 1, "单位", true);
        t.cell(h, 1, 1, "提升率\n（目标≥" + f.targets().stationModelRate() + "%）", true);
        t.cell(h, 2, 1, "升级率\n（目标≥" + f.targets().stationUpgradeRate() + "%）", true);
        t.cell(h, 3, 1, "转化率\n（目标≥" + f.targets().stationConversionRate() + "%）", true);
        for (StationLine l : lines) {
            rateRow(t, l.unit(), l.judged());
        }
        t.finish();
        for (String d : stationDefinitions(f)) {
            WordForms.paragraph(doc, ParagraphAlignment.LEFT, 60, 0, d, WordForms.TEXT_FONT, 10, false);
        }
        List<StationGrades> lacking = st.lacking();
        if (!lacking.isEmpty()) {
            body(doc, "尚未完成年末审定的站点 " + lacking.size() + " 个："
                    + String.join("、", lacking.stream().map(StationGrades::name).toList()) + "。");
        }
    }

    /** The stations' sheets of the .xlsx: the figures by unit with their definitions, and every covered station's two grades. */
    private void stationSheets(XlsxSheetWriter w, WorkSummaryView s, Figures f) {
        StationFigures st = f.stations();
        List<HeaderGroup> groups = List.of(HeaderGroup.single("单位"),
                new HeaderGroup("年初定级（个）", List.of("先进", "一般", "后进", "合计")),
                new HeaderGroup("年末审定（个）", List.of("先进", "一般", "后进", "合计")),
                new HeaderGroup("提升率（目标 ≥" + f.targets().stationModelRate() + "%）", List.of("%", "分子", "分母", "结论")),
                new HeaderGroup("升级率（目标 ≥" + f.targets().stationUpgradeRate() + "%）", List.of("%", "分子", "分母", "结论")),
                new HeaderGroup("转化率（目标 ≥" + f.targets().stationConversionRate() + "%）", List.of("%", "分子", "分母", "结论")));
        w.nextSheet("远程教育站点", s.authorityName() + s.year() + "年度远程教育站点目标完成情况",
                "站点年初定级 × 年末审定，按承办党组织所在单位；数据由站点分类记录计算", groups,
                new int[] {30, 6, 6, 6, 6, 6, 6, 6, 6, 9, 6, 6, 8, 9, 6, 6, 8, 9, 6, 6, 8});
        List<StationLine> lines = new ArrayList<>(st.units());
        lines.add(st.total());
        for (StationLine l : lines) {
            w.row(rateCells(l.unit(), l.counts(), l.judged()).toArray());
        }
        for (String d : stationDefinitions(f)) {
            w.note(d);
        }
        w.nextSheet("站点分类台账", s.authorityName() + s.year() + "年度远程教育站点分类台账", "共 " + st.stations().size() + " 个站点",
                List.of(HeaderGroup.single("序号"), HeaderGroup.single("站点"), HeaderGroup.single("承办党组织"),
                        HeaderGroup.single("单位"), HeaderGroup.single("年初定级"), HeaderGroup.single("年末审定")),
                new int[] {6, 36, 30, 30, 12, 12});
        int n = 0;
        for (StationGrades g : st.stations()) {
            w.row(++n, g.name(), g.hostName(), g.unit(), g.startGrade(), g.endGrade() == null ? "未审定" : g.endGrade());
        }
    }

    private List<String> stationDefinitions(Figures f) {
        return List.of(messages.get("acceptance.summary.def.station.base"),
                messages.get("acceptance.summary.def.station.model", f.modelLevelNames()),
                messages.get("acceptance.summary.def.station.upgrade"), messages.get("acceptance.summary.def.station.conversion"),
                messages.get("acceptance.summary.def.station.verdict"));
    }

    /** A unit's name and counts, as the count table prints them. */
    private record Counted(String unit, RateCounts counts) {
    }

    /** The unit, the counts at the start and at the end with their totals, then each rate's percent, fraction and verdict. */
    private List<Object> rateCells(String unit, RateCounts c, List<Judged> judged) {
        List<Object> v = new ArrayList<>(List.of(unit, c.startAdvanced(), c.startAverage(), c.startLagging(),
                c.startTotal(), c.endAdvanced(), c.endAverage(), c.endLagging(), c.endTotal()));
        for (Judged j : judged) {
            v.add(j.rate().empty() ? "—" : j.rate().percent());
            v.add(j.rate().numerator());
            v.add(j.rate().denominator());
            v.add(verdict(j.verdict()));
        }
        return v;
    }

    private Object[] xlsxLine(String field, Line l) {
        List<Object> v = new ArrayList<>(List.of(field));
        v.addAll(rateCells(l.unit(), l.counts(), l.judged()));
        return v.toArray();
    }

    private void countTable(XWPFDocument doc, FieldFigures ff) {
        List<Line> lines = new ArrayList<>(ff.units());
        lines.add(ff.total());
        countTable(doc, lines.stream().map(l -> new Counted(l.unit(), l.counts())).toList());
    }

    private void countTable(XWPFDocument doc, List<Counted> lines) {
        WordForms.Table t = new WordForms.Table(doc, COUNT_GRID);
        XWPFTableRow h1 = t.row();
        WordForms.Table.mergeDown(t.cell(h1, 0, 1, "单位", true), true);
        t.cell(h1, 1, 4, "年初定级", true);
        t.cell(h1, 5, 4, "年末审定", true);
        XWPFTableRow h2 = t.row();
        WordForms.Table.mergeDown(t.cell(h2, 0, 1, "", true), false);
        for (int i = 0; i < 2; i++) {
            for (String g : new String[] {"先进", "一般", "后进", "合计"}) {
                t.cell(h2, 1, 1, g, true);
            }
        }
        for (Counted l : lines) {
            RateCounts c = l.counts();
            XWPFTableRow r = t.row();
            t.cell(r, 0, 1, l.unit(), false);
            for (long v : new long[] {c.startAdvanced(), c.startAverage(), c.startLagging(), c.startTotal(), c.endAdvanced(),
                    c.endAverage(), c.endLagging(), c.endTotal()}) {
                t.cell(r, 1, 1, String.valueOf(v), false, ParagraphAlignment.CENTER);
            }
        }
        t.finish();
    }

    private void rateTable(XWPFDocument doc, FieldFigures ff, Figures f) {
        WordForms.Table t = new WordForms.Table(doc, RATE_GRID);
        XWPFTableRow h = t.row();
        t.cell(h, 0, 1, "单位", true);
        t.cell(h, 1, 1, head("先进占比", f, false, ff), true);
        t.cell(h, 2, 1, head("提升率", f, true, ff), true);
        t.cell(h, 3, 1, head("升级率", f, true, ff), true);
        t.cell(h, 4, 1, head("转化率", f, true, ff), true);
        List<Line> lines = new ArrayList<>(ff.units());
        lines.add(ff.total());
        for (Line l : lines) {
            rateRow(t, l.unit(), l.judged());
        }
        t.finish();
    }

    /** A unit's rates, each printed as "40.00%（10/25）" over its verdict. */
    private void rateRow(WordForms.Table t, String unit, List<Judged> judged) {
        XWPFTableRow r = t.row();
        t.cell(r, 0, 1, unit, false);
        int col = 1;
        for (Judged j : judged) {
            String v = j.rate().display() + (j.verdict() == Verdict.NONE ? "" : "\n" + verdict(j.verdict()));
            t.cell(r, col++, 1, v, false, ParagraphAlignment.CENTER);
        }
    }

    /** A rate's column head with its target: "升级率（目标 ≥25%）", or "> 25%" where the field must exceed it. */
    private static String head(String name, Figures f, boolean rate, FieldFigures ff) {
        int target = target(name, f);
        boolean strict = rate && ff.mustExceed() && target < 100;
        return name + "\n（目标" + (strict ? ">" : "≥") + target + "%）";
    }

    private static String head(String name, Figures f, boolean rate) {
        return name + "（村、社区目标 ≥" + target(name, f) + "%" + (rate ? "；其他领域须高于" : "") + "）";
    }

    private static int target(String name, Figures f) {
        return switch (name) {
            case "先进占比" -> f.targets().villageAdvancedShare();
            case "提升率" -> f.targets().modelRate();
            case "升级率" -> f.targets().averageUpgradeRate();
            default -> f.targets().laggingConversionRate();
        };
    }

    private String verdict(Verdict v) {
        return messages.get("acceptance.summary.verdict." + v.name());
    }

    private List<String> definitions(Figures f) {
        return List.of(messages.get("acceptance.summary.def.base"), messages.get("acceptance.summary.def.share"),
                messages.get("acceptance.summary.def.model", f.modelLevelNames()), messages.get("acceptance.summary.def.upgrade"),
                messages.get("acceptance.summary.def.conversion"), messages.get("acceptance.summary.def.verdict"));
    }

    private static void heading(XWPFDocument doc, String text) {
        WordForms.paragraph(doc, ParagraphAlignment.LEFT, 240, 120, text, "黑体", 14, false);
    }

    private static void body(XWPFDocument doc, String text) {
        var p = WordForms.paragraph(doc, ParagraphAlignment.BOTH, 0, 60, text, WordForms.TEXT_FONT, 14, false);
        p.setIndentationFirstLine(560);
    }

    private static String orBlank(String text) {
        return text == null ? "（未填写）" : text;
    }
}
