package cn.tierup.organization.internal;

import cn.tierup.organization.Field;
import cn.tierup.organization.OrgKind;
import cn.tierup.organization.UnitType;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The organisation list for the spreadsheet export. Rows are handed over one at a time as the result set is
 * read, so a province-wide export never holds the whole list in memory.
 */
@Repository
public class ExportQueries {

    private final JdbcClient jdbc;

    public ExportQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    private static LocalDate date(java.sql.Date d) {
        return d == null ? null : d.toLocalDate();
    }

    /** One organisation as exported; {@code encryptedPhone} is the stored cipher text. */
    public record OrganizationRow(String name, String parentName, OrgKind kind, Field field, String secretary,
                                  String contactPerson, String encryptedPhone, UnitType unitType, String unitName,
                                  LocalDate establishedOn, LocalDate lastElectionOn, String authorityName,
                                  long memberCount, boolean retired, Integer sortOrder) {
    }
}
