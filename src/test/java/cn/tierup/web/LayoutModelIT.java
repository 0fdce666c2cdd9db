package cn.tierup.web;

import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The layout's model (the user, the address, the menu's campaign, the year switcher) is prepared for the pages that
 * draw the layout, and only for them: a resident's questionnaire or ballot page and the JSON API go without it.
 */
@IntegrationTest
class LayoutModelIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;

    @Test
    void aSignedInPageHasTheLayoutsModelThePublicPagesAndTheApiDoNot() throws Exception {
        MvcResult page = mvc.perform(get("/orgs").with(users.as("admin"))).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(page.getModelAndView().getModel()).containsKeys("me", "requestPath", "menuCampaign", "yearSwitch");
        assertThat(page.getResponse().getContentAsString()).contains("王组织");

        for (String bare : new String[] {"/q/no-such-questionnaire", "/q/v/no-such-ballot"}) {
            MvcResult open = mvc.perform(get(bare)).andReturn();
            assertThat(open.getResponse().getStatus()).as(bare).isEqualTo(404);
            assertThat(open.getModelAndView()).as(bare + " is a page").isNotNull();
            assertThat(open.getModelAndView().getModel()).as(bare)
                    .doesNotContainKeys("me", "requestPath", "menuCampaign", "yearSwitch");
        }

        MvcResult api = mvc.perform(get("/api/campaigns").with(users.as("admin"))).andReturn();
        assertThat(api.getResponse().getStatus()).isEqualTo(200);
        assertThat(api.getModelAndView()).as("the API renders no view").isNull();
    }
}
