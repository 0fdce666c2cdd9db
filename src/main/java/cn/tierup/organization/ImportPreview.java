package cn.tierup.organization;

import java.util.List;

/**
 * What an uploaded file would do: the rows read (column → value, as the user typed them), the rows
 * that are wrong with the reason in Chinese, and columns the product does not use. Nothing is written
 * while any row is wrong.
 */
public record ImportPreview(ImportKind kind, List<String> columns, List<PreviewRow> rows, List<RowError> errors,
                            List<String> ignoredColumns) {

    public boolean ok() {
        return errors.isEmpty() && !rows.isEmpty();
    }

    public record PreviewRow(int row, List<String> values) {
    }

    public record RowError(int row, String message) {
    }
}
