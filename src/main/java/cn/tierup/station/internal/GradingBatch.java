package cn.tierup.station.internal;

import cn.tierup.station.StationGrading;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Many station gradings written at once (the demo's earlier years, hundreds a year): one batched statement instead of
 * a round trip per row, for gradings already taken through {@link StationGrading}'s steps and rules.
 */
@Component
public class GradingBatch {

    private static final StationScoreSheetConverter SHEETS = new StationScoreSheetConverter();

    private final JdbcTemplate jdbc;

    GradingBatch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(List<StationGrading> gradings) {
        jdbc.batchUpdate("insert into station_grading (campaign_id, station_id, host_organization_id, scheme_id, status,"
                        + " score_sheet, score_total, score_maximum, vetoes_hit, proposed_grade, proposed_level, statement,"
                        + " assessed_by, assessed_by_name, assessed_at, submitted_at, decided_grade, decided_level,"
                        + " decision_reason, decided_by, decided_by_name, decided_at, authority_organization_id,"
                        + " created_at, updated_at, grading_round, version)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                gradings, 500, (ps, g) -> {
                    ps.setLong(1, g.getCampaignId());
                    ps.setLong(2, g.getStationId());
                    ps.setLong(3, g.getHostOrganizationId());
                    ps.setLong(4, g.getSchemeId());
                    ps.setString(5, g.getStatus().name());
                    ps.setString(6, SHEETS.convertToDatabaseColumn(g.getScoreSheet()));
                    ps.setObject(7, g.getScoreTotal(), Types.INTEGER);
                    ps.setObject(8, g.getScoreMaximum(), Types.INTEGER);
                    ps.setString(9, g.getVetoesHit());
                    ps.setString(10, g.getProposedGrade());
                    ps.setString(11, g.getProposedLevel() == null ? null : g.getProposedLevel().name());
                    ps.setString(12, g.getStatement());
                    ps.setString(13, g.getAssessedBy());
                    ps.setString(14, g.getAssessedByName());
                    ps.setTimestamp(15, time(g.getAssessedAt()));
                    ps.setTimestamp(16, time(g.getSubmittedAt()));
                    ps.setString(17, g.getDecidedGrade());
                    ps.setString(18, g.getDecidedLevel() == null ? null : g.getDecidedLevel().name());
                    ps.setString(19, g.getDecisionReason());
                    ps.setString(20, g.getDecidedBy());
                    ps.setString(21, g.getDecidedByName());
                    ps.setTimestamp(22, time(g.getDecidedAt()));
                    ps.setObject(23, g.getAuthorityOrganizationId(), Types.BIGINT);
                    ps.setTimestamp(24, time(g.getCreatedAt()));
                    ps.setTimestamp(25, time(g.getUpdatedAt()));
                    ps.setString(26, g.getRound().name());
                });
    }

    private static Timestamp time(LocalDateTime t) {
        return t == null ? null : Timestamp.valueOf(t);
    }
}
