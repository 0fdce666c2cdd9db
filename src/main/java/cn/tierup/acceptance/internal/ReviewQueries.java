package cn.tierup.acceptance.internal;

import cn.tierup.acceptance.YearEndReviewStatus;
import cn.tierup.grading.Grade;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who has a year-end review and where each stands: the organisations with a decided 年初定级 grade
 * ({@code decided_grade_view}, grading's) — their authority is the one that decided it — with the review if one was
 * made, and their names from the organisation tree.
 */
@Component
public class ReviewQueries {

    private final JdbcClient jdbc;

    ReviewQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One organisation graded at the start of the year: its 年初定级 and the authority that decided it. */
    public record Subject(long organizationId, String name, String path, String field, long authorityId,
                          String authorityName, String authorityPath, String startGrade, Grade startLevel,
                          LocalDateTime startDecidedAt, long members) {
    }

    /** A line of an authority's list. */
    public record Row(long organizationId, String name, String field, String parentName, String startGrade,
                      Grade startLevel, YearEndReviewStatus status, String proposedGrade, boolean handedInLate,
                      LocalDateTime handedInAt, String decidedGrade, Grade decidedLevel, String decisionReason,
                      String decidedBy, LocalDateTime decidedAt) {
    }

    private static final String SUBJECT = "select o.id, o.name, o.path, d.field, d.authority_organization_id, a.name as aname,"
            + " a.path as apath, d.grade, d.level, d.decided_at,"
            + " (select count(*) from member_roll_view m where m.organization_id = o.id and m.status = 'ACTIVE'"
            + " and m.category in ('FULL', 'PROBATIONARY')) as members"
            + " from decided_grade_view d join org_tree_view o on o.id = d.organization_id"
            + " join org_tree_view a on a.id = d.authority_organization_id";

    public Optional<Subject> subject(long campaignId, long organizationId) {
        return jdbc.sql(SUBJECT + " where d.campaign_id = :c and d.organization_id = :o")
                .param("c", campaignId).param("o", organizationId)
                .query((rs, n) -> new Subject(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), Grade.valueOf(rs.getString(9)),
                        rs.getTimestamp(10).toLocalDateTime(), rs.getLong(11)))
                .optional();
    }

    /**
     * The organisations an authority decided the 年初定级 of, with their review's state; filters by state
     * ("NOT_STARTED" for none yet), field and part of the name. Ordered by the tree's sort key (pinyin).
     */
    public List<Row> forAuthority(long campaignId, long authorityId, String status, String field, String name) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("c", campaignId);
        p.put("a", authorityId);
        StringBuilder where = new StringBuilder(" where d.campaign_id = :c and d.authority_organization_id = :a");
        if (status != null && !status.isBlank()) {
            if ("NOT_STARTED".equals(status)) {
                where.append(" and r.id is null");
            } else {
                where.append(" and r.status = :status");
                p.put("status", status);
            }
        }
        if (field != null && !field.isBlank()) {
            where.append(" and d.field = :field");
            p.put("field", field);
        }
        if (name != null && !name.isBlank()) {
            where.append(" and o.name like :name");
            p.put("name", "%" + name.strip() + "%");
        }
        return jdbc.sql("select o.id, o.name, d.field, par.name as parent_name, d.grade, d.level, r.status, r.proposed_grade,"
                        + " r.handed_in_late, r.handed_in_at, r.decided_grade, r.decided_level, r.decision_reason, r.decided_by,"
                        + " r.decided_at"
                        + " from decided_grade_view d join org_tree_view o on o.id = d.organization_id"
                        + " left join org_tree_view par on par.id = o.parent_id"
                        + " left join acceptance_review r on r.campaign_id = d.campaign_id and r.organization_id = d.organization_id"
                        + where + " order by o.sort_key, o.path")
                .params(p)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        Grade.valueOf(rs.getString(6)),
                        rs.getString(7) == null ? null : YearEndReviewStatus.valueOf(rs.getString(7)), rs.getString(8),
                        rs.getBoolean(9), time(rs.getTimestamp(10)), rs.getString(11),
                        rs.getString(12) == null ? null : Grade.valueOf(rs.getString(12)), rs.getString(13),
                        rs.getString(14), time(rs.getTimestamp(15))))
                .list();
    }

    /** Of the given organisations, those graded at the start of the year, with the authority that graded each. */
    public Map<Long, Long> gradedAmong(long campaignId, List<Long> organizationIds) {
        Map<Long, Long> out = new LinkedHashMap<>();
        jdbc.sql("select organization_id, authority_organization_id from decided_grade_view where campaign_id = :c"
                        + " and organization_id in (:ids)").param("c", campaignId).param("ids", organizationIds)
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getLong(2));
                });
        return out;
    }

    /** A handed-in review waiting for its authority's decision. */
    public record Pending(long authorityId, long organizationId, String name, LocalDateTime handedInAt) {
    }

    /** The reviews handed in to any of the given authorities and not yet decided, in the tree's order. */
    public List<Pending> pendingFor(long campaignId, List<Long> authorityIds) {
        return jdbc.sql("select r.authority_organization_id, r.organization_id, o.name, r.handed_in_at from acceptance_review r"
                        + " join org_tree_view o on o.id = r.organization_id where r.campaign_id = :c and r.status = 'SUBMITTED'"
                        + " and r.authority_organization_id in (:ids) order by o.sort_key, o.path")
                .param("c", campaignId).param("ids", authorityIds)
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getLong(2), rs.getString(3), time(rs.getTimestamp(4))))
                .list();
    }

    public String name(long organizationId) {
        return jdbc.sql("select name from org_tree_view where id = :id").param("id", organizationId).query(String.class)
                .optional().orElse("");
    }

    private static LocalDateTime time(java.sql.Timestamp t) {
        return t == null ? null : t.toLocalDateTime();
    }
}
