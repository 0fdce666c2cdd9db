package cn.tierup.reporting;

import cn.tierup.reporting.Cockpit.Block;
import cn.tierup.reporting.Cockpit.Row;
import cn.tierup.reporting.Cockpit.Table;
import cn.tierup.shared.xlsx.XlsxSheetWriter;
import cn.tierup.shared.xlsx.XlsxSheetWriter.HeaderGroup;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * A cockpit block's data as an .xlsx: each of its tables on a sheet of its own with the page's Chinese headers, the
 * 合计 line, and under it how each figure is counted — the numbers the chart was drawn from.
 */
public final class CockpitWorkbook {

    private CockpitWorkbook() {
    }

    /** The download's file name: 工作看板-{block}-{organisation}.xlsx, with nothing a file system refuses. */
    public static String fileName(Block b) {
        return ("工作看板-" + b.title() + "-" + b.organizationName()).replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_") + ".xlsx";
    }

    public static void write(Block b, String campaignName, OutputStream out) {
        String subtitle = "单位：" + b.organizationName() + "　　活动：" + campaignName + "　　生成时间："
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        List<Table> tables = b.tables();
        XlsxSheetWriter w = null;
        try {
            for (int i = 0; i < tables.size(); i++) {
                Table t = tables.get(i);
                List<HeaderGroup> headers = t.columns().stream().map(HeaderGroup::single).toList();
                int[] widths = t.columns().stream().mapToInt(c -> Math.max(10, Math.min(40, c.length() * 2 + 4))).toArray();
                widths[0] = 30;
                String sheet = sheetName(i + 1, t.title());
                if (w == null) {
                    w = XlsxSheetWriter.grouped(sheet, b.title() + "——" + t.title(), subtitle, headers, widths);
                } else {
                    w.nextSheet(sheet, b.title() + "——" + t.title(), subtitle, headers, widths);
                }
                for (Row r : t.rows()) {
                    w.row(r.cells().toArray());
                }
                if (t.total() != null) {
                    Object[] cells = t.total().cells().toArray();
                    w.footer(String.valueOf(cells[0]), Arrays.copyOfRange(cells, 1, cells.length));
                }
                for (String d : b.definitions()) {
                    w.note(d);
                }
            }
            if (w == null) {
                w = new XlsxSheetWriter("说明", b.title(), subtitle, List.of("说明"), new int[] {80});
                w.note(b.note() == null ? "" : b.note());
            }
            w.finish(out);
        } finally {
            if (w != null) {
                w.close();
            }
        }
    }

    /** Sheet names are at most 31 characters, unique, and free of []:*?/\. */
    private static String sheetName(int n, String title) {
        String clean = title.replaceAll("[\\[\\]:*?/\\\\]", "");
        String name = n + " " + clean;
        return name.length() > 31 ? name.substring(0, 31) : name;
    }
}
