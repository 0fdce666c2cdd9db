package cn.tierup.survey.internal;

import cn.tierup.survey.HostedStation;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stations an organisation hosts, from the registry's published view (the station table is not survey's). */
@Repository
public class HostedStations {

    private final JdbcClient jdbc;

    public HostedStations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<HostedStation> of(long organizationId) {
        return jdbc.sql("select station_id, name from station_register_view where host_organization_id = :o"
                        + " order by name_key, station_id")
                .param("o", organizationId)
                .query((rs, n) -> new HostedStation(rs.getLong("station_id"), rs.getString("name"))).list();
    }
}
