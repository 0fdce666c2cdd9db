package cn.tierup.station;

import cn.tierup.testsupport.OwnTown;
import cn.tierup.testsupport.TestUsers;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** A town of a test's own with the registry's forms as the API takes them. */
final class StationTown extends OwnTown {

    StationTown(MockMvc mvc, TestUsers users, JdbcClient jdbc, JsonMapper json, String name) throws Exception {
        super(mvc, users, jdbc, json, name);
    }

    static Map<String, Object> station(Long host, String name, LocalDate openedOn) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hostOrganizationId", host);
        m.put("name", name);
        m.put("address", name.replace("远程教育站点", "") + "党群服务中心");
        m.put("terminalKind", "SATELLITE");
        m.put("equipment", "电视机、卫星接收器、电脑各 1 台");
        m.put("equipmentCondition", "GOOD");
        m.put("managerName", "周秀英");
        m.put("managerTrainedOn", "2023-04-18");
        m.put("openingHours", "周一至周五 9:00—17:00");
        m.put("yearlyFunding", 3000);
        m.put("fundingSource", "镇财政补助");
        m.put("openedOn", openedOn.toString());
        m.put("status", "IN_USE");
        return m;
    }

    static Map<String, Object> session(LocalDate on, String topic, String kind, Integer members, Integer publicCount) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("heldOn", on.toString());
        m.put("topic", topic);
        m.put("kind", kind);
        m.put("partyMembers", members);
        m.put("publicAttendees", publicCount);
        return m;
    }
}
