package cn.tierup.acceptance.web;

import cn.tierup.acceptance.YearEndReviews;
import cn.tierup.acceptance.internal.ReviewQueries.Row;
import cn.tierup.identity.People;
import cn.tierup.shared.Messages;
import cn.tierup.shared.xlsx.XlsxSheetWriter;
import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Component;

/** The authority's list of year-end reviews as .xlsx, under the same filters as the page: every line, names not logins. */
@Component
class ReviewTable {

    static final String TITLE = "自查初评和年末审定情况";
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final YearEndReviews reviews;
    private final People people;
    private final Messages messages;

    ReviewTable(YearEndReviews reviews, People people, Messages messages) {
        this.reviews = reviews;
        this.people = people;
        this.messages = messages;
    }

    byte[] write(long campaign, long authority, String status, String field, String name) {
        List<Row> rows = reviews.list(campaign, authority, status, field, name);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var w = new XlsxSheetWriter(TITLE, reviews.name(authority) + " " + TITLE,
                "导出时间：" + LocalDateTime.now().format(MINUTES) + "　　共 " + rows.size() + " 个党组织",
                List.of("党组织", "上级党组织", "领域", "年初定级", "自查初评", "提交时间", "逾期", "党员大会初评等次", "年末审定等次",
                        "审定理由", "审定人", "审定时间"),
                new int[] {32, 24, 10, 10, 10, 18, 6, 14, 14, 40, 12, 18})) {
            for (Row r : rows) {
                w.row(r.name(), r.parentName(), messages.get("Field." + r.field()), r.startGrade(),
                        messages.get("acceptance.review.status." + (r.status() == null ? "NOT_STARTED" : r.status().name())),
                        r.handedInAt() == null ? null : r.handedInAt().format(MINUTES), r.handedInAt() == null ? null : r.handedInLate(),
                        r.proposedGrade(), r.decidedGrade(), r.decisionReason(),
                        r.decidedBy() == null ? null : people.name(r.decidedBy()),
                        r.decidedAt() == null ? null : r.decidedAt().format(MINUTES));
            }
            w.finish(out);
        }
        return out.toByteArray();
    }
}
