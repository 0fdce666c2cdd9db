package cn.tierup.organization;

import java.util.List;

/**
 * What an uploaded file would do: the first rows read (column → value, as the user typed them), the rows that are
 * wrong with the reason in Chinese (the first 1,000 listed, all counted), and columns the product does not use.
 * Nothing is written while any row is wrong.
 *
 * @param rowCount   the data rows in the file (blank rows not counted)
 * @param errorCount the rows that are wrong, listed in {@code errors} or not
 */
public record ImportPreview(ImportKind kind, List<String> columns, List<PreviewRow> rows, List<RowError> errors,
                            List<String> ignoredColumns, int rowCount, int errorCount) {

    public boolean ok() {
        return errorCount == 0 && rowCount > 0;
    }

    /** Wrong rows not listed in {@code errors}. */
    public int unlistedErrors() {
        return errorCount - errors.size();
    }

    public record PreviewRow(int row, List<String> values) {
    }

    public record RowError(int row, String message) {
    }
}
