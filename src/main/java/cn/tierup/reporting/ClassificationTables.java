package cn.tierup.reporting;

import cn.tierup.campaign.CampaignFigurePages;
import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.CampaignView;
import cn.tierup.grading.Grade;
import cn.tierup.grading.GradingFigures;
import cn.tierup.grading.GradingFigures.Distribution;
import cn.tierup.grading.GradingFigures.GradeColumn;
import cn.tierup.grading.GradingFigures.Named;
import cn.tierup.organization.Field;
import cn.tierup.shared.KeptFigures;
import cn.tierup.shared.Messages;
import cn.tierup.shared.xlsx.XlsxSheetWriter;
import cn.tierup.shared.xlsx.XlsxSheetWriter.HeaderGroup;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 附件4 基层党组织分类情况汇总表 (by unit — a child organisation's whole subtree — and by field) and
 * 附件3 基层党组织分类名单统计表 (per unit, the organisations of each class by name), on screen and as
 * .xlsx. Every figure comes from {@link GradingFigures}; nothing here is counted twice or typed.
 */
@Service
public class ClassificationTables {

    public static final String SUMMARY_TITLE = "基层党组织分类情况汇总表";
    public static final String NAMES_TITLE = "基层党组织分类名单统计表";
    public static final String SHARE_NOTE = "注：占比为该等次（小计为该类）党组织数占已定级党组织数的百分比，保留两位小数，"
            + "按最大余数法使各等次占比之和、三类占比之和均为 100.00%；党组织数含尚未定级的。";
    public static final String NAMES_NOTE = "注：名单为本次活动中已由评定组织评定等次的党组织，按所用标准的等次分列，归入先进、一般、后进三类并小计。";

    private final GradingFigures figures;
    private final CampaignService campaigns;
    private final Messages messages;
    /** Both tables of an organisation as its page shows them, kept when counting them is slow (a province's). */
    private final CampaignFigurePages.Kind<Both> pages;

    ClassificationTables(GradingFigures figures, CampaignService campaigns, Messages messages, CampaignFigurePages pages) {
        this.figures = figures;
        this.campaigns = campaigns;
        this.messages = messages;
        this.pages = pages.kind("附件3/4");
    }

    /**
     * One class's columns: a column per grade of the standards in force that falls in it, then the class's
     * subtotal — left out where the class has a single grade, whose column is then the class's.
     */
    public record ClassGroup(Grade level, String label, List<GradeColumn> grades) {

        public boolean subtotal() {
            return grades.size() != 1;
        }

        /** The heading of a grade's count: 个数 where it is the class's only grade and named as the class. */
        public String heading(GradeColumn g) {
            return !subtotal() && label.startsWith(g.name()) ? "个数" : g.name();
        }

        /** Two cells per grade and two for the subtotal. */
        public int span() {
            return 2 * (grades.size() + (subtotal() ? 1 : 0));
        }
    }

    /** The grade columns of a table, grouped under 先进, 一般 and 后进. */
    public record Layout(List<ClassGroup> groups) {

        public List<GradeColumn> columns() {
            return groups.stream().flatMap(g -> g.grades().stream()).toList();
        }

        /** A line's figures in the order of the headings: per group, each grade then the subtotal. */
        public List<Figure> figures(Distribution d) {
            List<GradeColumn> columns = columns();
            List<BigDecimal> shares = d.shares(columns);
            List<Figure> out = new ArrayList<>();
            for (ClassGroup g : groups) {
                for (GradeColumn c : g.grades()) {
                    out.add(new Figure(d.count(c), shares.get(columns.indexOf(c)), false));
                }
                if (g.subtotal()) {
                    out.add(new Figure(d.count(g.level()), d.share(g.level()), true));
                }
            }
            return out;
        }

        /** The counts of one 附件3 line in the order of its headings: per group, each grade then the subtotal. */
        public List<Long> counts(Distribution d) {
            List<Long> out = new ArrayList<>();
            for (ClassGroup g : groups) {
                for (GradeColumn c : g.grades()) {
                    out.add(d.count(c));
                }
                if (g.subtotal()) {
                    out.add(d.count(g.level()));
                }
            }
            return out;
        }
    }

    /** A count and its share among the decided ones; {@code subtotal} for a class's. */
    public record Figure(long count, BigDecimal share, boolean subtotal) {
    }

    /** 附件4: the lines by unit and by field (field named in Chinese), each with its total. */
    public record Summary(CampaignView campaign, long organizationId, String organizationName, Layout layout,
                          List<Distribution> byUnit, Distribution unitTotal, List<Distribution> byField,
                          Distribution fieldTotal) {
    }

    /** One unit's line of 附件3: its counts (from the figures) and the names under each grade. */
    public record NamesLine(Long unitId, String unit, Distribution counts, Map<GradeColumn, List<String>> names) {

        public String joined(GradeColumn grade) {
            return String.join("、", names.getOrDefault(grade, List.of()));
        }
    }

    /** 附件3: one line per unit, then the total. */
    public record Names(CampaignView campaign, long organizationId, String organizationName, Layout layout,
                        List<NamesLine> lines, NamesLine total) {
    }

    /** The grade columns of the tables under an organisation. */
    @Transactional(readOnly = true)
    public Layout layout(long campaignId, long organizationId) {
        List<GradeColumn> columns = figures.gradeColumns(campaignId, organizationId);
        List<ClassGroup> groups = new ArrayList<>();
        for (Grade level : Grade.values()) {
            String label = messages.get("Grade." + level.name()).replace("类", "");
            groups.add(new ClassGroup(level, label, columns.stream().filter(c -> c.level() == level).toList()));
        }
        return new Layout(List.copyOf(groups));
    }

    /** The grouped two-row header of 附件4; {@code unit} is 单位 or 领域. */
    public static List<HeaderGroup> summaryHeaders(String unit, Layout layout) {
        List<HeaderGroup> out = new ArrayList<>(List.of(HeaderGroup.single("序号"), HeaderGroup.single(unit),
                HeaderGroup.single("党组织数（个）"), HeaderGroup.single("已定级（个）")));
        for (ClassGroup g : layout.groups()) {
            List<String> columns = new ArrayList<>();
            for (GradeColumn c : g.grades()) {
                columns.add(g.heading(c).equals("个数") ? "个数" : g.heading(c) + "（个）");
                columns.add("占比（%）");
            }
            if (g.subtotal()) {
                columns.add("小计（个）");
                columns.add("占比（%）");
            }
            out.add(new HeaderGroup(g.label(), columns));
        }
        return out;
    }

    /** The grouped two-row header of 附件3: per grade its count and names, per class its subtotal. */
    public static List<HeaderGroup> namesHeaders(Layout layout) {
        List<HeaderGroup> out = new ArrayList<>(List.of(HeaderGroup.single("序号"), HeaderGroup.single("单位"),
                HeaderGroup.single("已定级（个）")));
        for (ClassGroup g : layout.groups()) {
            List<String> columns = new ArrayList<>();
            for (GradeColumn c : g.grades()) {
                columns.add(g.heading(c).equals("个数") ? "个数" : g.heading(c) + "（个）");
                columns.add(g.heading(c).equals("个数") ? "党组织名称" : g.heading(c) + "名单");
            }
            if (g.subtotal()) {
                columns.add("小计（个）");
            }
            out.add(new HeaderGroup(g.label(), columns));
        }
        return out;
    }

    /** 附件3 and 附件4 of one organisation, as its page shows both: the units and the grade columns read once. */
    public record Both(Summary summary, Names names) {
    }

    /** What both tables start from: the campaign, the organisation's name, its units' lines and the grade columns. */
    private record Parts(CampaignView campaign, long organizationId, String name, List<Distribution> units, Layout layout) {
    }

    private Parts parts(long campaignId, long organizationId) {
        return new Parts(campaigns.get(campaignId), organizationId, figures.organizationName(organizationId),
                figures.byUnit(campaignId, organizationId), layout(campaignId, organizationId));
    }

    /**
     * Both tables for the page: counted for the visit, or for an organisation whose count takes more than a second the
     * last count with its time (see {@link CampaignFigurePages}).
     */
    public KeptFigures.Kept<Both> page(long campaignId, long organizationId) {
        return pages.get(campaignId, organizationId, () -> both(campaignId, organizationId));
    }

    // each figure reads in a transaction of its own: the two tables were never one snapshot on PostgreSQL's default
    // isolation, and a visitor waiting for a shared count should not hold a connection meanwhile
    private Both both(long campaignId, long organizationId) {
        Parts p = parts(campaignId, organizationId);
        return new Both(summary(p), names(p));
    }

    @Transactional(readOnly = true)
    public Summary summary(long campaignId, long organizationId) {
        return summary(parts(campaignId, organizationId));
    }

    private Summary summary(Parts p) {
        long campaignId = p.campaign().id();
        long organizationId = p.organizationId();
        List<Distribution> fields = figures.byField(campaignId, organizationId).stream()
                .sorted(java.util.Comparator.comparingInt(d -> fieldOrder(d.label())))
                .map(d -> d.relabel(d.unitId(), messages.get("Field." + d.label())))
                .toList();
        return new Summary(p.campaign(), organizationId, p.name(), p.layout(), p.units(), total(p.units()), fields,
                total(fields));
    }

    @Transactional(readOnly = true)
    public Names names(long campaignId, long organizationId) {
        return names(parts(campaignId, organizationId));
    }

    private Names names(Parts p) {
        long campaignId = p.campaign().id();
        long organizationId = p.organizationId();
        Map<String, Map<GradeColumn, List<String>>> named = new LinkedHashMap<>();
        Map<GradeColumn, List<String>> all = new LinkedHashMap<>();
        for (Named n : figures.names(campaignId, organizationId)) {
            GradeColumn g = new GradeColumn(n.level(), n.grade());
            named.computeIfAbsent(n.unit(), u -> new LinkedHashMap<>()).computeIfAbsent(g, x -> new ArrayList<>()).add(n.name());
            all.computeIfAbsent(g, x -> new ArrayList<>()).add(n.name());
        }
        List<NamesLine> lines = new ArrayList<>();
        for (Distribution d : p.units()) {
            lines.add(new NamesLine(d.unitId(), d.label(), d, named.getOrDefault(d.label(), Map.of())));
        }
        return new Names(p.campaign(), organizationId, p.name(), p.layout(), lines,
                new NamesLine(null, "合计", total(p.units()), all));
    }

    /** 附件4 as one workbook: the sheet by unit, then the sheet by field. */
    @Transactional(readOnly = true)
    public void writeSummary(long campaignId, long organizationId, OutputStream out) {
        Summary s = summary(campaignId, organizationId);
        List<HeaderGroup> unitHeaders = summaryHeaders("单位", s.layout());
        int[] widths = widths(unitHeaders, 36);
        try (XlsxSheetWriter w = XlsxSheetWriter.grouped("按单位", SUMMARY_TITLE, subtitle(s.organizationName(), s.campaign()),
                unitHeaders, widths)) {
            int n = 1;
            for (Distribution d : s.byUnit()) {
                w.row(summaryCells(String.valueOf(n++), d, s.layout()));
            }
            w.footer("合计", tail(summaryCells("", s.unitTotal(), s.layout()), 2));
            w.note(SHARE_NOTE);
            w.nextSheet("按领域", SUMMARY_TITLE + "（按领域）", subtitle(s.organizationName(), s.campaign()),
                    summaryHeaders("领域", s.layout()), widths);
            n = 1;
            for (Distribution d : s.byField()) {
                w.row(summaryCells(String.valueOf(n++), d, s.layout()));
            }
            w.footer("合计", tail(summaryCells("", s.fieldTotal(), s.layout()), 2));
            w.note(SHARE_NOTE);
            w.finish(out);
        }
    }

    /** 附件3 as .xlsx. */
    @Transactional(readOnly = true)
    public void writeNames(long campaignId, long organizationId, OutputStream out) {
        Names s = names(campaignId, organizationId);
        List<HeaderGroup> headers = namesHeaders(s.layout());
        int[] widths = widths(headers, 30);
        List<Integer> nameColumns = new ArrayList<>();
        for (int i = 0; i < widths.length; i++) {
            if (i >= 3 && headers.stream().flatMap(h -> h.columns().isEmpty() ? java.util.stream.Stream.of(h.label())
                    : h.columns().stream()).toList().get(i).matches(".*(名单|名称)")) {
                widths[i] = 36;
                nameColumns.add(i);
            }
        }
        try (XlsxSheetWriter w = XlsxSheetWriter.grouped("名单", NAMES_TITLE, subtitle(s.organizationName(), s.campaign()),
                headers, widths)) {
            w.wrap(nameColumns.stream().mapToInt(Integer::intValue).toArray());
            int n = 1;
            for (NamesLine line : s.lines()) {
                w.row(namesCells(String.valueOf(n++), line, s.layout()));
            }
            Object[] total = namesCells("", s.total(), s.layout());
            for (int i : nameColumns) {
                total[i] = null;
            }
            w.footer("合计", tail(total, 2));
            w.note(NAMES_NOTE);
            w.finish(out);
        }
    }

    /** The cells of one 附件4 line, in the order of {@link #summaryHeaders}. */
    public static Object[] summaryCells(String number, Distribution d, Layout layout) {
        List<Object> cells = new ArrayList<>(List.of(number, d.label(), d.total(), d.decided()));
        for (Figure f : layout.figures(d)) {
            cells.add(f.count());
            cells.add(f.share());
        }
        return cells.toArray();
    }

    /** The cells of one 附件3 line, in the order of {@link #namesHeaders}. */
    public static Object[] namesCells(String number, NamesLine l, Layout layout) {
        List<Object> cells = new ArrayList<>(List.of(number, l.unit(), l.counts().decided()));
        for (ClassGroup g : layout.groups()) {
            for (GradeColumn c : g.grades()) {
                cells.add(l.counts().count(c));
                cells.add(l.joined(c));
            }
            if (g.subtotal()) {
                cells.add(l.counts().count(g.level()));
            }
        }
        return cells.toArray();
    }

    private static int[] widths(List<HeaderGroup> headers, int labelWidth) {
        List<Integer> w = new ArrayList<>(List.of(6, labelWidth));
        int columns = headers.stream().mapToInt(h -> h.columns().isEmpty() ? 1 : h.columns().size()).sum();
        for (int i = 2; i < columns; i++) {
            w.add(10);
        }
        return w.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Fields in the order of the notice (镇, 村, 城镇社区, 机关 …), not of their codes. */
    private static int fieldOrder(String code) {
        try {
            return Field.valueOf(code).ordinal();
        } catch (IllegalArgumentException | NullPointerException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static Distribution total(List<Distribution> lines) {
        Distribution t = Distribution.empty("合计");
        for (Distribution d : lines) {
            t = t.plus(d);
        }
        return t;
    }

    private static Object[] tail(Object[] cells, int from) {
        return java.util.Arrays.copyOfRange(cells, from, cells.length);
    }

    private static String subtitle(String organizationName, CampaignView c) {
        return "填报单位：" + organizationName + "　　活动：" + c.name() + "　　生成时间："
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    }
}
