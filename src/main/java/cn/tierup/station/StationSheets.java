package cn.tierup.station;

import cn.tierup.shared.Messages;
import cn.tierup.shared.xlsx.Workbook;
import cn.tierup.shared.xlsx.XlsxSheetWriter;
import cn.tierup.shared.xlsx.XlsxSheetWriter.HeaderGroup;
import cn.tierup.station.StationUsage.Line;
import cn.tierup.station.StationUsage.LineKind;
import cn.tierup.station.StationUsage.Usage;
import cn.tierup.station.Stations.SessionView;
import cn.tierup.station.Stations.StationView;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The station tables as .xlsx, as the pages show them: the registry (in the columns the import reads, so an exported
 * file imports again as corrections), a station's sessions, and the usage figures of a unit.
 */
@Component
public class StationSheets {

    /** The registry's columns, in the order of the template and the export: message key and whether required. */
    public record Column(String key, boolean required) {
    }

    public static final List<Column> COLUMNS = List.of(new Column("station.col.name", true),
            new Column("station.col.host", true), new Column("station.col.address", true),
            new Column("station.col.terminalKind", true), new Column("station.col.equipment", false),
            new Column("station.col.equipmentCondition", true), new Column("station.col.managerName", true),
            new Column("station.col.managerTrainedOn", false), new Column("station.col.openingHours", false),
            new Column("station.col.yearlyFunding", false), new Column("station.col.fundingSource", false),
            new Column("station.col.openedOn", true), new Column("station.col.status", false));

    private final Messages messages;

    StationSheets(Messages messages) {
        this.messages = messages;
    }

    public List<String> headers() {
        return COLUMNS.stream().map(c -> messages.get(c.key())).toList();
    }

    /** The stations listed (the list's checks applied by the caller), one row each. */
    public Workbook registry(String unitName, List<StationView> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxSheetWriter w = new XlsxSheetWriter(messages.get("station.sheet.registry"),
                messages.get("station.sheet.registryTitle", unitName), messages.get("station.count", lines.size()),
                headers(), new int[] {28, 32, 32, 12, 30, 14, 12, 14, 20, 16, 24, 12, 10})) {
            w.wrap(0, 1, 2, 4);
            for (StationView v : lines) {
                w.row(v.name(), v.hostName(), v.address(), messages.get("station.terminalKind." + v.terminalKind()),
                        v.equipment(), messages.get("station.equipmentCondition." + v.equipmentCondition()), v.managerName(),
                        v.managerTrainedOn(), v.openingHours(), v.yearlyFunding(), v.fundingSource(), v.openedOn(),
                        state(v));
            }
            w.finish(out);
        }
        return new Workbook(unitName + messages.get("station.file.registry"), out.toByteArray());
    }

    /** A station's state as one word: 在用, 停用 or 已撤销. */
    public String state(StationView v) {
        return v.retired() ? messages.get("station.state.retired") : messages.get("station.status." + v.status());
    }

    public Workbook sessions(StationView station, Integer year, List<SessionView> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String scope = year == null ? messages.get("station.allYears") : messages.get("station.yearLabel", String.valueOf(year));
        try (XlsxSheetWriter w = new XlsxSheetWriter(messages.get("station.sheet.sessions"),
                messages.get("station.sheet.sessionsTitle", station.name(), scope),
                station.hostName() + "　" + messages.get("station.session.count", lines.size()),
                List.of(messages.get("station.session.col.heldOn"), messages.get("station.session.col.topic"),
                        messages.get("station.session.col.kind"), messages.get("station.session.col.partyMembers"),
                        messages.get("station.session.col.publicAttendees"), messages.get("station.session.col.attendance")),
                new int[] {12, 40, 12, 10, 10, 10})) {
            w.wrap(1);
            long members = 0;
            long publicCount = 0;
            for (SessionView s : lines) {
                w.row(s.heldOn(), s.topic(), messages.get("station.session.kind." + s.kind()), s.partyMembers(),
                        s.publicAttendees(), s.attendance());
                members += s.partyMembers();
                publicCount += s.publicAttendees();
            }
            w.footer(messages.get("station.usage.total"), members, publicCount, members + publicCount);
            w.finish(out);
        }
        return new Workbook(station.name() + messages.get("station.file.sessions"), out.toByteArray());
    }

    public Workbook usage(Usage u) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<HeaderGroup> groups = new ArrayList<>(List.of(HeaderGroup.single(messages.get("station.usage.col.unit")),
                HeaderGroup.single(messages.get("station.usage.col.stations")),
                HeaderGroup.single(messages.get("station.usage.col.sessions")),
                new HeaderGroup(messages.get("station.usage.col.attendance"), List.of(
                        messages.get("station.usage.col.partyMembers"), messages.get("station.usage.col.publicAttendees"),
                        messages.get("station.usage.col.attendanceTotal")))));
        List<String> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(messages.get("station.usage.month", String.valueOf(m)));
        }
        groups.add(new HeaderGroup(messages.get("station.usage.col.monthlySessions"), months));
        groups.add(new HeaderGroup(messages.get("station.usage.col.monthlyAttendance"), months));
        int[] widths = new int[6 + 24];
        java.util.Arrays.fill(widths, 7);
        widths[0] = 30;
        widths[1] = 8;
        widths[2] = 10;
        try (XlsxSheetWriter w = XlsxSheetWriter.grouped(messages.get("station.sheet.usage"),
                messages.get("station.usage.title", u.organizationName(), String.valueOf(u.year())),
                messages.get("station.usage.explain"), groups, widths)) {
            w.wrap(0);
            for (Line l : u.lines()) {
                List<Object> cells = new ArrayList<>(List.of(label(l), l.stations(), l.sessions(), l.partyMembers(),
                        l.publicAttendees(), l.attendance()));
                cells.addAll(l.monthlySessions());
                cells.addAll(l.monthlyAttendance());
                w.row(cells.toArray());
            }
            w.finish(out);
        }
        return new Workbook(u.organizationName() + u.year() + messages.get("station.file.usage"), out.toByteArray());
    }

    /** How a line of the figures is named: the organisation under the unit, 本级, or 合计. */
    public String label(Line l) {
        return l.kind() == LineKind.CHILD ? l.name()
                : l.kind() == LineKind.OWN ? messages.get("station.usage.own") : messages.get("station.usage.total");
    }
}
