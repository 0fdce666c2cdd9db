package cn.tierup.station;

import cn.tierup.station.internal.StationRepository;
import cn.tierup.station.internal.StationSessionRepository;
import cn.tierup.testsupport.OwnTown;
import cn.tierup.testsupport.TestUsers;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * A town of a test's own with stations and their learning sessions put straight into the station module's
 * repositories (the registry's pages are not the survey tests' subject).
 */
final class SurveyTown extends OwnTown {

    final StationRepository stations;
    final StationSessionRepository sessions;

    SurveyTown(MockMvc mvc, TestUsers users, JdbcClient jdbc, JsonMapper json, StationRepository stations,
               StationSessionRepository sessions, String name) throws Exception {
        super(mvc, users, jdbc, json, name);
        this.stations = stations;
        this.sessions = sessions;
    }

    Station station(long host, String name, TerminalKind kind, StationStatus status, String funding, LocalDate openedOn) {
        return stations.saveAndFlush(new Station(host, new StationDetails(name, name + "村委会二楼", kind, "电视机、卫星接收设备",
                EquipmentCondition.GOOD, "李桂芳", null, "每周二、四下午", new BigDecimal(funding), "县级财政",
                openedOn, status), "test", LocalDateTime.now()));
    }

    StationSession session(Station s, LocalDate on, int partyMembers, int publicAttendees) {
        return sessions.saveAndFlush(new StationSession(s, new StationSession.Particulars(on, "学习党的十七届五中全会精神",
                SessionKind.GROUP_STUDY, partyMembers, publicAttendees), "test", LocalDateTime.now()));
    }
}
