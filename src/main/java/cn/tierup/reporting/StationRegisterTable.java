package cn.tierup.reporting;

import cn.tierup.grading.Grade;
import cn.tierup.shared.xlsx.XlsxSheetWriter;
import cn.tierup.station.StationGradings;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Service;

/** The station register (远程教育站点分类台账) as .xlsx, with the filters of its page: both grades of each year. */
@Service
public class StationRegisterTable {

    public static final String TITLE = "远程教育站点分类台账";
    /** All the lines a register can have in one file, read a page at a time. */
    private static final int PAGE = 500;

    private final StationGradings gradings;

    StationRegisterTable(StationGradings gradings) {
        this.gradings = gradings;
    }

    public void write(long organizationId, Integer year, Grade level, String name, OutputStream out) {
        DateTimeFormatter minute = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        try (XlsxSheetWriter w = new XlsxSheetWriter("台账", TITLE, "生成时间：" + LocalDateTime.now().format(minute),
                List.of("年度", "站点名称", "承办党组织", "自评得分", "满分", "自评等次", "评定等次", "评定人", "评定时间", "评定理由",
                        "年末自评得分", "年末自评等次", "年末审定等次", "年末评定人", "年末评定时间", "年末评定理由"),
                new int[] {8, 28, 28, 10, 8, 10, 10, 12, 18, 36, 10, 10, 10, 12, 18, 36})) {
            w.wrap(9, 15);
            int page = 0;
            while (true) {
                var rows = gradings.register(organizationId, year, level, name, page, PAGE);
                for (var e : rows.items()) {
                    w.row(e.year(), e.stationName(), e.hostName(), e.scoreTotal(), e.scoreMaximum(), e.proposedGrade(),
                            e.decidedGrade(), e.decidedByName(), e.decidedAt() == null ? null : e.decidedAt().format(minute),
                            e.reason(), e.endScoreTotal(), e.endProposedGrade(), e.endGrade() == null ? "尚未年末审定" : e.endGrade(),
                            e.endDecidedByName(), e.endDecidedAt() == null ? null : e.endDecidedAt().format(minute), e.endReason());
                }
                if (!rows.hasNext()) {
                    break;
                }
                page++;
            }
            w.note("注：每个站点历年经评定组织评定的年初定级和年末审定等次，取自站点分类记录；撤回的评定不列入；类别按年初定级筛选。");
            w.finish(out);
        }
    }
}
