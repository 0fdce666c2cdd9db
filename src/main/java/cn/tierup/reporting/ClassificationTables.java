package cn.tierup.reporting;

import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.CampaignView;
import cn.tierup.grading.Grade;
import cn.tierup.grading.GradingFigures;
import cn.tierup.grading.GradingFigures.Distribution;
import cn.tierup.grading.GradingFigures.Named;
import cn.tierup.organization.Field;
import cn.tierup.shared.Messages;
import cn.tierup.shared.xlsx.XlsxSheetWriter;
import cn.tierup.shared.xlsx.XlsxSheetWriter.HeaderGroup;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    public static final String SHARE_NOTE = "注：占比为该类党组织数占已定级党组织数的百分比；党组织数含尚未定级的。";

    /** The grouped two-row header of 附件4; {@code unit} is 单位 or 领域. */
    public static List<HeaderGroup> summaryHeaders(String unit) {
        return List.of(HeaderGroup.single("序号"), HeaderGroup.single(unit), HeaderGroup.single("党组织数（个）"),
                HeaderGroup.single("已定级（个）"), new HeaderGroup("先进", List.of("个数", "占比（%）")),
                new HeaderGroup("一般", List.of("个数", "占比（%）")), new HeaderGroup("后进", List.of("个数", "占比（%）")));
    }

    public static final List<HeaderGroup> NAMES_HEADERS = List.of(HeaderGroup.single("序号"), HeaderGroup.single("单位"),
            HeaderGroup.single("已定级（个）"), new HeaderGroup("先进", List.of("个数", "党组织名称")),
            new HeaderGroup("一般", List.of("个数", "党组织名称")), new HeaderGroup("后进", List.of("个数", "党组织名称")));

    /** Names of the programme's classes as the forms print them; a scheme grade named otherwise is added in brackets. */
    private static final Set<String> PLAIN = Set.of("先进", "一般", "后进", "先进类", "一般类", "后进类");

    private final GradingFigures figures;
    private final CampaignService campaigns;
    private final Messages messages;

    ClassificationTables(GradingFigures figures, CampaignService campaigns, Messages messages) {
        this.figures = figures;
        this.campaigns = campaigns;
        this.messages = messages;
    }

    /** 附件4: the lines by unit and by field (field named in Chinese), each with its total. */
    public record Summary(CampaignView campaign, long organizationId, String organizationName, List<Distribution> byUnit,
                         Distribution unitTotal, List<Distribution> byField, Distribution fieldTotal) {
    }

    /** One unit's line of 附件3: its counts (from the figures) and the names of each class. */
    public record NamesLine(Long unitId, String unit, long decided, long advanced, long average, long lagging,
                            List<String> advancedNames, List<String> averageNames, List<String> laggingNames) {

        public String joined(Grade level) {
            return String.join("、", names(level));
        }

        public List<String> names(Grade level) {
            return switch (level) {
                case ADVANCED -> advancedNames;
                case AVERAGE -> averageNames;
                case LAGGING -> laggingNames;
            };
        }
    }

    /** 附件3: one line per unit, then the total. */
    public record Names(CampaignView campaign, long organizationId, String organizationName, List<NamesLine> lines,
                        NamesLine total) {
    }

    @Transactional(readOnly = true)
    public Summary summary(long campaignId, long organizationId) {
        CampaignView c = campaigns.get(campaignId);
        String name = figures.organizationName(organizationId);
        List<Distribution> units = figures.byUnit(campaignId, organizationId);
        List<Distribution> fields = figures.byField(campaignId, organizationId).stream()
                .sorted(java.util.Comparator.comparingInt(d -> fieldOrder(d.label())))
                .map(d -> new Distribution(d.unitId(), messages.get("Field." + d.label()), d.total(), d.decided(), d.advanced(),
                        d.average(), d.lagging()))
                .toList();
        return new Summary(c, organizationId, name, units, total(units), fields, total(fields));
    }

    @Transactional(readOnly = true)
    public Names names(long campaignId, long organizationId) {
        CampaignView c = campaigns.get(campaignId);
        String name = figures.organizationName(organizationId);
        List<Distribution> units = figures.byUnit(campaignId, organizationId);
        Map<String, Map<Grade, List<String>>> named = new LinkedHashMap<>();
        for (Named n : figures.names(campaignId, organizationId)) {
            named.computeIfAbsent(n.unit(), u -> new LinkedHashMap<>())
                    .computeIfAbsent(n.level(), l -> new ArrayList<>())
                    .add(PLAIN.contains(n.grade()) ? n.name() : n.name() + "（" + n.grade() + "）");
        }
        List<NamesLine> lines = new ArrayList<>();
        for (Distribution d : units) {
            Map<Grade, List<String>> m = named.getOrDefault(d.label(), Map.of());
            lines.add(new NamesLine(d.unitId(), d.label(), d.decided(), d.advanced(), d.average(), d.lagging(),
                    m.getOrDefault(Grade.ADVANCED, List.of()), m.getOrDefault(Grade.AVERAGE, List.of()),
                    m.getOrDefault(Grade.LAGGING, List.of())));
        }
        Distribution t = total(units);
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        List<String> l = new ArrayList<>();
        lines.forEach(x -> {
            a.addAll(x.advancedNames());
            b.addAll(x.averageNames());
            l.addAll(x.laggingNames());
        });
        return new Names(c, organizationId, name, lines,
                new NamesLine(null, "合计", t.decided(), t.advanced(), t.average(), t.lagging(), a, b, l));
    }

    /** 附件4 as one workbook: the sheet by unit, then the sheet by field. */
    @Transactional(readOnly = true)
    public void writeSummary(long campaignId, long organizationId, OutputStream out) {
        Summary s = summary(campaignId, organizationId);
        int[] widths = {6, 36, 12, 12, 8, 10, 8, 10, 8, 10};
        try (XlsxSheetWriter w = XlsxSheetWriter.grouped("按单位", SUMMARY_TITLE, subtitle(s.organizationName(), s.campaign()),
                summaryHeaders("单位"), widths)) {
            int n = 1;
            for (Distribution d : s.byUnit()) {
                w.row(summaryCells(String.valueOf(n++), d));
            }
            w.footer("合计", tail(summaryCells("", s.unitTotal()), 2));
            w.note(SHARE_NOTE);
            w.nextSheet("按领域", SUMMARY_TITLE + "（按领域）", subtitle(s.organizationName(), s.campaign()),
                    summaryHeaders("领域"), widths);
            n = 1;
            for (Distribution d : s.byField()) {
                w.row(summaryCells(String.valueOf(n++), d));
            }
            w.footer("合计", tail(summaryCells("", s.fieldTotal()), 2));
            w.note(SHARE_NOTE);
            w.finish(out);
        }
    }

    /** 附件3 as .xlsx. */
    @Transactional(readOnly = true)
    public void writeNames(long campaignId, long organizationId, OutputStream out) {
        Names s = names(campaignId, organizationId);
        try (XlsxSheetWriter w = XlsxSheetWriter.grouped("名单", NAMES_TITLE, subtitle(s.organizationName(), s.campaign()),
                NAMES_HEADERS, new int[] {6, 30, 10, 8, 40, 8, 40, 8, 40})) {
            w.wrap(4, 6, 8);
            int n = 1;
            for (NamesLine line : s.lines()) {
                w.row(namesCells(String.valueOf(n++), line));
            }
            NamesLine t = s.total();
            w.footer("合计", t.decided(), t.advanced(), null, t.average(), null, t.lagging(), null);
            w.note("注：名单为本次活动中已由评定组织评定等次的党组织；等次名称与三类不同的标准，括号内为其等次。");
            w.finish(out);
        }
    }

    /** The cells of one 附件4 line, in the order of {@link #summaryHeaders(String)}. */
    public static Object[] summaryCells(String number, Distribution d) {
        return new Object[] {number, d.label(), d.total(), d.decided(), d.advanced(), d.share(d.advanced()), d.average(),
                d.share(d.average()), d.lagging(), d.share(d.lagging())};
    }

    /** The cells of one 附件3 line, in the order of {@link #NAMES_HEADERS}. */
    public static Object[] namesCells(String number, NamesLine l) {
        return new Object[] {number, l.unit(), l.decided(), l.advanced(), l.joined(Grade.ADVANCED), l.average(),
                l.joined(Grade.AVERAGE), l.lagging(), l.joined(Grade.LAGGING)};
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
        Distribution t = new Distribution(null, "合计", 0, 0, 0, 0, 0);
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
