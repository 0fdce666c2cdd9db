package cn.tierup.web;

import cn.tierup.testsupport.IntegrationTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Browsers ask every site for its icon: the login page, public pages and the icon itself answer without signing in. */
@IntegrationTest
class FaviconIT {

    @Autowired MockMvc mvc;

    @Test
    void theIconIsServedToAnyoneAndEveryPageLinksIt() throws Exception {
        var icon = mvc.perform(get("/favicon.ico")).andReturn().getResponse();
        assertThat(icon.getStatus()).isEqualTo(200);
        byte[] bytes = icon.getContentAsByteArray();
        assertThat(bytes.length).isGreaterThan(22);
        assertThat(new byte[] {bytes[0], bytes[1], bytes[2], bytes[3]}).as("an icon file's header").containsExactly(0, 0, 1, 0);

        String login = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(login).contains("<link rel=\"icon\" href=\"/favicon.ico\">");
        String unknownBallot = mvc.perform(get("/q/v/nosuchballot")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(unknownBallot).contains("<link rel=\"icon\" href=\"/favicon.ico\">");
    }
}
