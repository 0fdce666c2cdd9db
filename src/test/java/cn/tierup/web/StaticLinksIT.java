package cn.tierup.web;

import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.resource.CachingResourceResolver;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every page writes links to WebJars and to our own CSS and scripts. Looking each one up inside the jar on
 * every page took half of the server's time under load, and so did every other link (to an organisation, a
 * case…) while a static handler was mapped to /**. The lookups are made once and then come from the resource
 * chain's cache, links to pages are not looked up at all, and the files linked carry their version, so browsers
 * may keep them a year.
 */
@IntegrationTest
class StaticLinksIT {

    private static final Pattern LINK = Pattern.compile("(?:href|src)=\"(/(?:webjars|css|js)/[^\"]+)\"");

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired ResourceUrlProvider links;

    @Test
    void aPageRenderedAgainLooksUpNoStaticFile() throws Exception {
        assertThat(links.getHandlerMap()).as("the WebJars handler").containsKey("/webjars/**");
        // count the lookups that reach the jar: in every static handler, a counter sits just after any cache
        Counting counting = new Counting();
        for (ResourceHttpRequestHandler handler : links.getHandlerMap().values()) {
            List<ResourceResolver> resolvers = handler.getResourceResolvers();
            int at = 0;
            while (at < resolvers.size() && resolvers.get(at) instanceof CachingResourceResolver) {
                at++;
            }
            resolvers.add(at, counting);
        }
        try {
            String first = tree();
            int afterFirst = counting.lookups.get();
            String second = tree();
            assertThat(staticLinks(second)).isEqualTo(staticLinks(first)).anyMatch(l -> l.startsWith("/webjars/bootstrap/"));
            assertThat(counting.lookups.get() - afterFirst).as("static file lookups while rendering the page a second time")
                    .isZero();
        } finally {
            links.getHandlerMap().values().forEach(handler -> handler.getResourceResolvers().remove(counting));
        }
    }

    @Test
    void linkedStaticFilesCarryTheirVersionAndMayBeKeptAYear() throws Exception {
        int checked = 0;
        for (String link : staticLinks(tree())) {
            assertThat(link).as("a versioned link").matches("/webjars/[^/]+/\\d[^/]*/.+|/(css|js)/.+-[0-9a-f]{32}\\.(css|js)");
            var response = mvc.perform(get(link)).andReturn().getResponse();
            assertThat(response.getStatus()).as(link).isEqualTo(200);
            assertThat(response.getHeader("Cache-Control")).as(link).contains("max-age=31536000").doesNotContain("no-store");
            checked++;
        }
        assertThat(checked).as("static links on the tree page").isGreaterThanOrEqualTo(4);
        // the unversioned addresses keep answering, as before
        assertThat(mvc.perform(get("/css/app.css")).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/webjars/bootstrap/css/bootstrap.min.css")).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    private static List<String> staticLinks(String page) {
        List<String> links = new ArrayList<>();
        Matcher m = LINK.matcher(page);
        while (m.find()) {
            links.add(m.group(1));
        }
        return links;
    }

    /** The tree: many links to organisations, none to a file. */
    private String tree() throws Exception {
        return mvc.perform(get("/orgs").with(users.as("zhen"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** Passes every lookup on, counting those for a link. */
    private static final class Counting implements ResourceResolver {
        final AtomicInteger lookups = new AtomicInteger();

        @Override
        public Resource resolveResource(HttpServletRequest request, String path, List<? extends Resource> locations,
                ResourceResolverChain chain) {
            return chain.resolveResource(request, path, locations);
        }

        @Override
        public String resolveUrlPath(String path, List<? extends Resource> locations, ResourceResolverChain chain) {
            lookups.incrementAndGet();
            return chain.resolveUrlPath(path, locations);
        }
    }
}
