package cn.tierup.survey;

import jakarta.validation.constraints.Size;

/**
 * What a hosting organisation writes in its report about one of its 远程教育站点, on the notice's survey contents for
 * 党员干部现代远程教育 (二(二)9): how the station runs, is managed and used; the staff and the core team; teaching
 * resources; the funding of its upkeep; teaching organisation, target assessment and evaluation; what it achieves; how
 * far it reaches into communities and "两新" organisations.
 */
public record StationEntry(
        Long stationId,
        @Size(max = StationEntryPolicy.MAX, message = "{report.station.tooLong.field}") String operation,
        @Size(max = StationEntryPolicy.MAX, message = "{report.station.tooLong.field}") String staffing,
        @Size(max = StationEntryPolicy.MAX, message = "{report.station.tooLong.field}") String resources,
        @Size(max = StationEntryPolicy.MAX, message = "{report.station.tooLong.field}") String funding,
        @Size(max = StationEntryPolicy.MAX, message = "{report.station.tooLong.field}") String assessment,
        @Size(max = StationEntryPolicy.MAX, message = "{report.station.tooLong.field}") String effect,
        @Size(max = StationEntryPolicy.MAX, message = "{report.station.tooLong.field}") String extension) {
}
