package cn.tierup.organization.internal;

import cn.tierup.organization.Education;
import cn.tierup.organization.Field;
import cn.tierup.organization.MemberCategory;
import cn.tierup.organization.MemberStatus;
import cn.tierup.organization.OrgKind;
import cn.tierup.organization.Sex;
import cn.tierup.organization.UnitType;
import cn.tierup.shared.internal.StreamingJdbc;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The organisation list and the member roll for the spreadsheet exports: one query each, its rows handed over
 * one at a time as the result set is read, so a province-wide export never holds the list in memory. Called
 * inside a read-only transaction, PostgreSQL then reads the result {@value #FETCH_SIZE} rows at a time through
 * a cursor (its driver only does so with auto-commit off and a fetch size; otherwise it reads every row first).
 */
@Repository
public class ExportQueries {

    /** Rows per round trip while streaming. */
    static final int FETCH_SIZE = StreamingJdbc.FETCH_SIZE;

    private final JdbcClient jdbc;

    public ExportQueries(DataSource dataSource) {
        this.jdbc = StreamingJdbc.client(dataSource);
    }

    /**
     * Every organisation under {@code pathPrefix} matching the filters (each may be null), in tree order.
     * The contact phone comes as stored (encrypted): whoever writes it out decides how much to show.
     */
    public void eachOrganization(String pathPrefix, String nameContains, Field field, OrgKind kind, boolean includeRetired,
                                 Consumer<OrganizationRow> each) {
        StringBuilder sql = new StringBuilder("select o.*, p.name as parent_name, a.name as authority_name, "
                + "(select count(*) from member m where m.organization_id = o.id and m.status = 'ACTIVE'"
                + " and m.category in ('FULL', 'PROBATIONARY')) as member_count"
                + " from organization o left join organization p on p.id = o.parent_id"
                + " left join organization a on a.id = o.grading_authority_id where o.path like :prefix");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("prefix", pathPrefix + "%");
        if (nameContains != null) {
            sql.append(" and o.name like :q");
            params.put("q", "%" + nameContains + "%");
        }
        if (field != null) {
            sql.append(" and o.field = :field");
            params.put("field", field.name());
        }
        if (kind != null) {
            sql.append(" and o.kind = :kind");
            params.put("kind", kind.name());
        }
        if (!includeRetired) {
            sql.append(" and o.retired = false");
        }
        sql.append(" order by o.sort_key, o.path");
        jdbc.sql(sql.toString()).params(params).query((java.sql.ResultSet rs) -> each.accept(new OrganizationRow(
                rs.getString("name"), rs.getString("parent_name"), OrgKind.valueOf(rs.getString("kind")),
                Field.valueOf(rs.getString("field")), rs.getString("secretary"), rs.getString("contact_person"),
                rs.getString("contact_phone"),
                rs.getString("unit_type") == null ? null : UnitType.valueOf(rs.getString("unit_type")),
                rs.getString("unit_name"), date(rs.getDate("established_on")), date(rs.getDate("last_election_on")),
                rs.getString("authority_name"), rs.getLong("member_count"), rs.getBoolean("retired"),
                rs.getObject("sort_order") == null ? null : rs.getInt("sort_order"))));
    }

    /**
     * The roll of one organisation ({@code organizationId}) or of everything under {@code pathPrefix} (exactly one
     * is given), filtered like the roll's list, in its order: by organisation, then by the name's pinyin key. The
     * ID number and phone come as stored (encrypted).
     */
    public void eachMember(Long organizationId, String pathPrefix, String nameContains, MemberCategory category,
                           MemberStatus status, Consumer<MemberRow> each) {
        StringBuilder sql = new StringBuilder("select m.id, m.organization_id, o.name as organization_name, m.name, m.sex,"
                + " m.ethnicity, m.birth_date, m.education, m.category, m.activist_on, m.development_target_on,"
                + " m.joined_on, m.regularized_on, m.retired, m.floating, m.in_difficulty, m.id_number, m.phone"
                + " from member m join organization o on o.id = m.organization_id where m.status = :status");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("status", status.name());
        if (pathPrefix != null) {
            sql.append(" and o.path like :prefix");
            params.put("prefix", pathPrefix + "%");
        } else {
            sql.append(" and m.organization_id = :org");
            params.put("org", organizationId);
        }
        if (nameContains != null) {
            sql.append(" and m.name like :q");
            params.put("q", "%" + nameContains + "%");
        }
        if (category != null) {
            sql.append(" and m.category = :category");
            params.put("category", category.name());
        }
        sql.append(" order by m.organization_id, m.name_key, m.name, m.id");
        jdbc.sql(sql.toString()).params(params).query((java.sql.ResultSet rs) -> each.accept(new MemberRow(
                rs.getLong("id"), rs.getLong("organization_id"), rs.getString("organization_name"), rs.getString("name"),
                rs.getString("sex") == null ? null : Sex.valueOf(rs.getString("sex")), rs.getString("ethnicity"),
                date(rs.getDate("birth_date")),
                rs.getString("education") == null ? null : Education.valueOf(rs.getString("education")),
                MemberCategory.valueOf(rs.getString("category")), date(rs.getDate("activist_on")),
                date(rs.getDate("development_target_on")), date(rs.getDate("joined_on")),
                date(rs.getDate("regularized_on")), rs.getBoolean("retired"), rs.getBoolean("floating"),
                rs.getBoolean("in_difficulty"), rs.getString("id_number"), rs.getString("phone"))));
    }

    private static LocalDate date(java.sql.Date d) {
        return d == null ? null : d.toLocalDate();
    }

    /** One organisation as exported; {@code encryptedPhone} is the stored cipher text. */
    public record OrganizationRow(String name, String parentName, OrgKind kind, Field field, String secretary,
                                  String contactPerson, String encryptedPhone, UnitType unitType, String unitName,
                                  LocalDate establishedOn, LocalDate lastElectionOn, String authorityName,
                                  long memberCount, boolean retired, Integer sortOrder) {
    }

    /** One person as exported; {@code encryptedIdNumber} and {@code encryptedPhone} are the stored cipher texts. */
    public record MemberRow(long id, long organizationId, String organizationName, String name, Sex sex, String ethnicity,
                            LocalDate birthDate, Education education, MemberCategory category, LocalDate activistOn,
                            LocalDate developmentTargetOn, LocalDate joinedOn, LocalDate regularizedOn, boolean retired,
                            boolean floating, boolean inDifficulty, String encryptedIdNumber, String encryptedPhone) {
    }
}
