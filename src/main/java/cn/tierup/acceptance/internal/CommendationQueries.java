package cn.tierup.acceptance.internal;

import cn.tierup.acceptance.CommendationKind;
import cn.tierup.acceptance.CommendationLevel;
import cn.tierup.acceptance.CommendationPolicy.LatestGrade;
import cn.tierup.acceptance.CommendationPolicy.Person;
import cn.tierup.acceptance.CommendationPolicy.Place;
import cn.tierup.grading.Grade;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the commendation rules and lists read: organisations and rolls through the organization module's published
 * views, the year's grades through grading's 年初定级 view and this module's 年末审定 view, and the commendations
 * themselves with the names a reader needs.
 */
@Component
public class CommendationQueries {

    private final JdbcClient jdbc;

    CommendationQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One line of a list: the commendation with the names of the superior and of the honoured. */
    public record Row(long id, long campaignId, int year, long awardedBy, String awardedByName, CommendationKind kind,
                      long organizationId, String organizationName, Long memberId, String memberName,
                      CommendationLevel level, LocalDate awardedOn, String documentNumber, String citation,
                      String withdrawnReason, long version) {

        public boolean withdrawn() {
            return withdrawnReason != null;
        }

        /** Who was honoured: the person (with their organisation) or the organisation. */
        public String honouredName() {
            return memberName != null ? memberName : organizationName;
        }
    }

    public Optional<Place> place(long organizationId) {
        return jdbc.sql("select id, name, path, kind, retired from org_tree_view where id = :id").param("id", organizationId)
                .query((rs, n) -> new Place(rs.getLong("id"), rs.getString("name"), rs.getString("path"),
                        "BRANCH".equals(rs.getString("kind")), rs.getBoolean("retired")))
                .optional();
    }

    /** The 年末审定 grade of the organisation in the campaign if decided, else its 年初定级, else none. */
    public Optional<LatestGrade> latestGrade(long campaignId, long organizationId) {
        Optional<LatestGrade> yearEnd = jdbc.sql("select grade, level from year_end_grade_view where campaign_id = :c"
                        + " and organization_id = :o").param("c", campaignId).param("o", organizationId)
                .query((rs, n) -> new LatestGrade(rs.getString(1), Grade.valueOf(rs.getString(2)), true)).optional();
        if (yearEnd.isPresent()) {
            return yearEnd;
        }
        return jdbc.sql("select grade, level from decided_grade_view where campaign_id = :c and organization_id = :o")
                .param("c", campaignId).param("o", organizationId)
                .query((rs, n) -> new LatestGrade(rs.getString(1), Grade.valueOf(rs.getString(2)), false)).optional();
    }

    /** A person on a roll, with the organisation whose roll it is. */
    public Optional<Person> person(long memberId) {
        return jdbc.sql("select m.name, m.status, m.category, o.id, o.name as org_name, o.path, o.kind, o.retired"
                        + " from member_roll_view m join org_tree_view o on o.id = m.organization_id where m.id = :id")
                .param("id", memberId)
                .query((rs, n) -> new Person(rs.getString("name"), !"LEFT".equals(rs.getString("status")),
                        "FULL".equals(rs.getString("category")) || "PROBATIONARY".equals(rs.getString("category")),
                        new Place(rs.getLong("id"), rs.getString("org_name"), rs.getString("path"),
                                "BRANCH".equals(rs.getString("kind")), rs.getBoolean("retired"))))
                .optional();
    }

    /** The campaign's year, and the root of its tree. */
    public int year(long campaignId) {
        return jdbc.sql("select campaign_year from campaign_year_view where id = :id").param("id", campaignId)
                .query(Integer.class).single();
    }

    /** The organisations of a subtree, the top one first, in the tree's order (not retired). */
    public List<Place> subtree(String path) {
        return jdbc.sql("select id, name, path, kind, retired from org_tree_view where path like :p and retired = false"
                        + " order by sort_key, path").param("p", path + "%")
                .query((rs, n) -> new Place(rs.getLong("id"), rs.getString("name"), rs.getString("path"),
                        "BRANCH".equals(rs.getString("kind")), rs.getBoolean("retired")))
                .list();
    }

    /** The people still on an organisation's roll with this name. */
    public List<Long> onRollNamed(long organizationId, String name) {
        return jdbc.sql("select id from member_roll_view where organization_id = :o and name = :n and status <> 'LEFT'"
                        + " order by id").param("o", organizationId).param("n", name).query(Long.class).list();
    }

    /** Organisations under one whose 年初定级 in the campaign is 先进, in the tree's order (for the demo's honours). */
    public List<Long> advancedUnder(long campaignId, String path, int limit) {
        return jdbc.sql("select o.id from org_tree_view o join decided_grade_view g on g.organization_id = o.id"
                        + " and g.campaign_id = :c where o.path like :p and g.level = 'ADVANCED' and o.retired = false"
                        + " order by o.sort_key, o.path").param("c", campaignId).param("p", path + "%_")
                .query(Long.class).list().stream().limit(limit).toList();
    }

    /** Full members still on the rolls under an organisation, one per roll, in the tree's order (for the demo's honours). */
    public List<Long> fullMembersUnder(String path, int limit) {
        List<long[]> found = jdbc.sql("select m.id, m.organization_id from member_roll_view m join org_tree_view o"
                        + " on o.id = m.organization_id where o.path like :p and m.status = 'ACTIVE' and m.category = 'FULL'"
                        + " order by o.sort_key, o.path, m.name_key, m.id").param("p", path + "%")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        java.util.Set<Long> rolls = new java.util.HashSet<>();
        return found.stream().filter(f -> rolls.add(f[1])).map(f -> f[0]).limit(limit).toList();
    }

    private static final String SELECT = "select c.id, c.campaign_id, y.campaign_year, c.awarded_by_organization_id,"
            + " a.name as awarder_name, c.kind, c.organization_id, o.name as org_name, c.member_id, c.member_name,"
            + " c.honour_level, c.awarded_on, c.document_number, c.citation, c.withdrawn_reason, c.version"
            + " from acceptance_commendation c join campaign_year_view y on y.id = c.campaign_id"
            + " join org_tree_view a on a.id = c.awarded_by_organization_id join org_tree_view o on o.id = c.organization_id";

    /** What one superior honoured in a campaign, of one kind or all, withdrawn ones too when asked. */
    public List<Row> awardedBy(long campaignId, long awarderId, CommendationKind kind, boolean withWithdrawn) {
        return jdbc.sql(SELECT + " where c.campaign_id = :c and c.awarded_by_organization_id = :a"
                        + (kind == null ? "" : " and c.kind = :k") + (withWithdrawn ? "" : " and c.withdrawn_at is null")
                        + " order by c.awarded_on, c.id")
                .param("c", campaignId).param("a", awarderId).params(kind == null ? java.util.Map.of() : java.util.Map.of("k", kind.name()))
                .query(CommendationQueries::row).list();
    }

    /** The honours standing for an organisation (itself, or a person on its roll), every year. */
    public List<Row> ofOrganization(long organizationId) {
        return jdbc.sql(SELECT + " where c.organization_id = :o and c.withdrawn_at is null order by c.awarded_on desc, c.id")
                .param("o", organizationId).query(CommendationQueries::row).list();
    }

    /** The honours standing for a person, every year. */
    public List<Row> ofMember(long memberId) {
        return jdbc.sql(SELECT + " where c.member_id = :m and c.withdrawn_at is null order by c.awarded_on desc, c.id")
                .param("m", memberId).query(CommendationQueries::row).list();
    }

    public Optional<Row> one(long id) {
        return jdbc.sql(SELECT + " where c.id = :id").param("id", id).query(CommendationQueries::row).optional();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        long m = rs.getLong("member_id");
        Long member = rs.wasNull() ? null : m;
        return new Row(rs.getLong("id"), rs.getLong("campaign_id"), rs.getInt("campaign_year"),
                rs.getLong("awarded_by_organization_id"), rs.getString("awarder_name"),
                CommendationKind.valueOf(rs.getString("kind")), rs.getLong("organization_id"), rs.getString("org_name"),
                member, rs.getString("member_name"),
                CommendationLevel.valueOf(rs.getString("honour_level")), rs.getDate("awarded_on").toLocalDate(),
                rs.getString("document_number"), rs.getString("citation"), rs.getString("withdrawn_reason"),
                rs.getLong("version"));
    }
}
