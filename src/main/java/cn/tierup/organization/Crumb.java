package cn.tierup.organization;

/** One step of the breadcrumb trail from the user's own organisation down. */
public record Crumb(long id, String name) {
}
