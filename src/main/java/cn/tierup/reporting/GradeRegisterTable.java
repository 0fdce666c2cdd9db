package cn.tierup.reporting;

import cn.tierup.grading.GradeRegister;
import cn.tierup.identity.People;
import cn.tierup.shared.Messages;
import cn.tierup.shared.xlsx.XlsxSheetWriter;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 基层党组织分类管理台账 as .xlsx: the register's entries under the same filter as the page, every one
 * (not a page of them) with both grades of the year — 年初定级 and 年末审定 — and the people who decided shown by name.
 */
@Service
public class GradeRegisterTable {

    public static final String TITLE = "分类管理台账";

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int ALL = 100_000;

    private final GradeRegister register;
    private final People people;
    private final Messages messages;

    GradeRegisterTable(GradeRegister register, People people, Messages messages) {
        this.register = register;
        this.people = people;
        this.messages = messages;
    }

    /** Writes the entries {@code filter} selects; its page and size are ignored. */
    @Transactional(readOnly = true)
    public void write(GradeRegister.Query filter, OutputStream out) {
        var rows = register.find(new GradeRegister.Query(filter.year(), filter.field(), filter.under(), filter.level(),
                filter.name(), 0, ALL)).items();
        try (var w = new XlsxSheetWriter(TITLE, "基层党组织" + TITLE,
                "导出时间：" + LocalDateTime.now().format(MINUTES) + "　　共 " + rows.size() + " 条",
                List.of("年度", "党组织", "上级党组织", "领域", "自评等次", "评定等次", "类别", "评定组织", "评定人", "评定时间", "评定理由",
                        "年末审定等次", "年末类别", "审定组织", "审定人", "审定时间", "审定理由"),
                new int[] {8, 30, 24, 12, 10, 10, 8, 24, 12, 18, 40, 12, 8, 24, 12, 18, 40})) {
            for (var e : rows) {
                var y = e.yearEnd();
                w.row(e.year(), e.name(), e.parentName(), messages.get("Field." + e.field()), e.selfGrade(), e.grade(),
                        messages.label(e.level()), e.authorityName(), people.name(e.decidedBy()),
                        e.decidedAt().format(MINUTES), e.reason(),
                        y == null ? "尚未审定" : y.grade(), y == null ? null : messages.label(y.level()),
                        y == null ? null : y.authorityName(), y == null ? null : people.name(y.decidedBy()),
                        y == null ? null : y.decidedAt().format(MINUTES), y == null ? null : y.reason());
            }
            w.finish(out);
        }
    }
}
