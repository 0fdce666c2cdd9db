package cn.tierup.station.internal;

import cn.tierup.grading.SchemeUsers;
import cn.tierup.station.StationGradings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells grading when stations have been graded against a standard, so it stays fixed under their sheets. */
@Component
class StationSchemeUse implements SchemeUsers {

    private final JdbcClient jdbc;

    StationSchemeUse(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean gradedAgainst(long schemeId) {
        return jdbc.sql("select count(*) from station_grading where scheme_id = :s").param("s", schemeId)
                .query(Long.class).single() > 0;
    }

    @Override
    public boolean begun(long campaignId, String field) {
        return StationGradings.FIELD.equals(field) && jdbc.sql("select count(*) from station_grading where campaign_id = :c")
                .param("c", campaignId).query(Long.class).single() > 0;
    }
}
