package cn.tierup.station;

import cn.tierup.identity.OrganizationDirectory.OrgRef;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.station.internal.StationQueries;
import cn.tierup.station.internal.StationQueries.Count;
import cn.tierup.station.internal.StationQueries.Place;
import cn.tierup.station.internal.StationQueries.Tally;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How much the stations under a unit are used in a year, rolled up the tree: one line per organisation directly under
 * it (its whole subtree), one for the unit's own stations (本级), and the sum (合计). A station counts where its host
 * lies; a session in the month it was held; attendance is the people counted at each session (人次), 党员 and 群众.
 */
@Service
public class StationUsage {

    private final StationQueries queries;
    private final ScopeGuard guard;

    StationUsage(StationQueries queries, ScopeGuard guard) {
        this.queries = queries;
        this.guard = guard;
    }

    /** Which line: an organisation under the unit, the unit's own stations, or the sum. */
    public enum LineKind {
        CHILD, OWN, TOTAL
    }

    /**
     * One line of the figures: stations on the registry at some time of the year, sessions, attendance (党员, 群众) and
     * sessions and attendance per month (index 0 is January).
     */
    public record Line(LineKind kind, Long organizationId, String name, long stations, long sessions, long partyMembers,
                       long publicAttendees, List<Long> monthlySessions, List<Long> monthlyAttendance) {

        public long attendance() {
            return partyMembers + publicAttendees;
        }
    }

    public record Usage(long organizationId, String organizationName, int year, List<Line> lines) {

        public Line total() {
            return lines.get(lines.size() - 1);
        }
    }

    @Transactional(readOnly = true)
    public Usage of(long organizationId, int year) {
        OrgRef unit = guard.require(Permission.ORG_READ, organizationId);
        Stations.checkYear(year);
        List<Tally> tallies = queries.tallies(unit.path(), year);
        List<Count> counts = queries.counts(unit.path(), year);
        List<Line> lines = new ArrayList<>();
        for (Place child : queries.children(unit.id())) {
            Line l = line(LineKind.CHILD, child.id(), child.name(), tallies, counts, path -> path.startsWith(child.path()));
            if (!child.retired() || l.stations() > 0 || l.sessions() > 0) {
                lines.add(l);
            }
        }
        lines.add(line(LineKind.OWN, unit.id(), unit.name(), tallies, counts, path -> path.equals(unit.path())));
        lines.add(line(LineKind.TOTAL, null, unit.name(), tallies, counts, path -> true));
        return new Usage(unit.id(), unit.name(), year, lines);
    }

    private static Line line(LineKind kind, Long id, String name, List<Tally> tallies, List<Count> counts,
                             java.util.function.Predicate<String> under) {
        long stations = counts.stream().filter(c -> under.test(c.hostPath())).mapToLong(Count::stations).sum();
        long[] monthSessions = new long[12];
        long[] monthAttendance = new long[12];
        long members = 0;
        long publicCount = 0;
        for (Tally t : tallies) {
            if (under.test(t.hostPath())) {
                monthSessions[t.month() - 1] += t.sessions();
                monthAttendance[t.month() - 1] += t.partyMembers() + t.publicAttendees();
                members += t.partyMembers();
                publicCount += t.publicAttendees();
            }
        }
        long sessions = java.util.Arrays.stream(monthSessions).sum();
        return new Line(kind, id, name, stations, sessions, members, publicCount,
                java.util.Arrays.stream(monthSessions).boxed().toList(),
                java.util.Arrays.stream(monthAttendance).boxed().toList());
    }
}
