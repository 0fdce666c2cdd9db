package cn.tierup.web;

import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

import static org.assertj.core.api.Assertions.assertThat;

/** Which parameters a page reads, as the year keeper and the address help see them. */
class AddressHelpTest {

    static class Pages {
        String page(@RequestParam long campaign, @RequestParam(required = false) Long org) {
            return "";
        }

        String named(@RequestParam("campaign") long id) {
            return "";
        }

        String other(@RequestParam(required = false) Integer year) {
            return "";
        }
    }

    @Test
    void aPageReadsTheParametersItsHandlerNames() throws Exception {
        Pages pages = new Pages();
        HandlerMethod page = new HandlerMethod(pages, Pages.class.getDeclaredMethod("page", long.class, Long.class));
        HandlerMethod named = new HandlerMethod(pages, Pages.class.getDeclaredMethod("named", long.class));
        HandlerMethod other = new HandlerMethod(pages, Pages.class.getDeclaredMethod("other", Integer.class));
        assertThat(AddressHelp.reads(page, "campaign")).isTrue();
        assertThat(AddressHelp.reads(page, "org")).isTrue();
        assertThat(AddressHelp.reads(named, "campaign")).isTrue();
        assertThat(AddressHelp.reads(other, "campaign")).isFalse();
    }
}
