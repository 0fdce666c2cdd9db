package cn.tierup.organization.internal;

import cn.tierup.organization.Member;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes many new roll entries at once (an import) with JDBC batches in the caller's transaction. The entries are
 * {@link Member} aggregates made by their constructor (so the same rules and normalisation as a form's), written
 * column by column as JPA would, personal data encrypted as {@link EncryptedStringConverter} does.
 */
@Component
public class MemberRollWriter {

    private static final String INSERT = "insert into member (id, organization_id, name, name_key, sex, ethnicity,"
            + " birth_date, education, category, activist_on, development_target_on, joined_on, regularized_on, retired,"
            + " floating, in_difficulty, id_number, id_number_hash, phone, status, version, created_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', 0, ?)";
    /** The sequence's increment, which Hibernate's pooled optimizer reads as a block size (Member's allocationSize). */
    private static final int BLOCK = 50;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    MemberRollWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** Which of these ID-number hashes an active roll entry already has. */
    public Set<String> activeIdHashesAmong(Collection<String> hashes) {
        if (hashes.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(named.queryForList("select id_number_hash from member where status = 'ACTIVE'"
                + " and id_number_hash in (:hashes)", java.util.Map.of("hashes", hashes), String.class));
    }

    /**
     * {@code n} new ids from the member sequence, taken as Hibernate's pooled optimizer takes them (a value v is the
     * top of the block v-49..v), so they never meet ids the application hands out through JPA.
     */
    public long[] ids(int n) {
        long[] ids = new long[n];
        int filled = 0;
        while (filled < n) {
            long top = jdbc.queryForObject("select nextval('member_seq')", Long.class);
            if (top < BLOCK) {
                continue; // the sequence's first value: JPA reads it as the start of its own first block
            }
            for (long id = top - BLOCK + 1; id <= top && filled < n; id++) {
                ids[filled++] = id;
            }
        }
        return ids;
    }

    /** Inserts the entries with their ids (same order), ID number and phone given already encrypted. */
    public void insert(List<Member> members, long[] ids, List<String> idNumbers, List<String> phones, LocalDateTime at) {
        Timestamp created = Timestamp.valueOf(at);
        jdbc.batchUpdate(INSERT, new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Member m = members.get(i);
                ps.setLong(1, ids[i]);
                ps.setLong(2, m.getOrganizationId());
                ps.setString(3, m.getName());
                ps.setString(4, m.getNameKey());
                ps.setString(5, m.getSex().name());
                ps.setString(6, m.getEthnicity());
                date(ps, 7, m.getBirthDate());
                ps.setString(8, m.getEducation() == null ? null : m.getEducation().name());
                ps.setString(9, m.getCategory().name());
                date(ps, 10, m.getActivistOn());
                date(ps, 11, m.getDevelopmentTargetOn());
                date(ps, 12, m.getJoinedOn());
                date(ps, 13, m.getRegularizedOn());
                ps.setBoolean(14, m.isRetired());
                ps.setBoolean(15, m.isFloating());
                ps.setBoolean(16, m.isInDifficulty());
                ps.setString(17, idNumbers.get(i));
                ps.setString(18, m.getIdNumberHash());
                ps.setString(19, phones.get(i));
                ps.setTimestamp(20, created);
            }

            @Override
            public int getBatchSize() {
                return members.size();
            }
        });
    }

    private static void date(PreparedStatement ps, int index, LocalDate d) throws SQLException {
        if (d == null) {
            ps.setNull(index, Types.DATE);
        } else {
            ps.setDate(index, Date.valueOf(d));
        }
    }
}
