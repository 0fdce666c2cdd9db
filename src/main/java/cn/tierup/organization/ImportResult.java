package cn.tierup.organization;

/** The outcome of an import that went through: how many records were written. */
public record ImportResult(ImportKind kind, int written) {
}
