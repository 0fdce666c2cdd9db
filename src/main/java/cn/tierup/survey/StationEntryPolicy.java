package cn.tierup.survey;

import cn.tierup.shared.BoundedText;
import cn.tierup.shared.DomainException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The 远程教育站点 section of a report. What may be written: entries only for stations the organisation hosts, one
 * each, every part within {@link #MAX} characters. What a hand-in needs: an entry for every station the organisation
 * hosts, with every part written but the reach into communities and "两新" organisations, which not every station has.
 */
public final class StationEntryPolicy {

    /** The most one part of an entry may hold. */
    public static final int MAX = 2000;

    private static final BoundedText PART = BoundedText.TEXT;

    private StationEntryPolicy() {
    }

    /** The entries as they will be kept; an entry with nothing written is left out. */
    public static List<StationAccount> accepted(List<StationEntry> entries, List<HostedStation> hosted) {
        Map<Long, HostedStation> byId = hosted.stream().collect(Collectors.toMap(HostedStation::id, Function.identity()));
        Set<Long> seen = new HashSet<>();
        List<StationAccount> out = new ArrayList<>();
        for (StationEntry e : entries) {
            if (e == null) {
                continue;
            }
            HostedStation s = e.stationId() == null ? null : byId.get(e.stationId());
            if (s == null) {
                throw new DomainException("report.station.notHosted", String.valueOf(e.stationId()));
            }
            if (!seen.add(s.id())) {
                throw new DomainException("report.station.duplicate", s.name());
            }
            StationAccount a = new StationAccount(s.id(), s.name(), part(e.operation(), s), part(e.staffing(), s),
                    part(e.resources(), s), part(e.funding(), s), part(e.assessment(), s), part(e.effect(), s),
                    part(e.extension(), s));
            if (!empty(a)) {
                out.add(a);
            }
        }
        return out;
    }

    /** Refuses a hand-in while a hosted station's entry, or a required part of it, is missing. */
    public static void requireComplete(List<StationAccount> accounts, List<HostedStation> hosted) {
        for (HostedStation s : hosted) {
            StationAccount a = accounts.stream().filter(x -> x.getStationId() == s.id()).findFirst()
                    .orElseThrow(() -> new DomainException("report.station.missing", s.name()));
            required(a.getOperation(), "operation", s);
            required(a.getStaffing(), "staffing", s);
            required(a.getResources(), "resources", s);
            required(a.getFunding(), "funding", s);
            required(a.getAssessment(), "assessment", s);
            required(a.getEffect(), "effect", s);
        }
    }

    private static void required(String text, String part, HostedStation s) {
        if (text == null) {
            throw new DomainException("report.station.missing." + part, s.name());
        }
    }

    private static String part(String text, HostedStation s) {
        return PART.optional(text, "report.station.tooLong", s.name());
    }

    private static boolean empty(StationAccount a) {
        return a.getOperation() == null && a.getStaffing() == null && a.getResources() == null && a.getFunding() == null
                && a.getAssessment() == null && a.getEffect() == null && a.getExtension() == null;
    }
}
