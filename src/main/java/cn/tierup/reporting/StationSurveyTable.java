package cn.tierup.reporting;

import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.CampaignView;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.reporting.internal.StationSurveyQueries;
import cn.tierup.shared.Messages;
import cn.tierup.shared.xlsx.XlsxSheetWriter;
import cn.tierup.shared.xlsx.XlsxSheetWriter.HeaderGroup;
import cn.tierup.station.StationStatus;
import cn.tierup.station.TerminalKind;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 附件5 全市远程教育现状大调查情况汇总表: one line per child unit (its whole subtree), a line for the unit's own records
 * (本级), and the total — stations by terminal kind and status, stations surveyed, reports of their hosts, the 远程教育
 * questionnaire's answers, the campaign year's learning sessions and the yearly funding, all summed from the records.
 */
@Service
public class StationSurveyTable {

    /** The shipped 远程教育 questionnaire: its questionnaires, and those launched from copies of it, are counted. */
    public static final String QUESTIONNAIRE = "REMOTE_EDUCATION";

    /** The columns explained under the table, on screen and in the .xlsx, in the order of the headers. */
    public static final List<String> NOTES = List.of("stations", "status", "surveyed", "reports", "answers", "sessions",
            "funding");

    private final StationSurveyQueries queries;
    private final CampaignService campaigns;
    private final ScopeGuard guard;
    private final Messages messages;

    StationSurveyTable(StationSurveyQueries queries, CampaignService campaigns, ScopeGuard guard, Messages messages) {
        this.queries = queries;
        this.campaigns = campaigns;
        this.guard = guard;
        this.messages = messages;
    }

    /** One line of the table. */
    public record Line(long organizationId, String name, Map<TerminalKind, Long> byTerminal, long inUse, long suspended,
                       long surveyed, long hosts, long hostsHandedIn, long memberAnswers, long publicAnswers,
                       long sessions, long memberAttendance, long publicAttendance, BigDecimal funding) {

        public long terminal(TerminalKind k) {
            return byTerminal.getOrDefault(k, 0L);
        }

        public long stations() {
            return inUse + suspended;
        }

        public long answers() {
            return memberAnswers + publicAnswers;
        }

        static Line empty(long id, String name) {
            return new Line(id, name, new EnumMap<>(TerminalKind.class), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO.setScale(2));
        }

        Line plus(Line o) {
            Map<TerminalKind, Long> t = new EnumMap<>(TerminalKind.class);
            t.putAll(byTerminal);
            o.byTerminal.forEach((k, v) -> t.merge(k, v, Long::sum));
            return new Line(organizationId, name, t, inUse + o.inUse, suspended + o.suspended, surveyed + o.surveyed,
                    hosts + o.hosts, hostsHandedIn + o.hostsHandedIn, memberAnswers + o.memberAnswers,
                    publicAnswers + o.publicAnswers, sessions + o.sessions, memberAttendance + o.memberAttendance,
                    publicAttendance + o.publicAttendance, funding.add(o.funding));
        }
    }

    /** The table under a unit: one line per child, the unit's own (本级), the total; for the campaign's year. */
    public record Summary(long campaignId, int year, Line own, List<Line> children, Line total) {
    }

    @Transactional(readOnly = true)
    public Summary summary(long campaignId, long organizationId) {
        var org = guard.require(Permission.CAMPAIGN_READ, organizationId);
        CampaignView c = campaigns.get(campaignId);
        Line own = lines(c, Map.of(organizationId, org.name()), false).get(organizationId);
        Map<Long, String> childNames = new LinkedHashMap<>();
        queries.activeChildren(organizationId).forEach(u -> childNames.put(u.id(), u.name()));
        Map<Long, Line> kids = childNames.isEmpty() ? Map.of() : lines(c, childNames, true);
        List<Line> children = new ArrayList<>();
        Line total = Line.empty(organizationId, org.name()).plus(own);
        for (Long id : childNames.keySet()) {
            children.add(kids.get(id));
            total = total.plus(kids.get(id));
        }
        return new Summary(campaignId, c.year(), own, children, total);
    }

    private Map<Long, Line> lines(CampaignView c, Map<Long, String> units, boolean subtree) {
        List<Long> ids = List.copyOf(units.keySet());
        Map<Long, Line> out = new LinkedHashMap<>();
        units.forEach((id, name) -> out.put(id, Line.empty(id, name)));
        for (var s : queries.stations(ids, subtree)) {
            Line l = out.get(s.unitId());
            Map<TerminalKind, Long> t = new EnumMap<>(TerminalKind.class);
            t.putAll(l.byTerminal());
            t.merge(TerminalKind.valueOf(s.terminalKind()), s.stations(), Long::sum);
            boolean inUse = StationStatus.valueOf(s.status()) == StationStatus.IN_USE;
            out.put(l.organizationId(), new Line(l.organizationId(), l.name(), t, l.inUse() + (inUse ? s.stations() : 0),
                    l.suspended() + (inUse ? 0 : s.stations()), l.surveyed(), l.hosts(), l.hostsHandedIn(),
                    l.memberAnswers(), l.publicAnswers(), l.sessions(), l.memberAttendance(), l.publicAttendance(),
                    l.funding().add(s.funding())));
        }
        for (var v : queries.coverage(c.id(), ids, subtree)) {
            Line l = out.get(v.unitId());
            out.put(l.organizationId(), new Line(l.organizationId(), l.name(), l.byTerminal(), l.inUse(), l.suspended(),
                    v.surveyed(), v.hosts(), v.handedIn(), l.memberAnswers(), l.publicAnswers(), l.sessions(),
                    l.memberAttendance(), l.publicAttendance(), l.funding()));
        }
        for (var a : queries.answers(c.id(), QUESTIONNAIRE, ids, subtree)) {
            Line l = out.get(a.unitId());
            boolean member = "MEMBER".equals(a.category());
            out.put(l.organizationId(), new Line(l.organizationId(), l.name(), l.byTerminal(), l.inUse(), l.suspended(),
                    l.surveyed(), l.hosts(), l.hostsHandedIn(), l.memberAnswers() + (member ? a.sheets() : 0),
                    l.publicAnswers() + (member ? 0 : a.sheets()), l.sessions(), l.memberAttendance(),
                    l.publicAttendance(), l.funding()));
        }
        LocalDate from = LocalDate.of(c.year(), 1, 1);
        for (var x : queries.sessions(from, from.withMonth(12).withDayOfMonth(31), ids, subtree)) {
            Line l = out.get(x.unitId());
            out.put(l.organizationId(), new Line(l.organizationId(), l.name(), l.byTerminal(), l.inUse(), l.suspended(),
                    l.surveyed(), l.hosts(), l.hostsHandedIn(), l.memberAnswers(), l.publicAnswers(), x.sessions(),
                    x.memberAttendance(), x.publicAttendance(), l.funding()));
        }
        return out;
    }

    /** The headers, as offices print them: groups over their columns. */
    public List<HeaderGroup> headers() {
        List<String> kinds = new ArrayList<>(Arrays.stream(TerminalKind.values())
                .map(k -> messages.get("station.terminalKind." + k.name())).toList());
        kinds.add(0, "合计");
        return List.of(HeaderGroup.single("序号"), HeaderGroup.single("单位"), new HeaderGroup("站点（个）", kinds),
                new HeaderGroup("站点状态（个）", List.of("在用", "停用")), HeaderGroup.single("已调查站点（个）"),
                new HeaderGroup("设站单位报告（份）", List.of("应报", "已报")),
                new HeaderGroup("远程教育问卷（份）", List.of("党员", "群众", "合计")),
                new HeaderGroup("学习活动", List.of("场次", "党员（人次）", "群众（人次）")),
                HeaderGroup.single("年运行维护经费（元）"));
    }

    @Transactional(readOnly = true)
    public void write(long campaignId, long organizationId, OutputStream out) {
        CampaignView c = campaigns.get(campaignId);
        Summary s = summary(campaignId, organizationId);
        String subtitle = "填报单位：" + s.total().name() + "　　活动：" + c.name() + "　　学习活动年度：" + s.year() + " 年　　生成时间："
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        int[] widths = new int[2 + TerminalKind.values().length + 1 + 2 + 1 + 2 + 3 + 3 + 1];
        Arrays.fill(widths, 9);
        widths[0] = 6;
        widths[1] = 34;
        widths[widths.length - 1] = 14;
        try (XlsxSheetWriter w = XlsxSheetWriter.grouped("汇总表", "全市远程教育现状大调查情况汇总表", subtitle, headers(), widths)) {
            int n = 1;
            for (Line l : s.children()) {
                w.row(cells(String.valueOf(n++), l.name(), l));
            }
            w.row(cells("", s.own().name() + "（本级）", s.own()));
            Object[] total = cells("", "合计", s.total());
            w.footer("合计", Arrays.copyOfRange(total, 2, total.length));
            for (String note : NOTES) {
                w.note(messages.get("station.survey.note." + note, String.valueOf(s.year())));
            }
            w.finish(out);
        }
    }

    /** The cells of one line, in the order of {@link #headers()}. */
    public static Object[] cells(String number, String name, Line l) {
        List<Object> cells = new ArrayList<>(List.of(number, name, l.stations()));
        for (TerminalKind k : TerminalKind.values()) {
            cells.add(l.terminal(k));
        }
        cells.addAll(List.of(l.inUse(), l.suspended(), l.surveyed(), l.hosts(), l.hostsHandedIn(), l.memberAnswers(),
                l.publicAnswers(), l.answers(), l.sessions(), l.memberAttendance(), l.publicAttendance(), l.funding()));
        return cells.toArray();
    }
}
