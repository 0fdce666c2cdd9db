package cn.tierup.acceptance;

import cn.tierup.acceptance.Transitions.TransitionReport;
import cn.tierup.shared.Messages;
import cn.tierup.shared.xlsx.Workbook;
import cn.tierup.shared.xlsx.XlsxSheetWriter;
import cn.tierup.shared.xlsx.XlsxSheetWriter.HeaderGroup;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The transition matrices as .xlsx: one sheet per matrix, then the organisations in the lowest class two years running. */
@Component
public class TransitionExports {

    private final Transitions transitions;
    private final Messages messages;

    TransitionExports(Transitions transitions, Messages messages) {
        this.transitions = transitions;
        this.messages = messages;
    }

    public Workbook workbook(long campaignId, long unitId, String field) {
        TransitionReport r = transitions.report(campaignId, unitId, field);
        String scope = r.unitName() + "　" + (r.field() == null ? messages.get("acceptance.transition.allFields")
                : messages.get("Field." + r.field()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxSheetWriter w = null;
        try {
            List<Sheet> sheets = new ArrayList<>();
            String thisYear = String.valueOf(r.year());
            String[] startEnd = {messages.get("acceptance.transition.corner.startEnd"),
                    messages.get("acceptance.transition.axis.end"), messages.get("acceptance.transition.notYetEnd"),
                    messages.get("acceptance.transition.notYetStartRow")};
            String[] lastStart = {messages.get("acceptance.transition.corner.lastStart"),
                    messages.get("acceptance.transition.axis.start"), messages.get("acceptance.transition.notYetStart"),
                    messages.get("acceptance.transition.notLastEndRow")};
            sheets.add(new Sheet(messages.get("acceptance.transition.sheet.startEndClass"), r.startToEndByClass(),
                    messages.get("acceptance.transition.startToEnd", thisYear), startEnd[0], startEnd[1], startEnd[2], startEnd[3]));
            if (r.startToEndByName() != null) {
                sheets.add(new Sheet(messages.get("acceptance.transition.sheet.startEndName"), r.startToEndByName(),
                        messages.get("acceptance.transition.startToEnd", thisYear),
                        startEnd[0], startEnd[1], startEnd[2], startEnd[3]));
            }
            if (r.lastToStartByClass() != null) {
                String years = messages.get("acceptance.transition.lastToStart", String.valueOf(r.previousYear()), thisYear);
                sheets.add(new Sheet(messages.get("acceptance.transition.sheet.lastStartClass"), r.lastToStartByClass(), years,
                        lastStart[0], lastStart[1], lastStart[2], lastStart[3]));
                if (r.lastToStartByName() != null) {
                    sheets.add(new Sheet(messages.get("acceptance.transition.sheet.lastStartName"), r.lastToStartByName(),
                            years, lastStart[0], lastStart[1], lastStart[2], lastStart[3]));
                }
            }
            for (Sheet s : sheets) {
                List<HeaderGroup> groups = new ArrayList<>();
                groups.add(HeaderGroup.single(s.corner()));
                groups.add(new HeaderGroup(s.columnsLabel(), s.matrix().columns()));
                groups.add(HeaderGroup.single(messages.get("acceptance.transition.total")));
                groups.add(HeaderGroup.single(s.undecided()));
                int[] widths = new int[s.matrix().columns().size() + 3];
                java.util.Arrays.fill(widths, 12);
                widths[0] = 22;
                String title = scope + "　" + s.title();
                String subtitle = messages.get("acceptance.transition.counted", String.valueOf(s.matrix().total()));
                if (w == null) {
                    w = XlsxSheetWriter.grouped(s.name(), title, subtitle, groups, widths);
                } else {
                    w.nextSheet(s.name(), title, subtitle, groups, widths);
                }
                TransitionMatrix m = s.matrix();
                for (int i = 0; i < m.rows().size(); i++) {
                    List<Object> line = new ArrayList<>();
                    line.add(m.rows().get(i));
                    line.addAll(m.cells().get(i));
                    line.add(m.rowTotals().get(i));
                    line.add(m.rowsWithoutColumn().get(i));
                    w.row(line.toArray());
                }
                List<Object> foot = new ArrayList<>(m.columnTotals());
                foot.add(m.total());
                foot.add(m.withoutColumn());
                w.footer(messages.get("acceptance.transition.total"), foot.toArray());
                List<Object> without = new ArrayList<>();
                without.add(s.notBefore());
                without.addAll(m.columnsWithoutRow());
                without.add(m.withoutRow());
                w.row(without.toArray());
                w.note(messages.get("acceptance.transition.definition"));
            }
            List<HeaderGroup> lowest = List.of(HeaderGroup.single(messages.get("acceptance.transition.number")),
                    HeaderGroup.single(messages.get("acceptance.transition.organization")),
                    HeaderGroup.single(messages.get("acceptance.transition.fieldColumn")));
            String lowestTitle = scope + "　" + messages.get("acceptance.transition.laggingTwiceTitle");
            String lowestSub = r.previousYear() == null ? messages.get("acceptance.transition.noPrevious")
                    : messages.get("acceptance.transition.laggingTwiceYears", String.valueOf(r.previousYear()), thisYear);
            w.nextSheet(messages.get("acceptance.transition.sheet.laggingTwice"), lowestTitle, lowestSub, lowest,
                    new int[] {8, 48, 14});
            int n = 1;
            for (Transitions.Named o : r.laggingTwice()) {
                w.row(n++, o.name(), messages.get("Field." + o.field()));
            }
            w.footer(messages.get("acceptance.transition.total"), r.laggingTwice().size());
            w.finish(out);
        } finally {
            if (w != null) {
                w.close();
            }
        }
        return new Workbook(r.unitName() + r.year() + "年度等次变化.xlsx", out.toByteArray());
    }

    /** One matrix's sheet: its name, title, the corner label, and the labels of those missing a grade. */
    private record Sheet(String name, TransitionMatrix matrix, String title, String corner, String columnsLabel,
                         String undecided, String notBefore) {
    }
}
