package cn.tierup.survey;

/** A station on the registry as the survey sees it: the host writes one entry for it in its report. */
public record HostedStation(long id, String name) {
}
