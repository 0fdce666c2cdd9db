package cn.tierup.web;

import cn.tierup.shared.OfficeTimeZone;
import cn.tierup.testsupport.DemoCity;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Times are recorded and shown in China Standard Time whatever zone the server's clock is in (this build's
 * machines run on UTC, eight hours behind): a change made now shows in the audit trail at Beijing's hour.
 */
@IntegrationTest
class OfficeTimeZoneIT {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired DemoCity city;
    @Autowired JsonMapper json;

    @Test
    void aChangeMadeNowShowsAtBeijingsHourInTheAuditTrail() throws Exception {
        assertThat(TimeZone.getDefault().getID()).isEqualTo(OfficeTimeZone.DEFAULT);
        DateTimeFormatter hour = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:");
        String before = ZonedDateTime.now(BEIJING).format(hour);
        String username = "tz" + Long.toString(System.nanoTime(), 36);
        var created = mvc.perform(post("/api/accounts").with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("username", username, "displayName", "时区核对员",
                        "organizationId", city.orgId("中共彭州市委员会"), "role", "MEMBER", "password", "Zone2026pass", "enabled", true))))
                .andReturn().getResponse();
        assertThat(created.getStatus()).as(created.getContentAsString(StandardCharsets.UTF_8)).isIn(200, 201);
        String after = ZonedDateTime.now(BEIJING).format(hour);

        String page = mvc.perform(get("/audit").with(users.as("admin"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        int row = page.indexOf(username);
        assertThat(row).as("the new account in the audit trail").isPositive();
        String shown = page.substring(page.lastIndexOf("<tr", row), row);
        assertThat(shown).containsAnyOf(before, after);
    }
}
