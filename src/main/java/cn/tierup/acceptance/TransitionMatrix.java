package cn.tierup.acceptance;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A grade-transition matrix: organisations counted by the grade they had before ({@code rows}) and after
 * ({@code columns}). Only organisations with both grades are in the cells and totals; those with only the earlier
 * grade are counted per row in {@code rowsWithoutColumn} (not yet decided after), those with only the later one per
 * column in {@code columnsWithoutRow} (not decided before).
 *
 * @param cells {@code cells.get(i).get(j)}: organisations with row grade i and column grade j
 */
public record TransitionMatrix(List<String> rows, List<String> columns, List<List<Long>> cells, List<Long> rowTotals,
                               List<Long> columnTotals, long total, List<Long> rowsWithoutColumn,
                               List<Long> columnsWithoutRow) {

    /** The matrix of these pairs (either side may be null: not decided), on axes whose keys are labelled as given. */
    public static <K, T> TransitionMatrix count(List<T> subjects, Function<T, K> from, Function<T, K> to, List<K> rowKeys,
                                                List<K> columnKeys, Function<K, String> label) {
        int r = rowKeys.size();
        int c = columnKeys.size();
        long[][] n = new long[r][c];
        long[] rowOnly = new long[r];
        long[] colOnly = new long[c];
        for (T s : subjects) {
            int i = from.apply(s) == null ? -1 : rowKeys.indexOf(from.apply(s));
            int j = to.apply(s) == null ? -1 : columnKeys.indexOf(to.apply(s));
            if (i >= 0 && j >= 0) {
                n[i][j]++;
            } else if (i >= 0 && to.apply(s) == null) {
                rowOnly[i]++;
            } else if (j >= 0 && from.apply(s) == null) {
                colOnly[j]++;
            }
        }
        List<List<Long>> cells = new ArrayList<>();
        List<Long> rowTotals = new ArrayList<>();
        long[] colTotals = new long[c];
        long total = 0;
        for (int i = 0; i < r; i++) {
            List<Long> line = new ArrayList<>();
            long sum = 0;
            for (int j = 0; j < c; j++) {
                line.add(n[i][j]);
                sum += n[i][j];
                colTotals[j] += n[i][j];
            }
            cells.add(List.copyOf(line));
            rowTotals.add(sum);
            total += sum;
        }
        return new TransitionMatrix(rowKeys.stream().map(label).toList(), columnKeys.stream().map(label).toList(),
                List.copyOf(cells), List.copyOf(rowTotals), boxed(colTotals), total, boxed(rowOnly), boxed(colOnly));
    }

    public long cell(int row, int column) {
        return cells.get(row).get(column);
    }

    /** The cells as one text for the chart beside the table: rows joined by a bar, the counts of a row by commas. */
    public String chartValues() {
        return String.join("|", cells.stream().map(r -> String.join(",", r.stream().map(String::valueOf).toList())).toList());
    }

    /** Organisations with the earlier grade only, over all rows. */
    public long withoutColumn() {
        return rowsWithoutColumn.stream().mapToLong(Long::longValue).sum();
    }

    /** Organisations with the later grade only, over all columns. */
    public long withoutRow() {
        return columnsWithoutRow.stream().mapToLong(Long::longValue).sum();
    }

    private static List<Long> boxed(long[] values) {
        List<Long> out = new ArrayList<>();
        for (long v : values) {
            out.add(v);
        }
        return List.copyOf(out);
    }
}
