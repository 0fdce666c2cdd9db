package cn.tierup.reporting;

import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.CampaignView;
import cn.tierup.grading.Grade;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.reporting.internal.StationFigureQueries;
import cn.tierup.reporting.internal.StationFigureQueries.Counted;
import cn.tierup.reporting.internal.StationFigureQueries.Unit;
import cn.tierup.shared.Shares;
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
 * 附件6 远程教育站点分类名单统计表 (the stations graded in a campaign, by class, with host, score and who decided) and
 * 附件7 远程教育站点分类情况汇总表 (per child unit — its whole subtree — then 本级 and 合计: stations, graded, and the
 * 先进/一般/后进 counts with their shares), on screen and as .xlsx. Every figure is counted from the decisions the
 * station module publishes; nothing is typed.
 */
@Service
public class StationClassificationTables {

    public static final String LIST_TITLE = "远程教育站点分类名单统计表";
    public static final String SUMMARY_TITLE = "远程教育站点分类情况汇总表";
    public static final String SUMMARY_NOTE = "注：站点数为本单位及下级党组织承办、本年度在站点台账上的站点（年底前已建站、年初后才撤销），含尚未定级的；"
            + "已定级为评定组织已评定等次的站点；占比为该类站点数占已定级站点数的百分比，保留两位小数，按最大余数法使三类占比之和为 100.00%；"
            + "本级为本单位自身承办的站点。";
    public static final String LIST_NOTE = "注：名单为本次活动中已由评定组织评定等次的站点，按所用站点分类标准的等次归入先进、一般、后进三类；"
            + "自评得分为承办党组织在站点自查评分表上的得分，评定等次与自评等次不同的列明评定理由。";

    private final StationFigureQueries queries;
    private final CampaignService campaigns;
    private final ScopeGuard guard;

    StationClassificationTables(StationFigureQueries queries, CampaignService campaigns, ScopeGuard guard) {
        this.queries = queries;
        this.campaigns = campaigns;
        this.guard = guard;
    }

    /** One 附件7 line: a unit's stations, those graded, and per class (先进, 一般, 后进) the count and its share. */
    public record Line(Long unitId, String unit, long stations, long decided, List<Long> counts, List<BigDecimal> shares) {

        static Line of(Long unitId, String unit, List<Counted> stations) {
            long[] c = new long[Grade.values().length];
            long decided = 0;
            for (Counted s : stations) {
                if (s.level() != null) {
                    c[s.level().ordinal()]++;
                    decided++;
                }
            }
            return new Line(unitId, unit, stations.size(), decided, java.util.Arrays.stream(c).boxed().toList(),
                    Shares.of(c, decided));
        }

        public long count(Grade level) {
            return counts.get(level.ordinal());
        }

        public BigDecimal share(Grade level) {
            return shares.get(level.ordinal());
        }
    }

    /** 附件7: a line per child unit, 本级 where the organisation hosts stations itself, and 合计. */
    public record Summary(CampaignView campaign, long organizationId, String organizationName, List<Line> lines, Line total) {
    }

    /** One 附件6 line: a graded station, the unit it counts under, its host, scores, grade and who decided. */
    public record Listed(String unit, String host, String station, Integer score, Integer maximum, String proposedGrade,
                         String grade, Grade level, String reason, String decidedByName, LocalDateTime decidedAt) {
    }

    /** 附件6: the graded stations of each class (先进, 一般, 后进, in that order), with the total per class. */
    public record Names(CampaignView campaign, long organizationId, String organizationName, Map<Grade, List<Listed>> byLevel,
                        long decided) {

        public List<Listed> of(Grade level) {
            return byLevel.getOrDefault(level, List.of());
        }
    }

    private record Counting(CampaignView campaign, Unit org, List<Unit> children, List<Counted> stations) {

        /** The child unit whose subtree holds the host, or null where the organisation hosts it itself (本级). */
        Unit unitOf(Counted s) {
            return children.stream().filter(u -> s.hostPath().startsWith(u.path())).findFirst().orElse(null);
        }
    }

    private Counting counting(long campaignId, long organizationId) {
        guard.require(Permission.CAMPAIGN_READ, organizationId);
        CampaignView c = campaigns.get(campaignId);
        Unit org = queries.unit(organizationId);
        String rootPath = queries.unit(c.rootOrganizationId()).path();
        return new Counting(c, org, queries.children(organizationId), queries.stations(campaignId, org.path(), rootPath, c.year()));
    }

    @Transactional(readOnly = true)
    public Summary summary(long campaignId, long organizationId) {
        Counting k = counting(campaignId, organizationId);
        Map<Long, List<Counted>> byUnit = new LinkedHashMap<>();
        List<Counted> own = new ArrayList<>();
        for (Counted s : k.stations()) {
            Unit u = k.unitOf(s);
            if (u == null) {
                own.add(s);
            } else {
                byUnit.computeIfAbsent(u.id(), x -> new ArrayList<>()).add(s);
            }
        }
        List<Line> lines = new ArrayList<>();
        for (Unit u : k.children()) {
            lines.add(Line.of(u.id(), u.name(), byUnit.getOrDefault(u.id(), List.of())));
        }
        if (!own.isEmpty()) {
            lines.add(Line.of(null, "本级（" + k.org().name() + "）", own));
        }
        return new Summary(k.campaign(), organizationId, k.org().name(), lines, Line.of(null, "合计", k.stations()));
    }

    @Transactional(readOnly = true)
    public Names names(long campaignId, long organizationId) {
        Counting k = counting(campaignId, organizationId);
        Map<Grade, List<Listed>> byLevel = new LinkedHashMap<>();
        for (Grade level : Grade.values()) {
            byLevel.put(level, new ArrayList<>());
        }
        long decided = 0;
        for (Counted s : k.stations()) {
            if (s.level() == null) {
                continue;
            }
            Unit u = k.unitOf(s);
            byLevel.get(s.level()).add(new Listed(u == null ? "本级" : u.name(), s.hostName(), s.stationName(), s.scoreTotal(),
                    s.scoreMaximum(), s.proposedGrade(), s.grade(), s.level(), s.reason(), s.decidedByName(), s.decidedAt()));
            decided++;
        }
        return new Names(k.campaign(), organizationId, k.org().name(), byLevel, decided);
    }

    public static final List<String> LEVEL_LABELS = List.of("先进站点", "一般站点", "后进站点");

    /** The two-row header of 附件7. */
    public static List<HeaderGroup> summaryHeaders() {
        List<HeaderGroup> out = new ArrayList<>(List.of(HeaderGroup.single("序号"), HeaderGroup.single("单位"),
                HeaderGroup.single("站点数（个）"), HeaderGroup.single("已定级（个）")));
        for (String label : LEVEL_LABELS) {
            out.add(new HeaderGroup(label, List.of("个数", "占比（%）")));
        }
        return out;
    }

    public static final List<String> LIST_HEADERS = List.of("序号", "分类", "所属单位", "承办党组织", "站点名称", "自评得分",
            "自评等次", "评定等次", "评定理由", "评定人", "评定时间");

    /** 附件7 as .xlsx. */
    @Transactional(readOnly = true)
    public void writeSummary(long campaignId, long organizationId, OutputStream out) {
        Summary s = summary(campaignId, organizationId);
        try (XlsxSheetWriter w = XlsxSheetWriter.grouped("汇总", SUMMARY_TITLE, subtitle(s.organizationName(), s.campaign()),
                summaryHeaders(), new int[] {6, 36, 12, 12, 10, 10, 10, 10, 10, 10})) {
            int n = 1;
            for (Line l : s.lines()) {
                w.row(summaryCells(String.valueOf(n++), l));
            }
            Object[] total = summaryCells("", s.total());
            w.footer("合计", java.util.Arrays.copyOfRange(total, 2, total.length));
            w.note(SUMMARY_NOTE);
            w.finish(out);
        }
    }

    /** 附件6 as .xlsx. */
    @Transactional(readOnly = true)
    public void writeNames(long campaignId, long organizationId, OutputStream out) {
        Names s = names(campaignId, organizationId);
        try (XlsxSheetWriter w = new XlsxSheetWriter("名单", LIST_TITLE, subtitle(s.organizationName(), s.campaign()),
                LIST_HEADERS, new int[] {6, 10, 24, 28, 28, 10, 10, 10, 30, 12, 18})) {
            w.wrap(8);
            int n = 1;
            for (Grade level : Grade.values()) {
                for (Listed l : s.of(level)) {
                    w.row(listCells(String.valueOf(n++), l));
                }
            }
            w.footer(totalText(s));
            w.note(LIST_NOTE);
            w.finish(out);
        }
    }

    public static Object[] summaryCells(String number, Line l) {
        List<Object> cells = new ArrayList<>(List.of(number, l.unit(), l.stations(), l.decided()));
        for (Grade g : Grade.values()) {
            cells.add(l.count(g));
            cells.add(l.share(g));
        }
        return cells.toArray();
    }

    public static Object[] listCells(String number, Listed l) {
        return new Object[] {number, LEVEL_LABELS.get(l.level().ordinal()), l.unit(), l.host(), l.station(), l.score(),
                l.proposedGrade(), l.grade(), l.reason(), l.decidedByName(),
                l.decidedAt() == null ? null : l.decidedAt().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))};
    }

    private static String subtitle(String organizationName, CampaignView c) {
        return "填报单位：" + organizationName + "　　活动：" + c.name() + "　　生成时间："
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    }

    /** The closing line of 附件6: how many were graded, and of them how many in each class. */
    public static String totalText(Names s) {
        return "合计：已定级站点 " + s.decided() + " 个，其中" + LEVEL_LABELS.get(0) + " " + s.of(Grade.ADVANCED).size() + " 个、"
                + LEVEL_LABELS.get(1) + " " + s.of(Grade.AVERAGE).size() + " 个、" + LEVEL_LABELS.get(2) + " "
                + s.of(Grade.LAGGING).size() + " 个";
    }
}
