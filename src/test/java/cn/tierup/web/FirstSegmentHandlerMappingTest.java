package cn.tierup.web;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** The mapping by first segment finds, for every address, what Spring's own mapping finds — or fails as it fails. */
class FirstSegmentHandlerMappingTest {

    @Controller
    static class Routes {
        @GetMapping("/q/{slug}") void form(@PathVariable String slug) { }
        @PostMapping("/q/{slug}") void submit(@PathVariable String slug) { }
        @GetMapping("/q/{slug}/thanks") void thanks(@PathVariable String slug) { }
        @GetMapping("/q/v/{slug}") void ballot(@PathVariable String slug) { }
        @GetMapping("/q/new") void literal() { }
        @GetMapping("/orgs/{id}") void org(@PathVariable long id) { }
        @PostMapping(path = "/orgs/{id}", consumes = "application/json") void saveOrg(@PathVariable long id) { }
        @GetMapping("/{anything}/help") void help(@PathVariable String anything) { }
        @GetMapping("/files/**") void files() { }
        @RequestMapping({"/a/{x}", "/b/{x}"}) void two(@PathVariable String x) { }
        @GetMapping("/") void home() { }
    }

    private static RequestMappingHandlerMapping mapping(RequestMappingHandlerMapping m) {
        StaticApplicationContext context = new StaticApplicationContext();
        context.registerSingleton("routes", Routes.class);
        context.refresh();
        m.setApplicationContext(context);
        m.afterPropertiesSet();
        return m;
    }

    private static Object lookUp(RequestMappingHandlerMapping m, String method, String path, String contentType) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        if (contentType != null) {
            request.setContentType(contentType);
        }
        ServletRequestPathUtils.parseAndCache(request);
        try {
            HandlerExecutionChain chain = m.getHandler(request);
            if (chain == null) {
                return "no handler";
            }
            return ((HandlerMethod) chain.getHandler()).getMethod().getName() + " "
                    + request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) + " "
                    + request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        } catch (Exception e) {
            return e.getClass().getName();
        }
    }

    @Test
    void findsWhatSpringFinds() {
        RequestMappingHandlerMapping spring = mapping(new RequestMappingHandlerMapping());
        RequestMappingHandlerMapping ours = mapping(new FirstSegmentHandlerMapping());
        List<String[]> cases = List.of(
                new String[] {"GET", "/q/abc", null}, new String[] {"POST", "/q/abc", "application/x-www-form-urlencoded"},
                new String[] {"GET", "/q/abc/thanks", null}, new String[] {"GET", "/q/v/xyz", null},
                new String[] {"GET", "/q/new", null}, new String[] {"POST", "/q/new", null},
                new String[] {"DELETE", "/q/abc", null}, new String[] {"GET", "/orgs/12", null},
                new String[] {"POST", "/orgs/12", "application/json"}, new String[] {"POST", "/orgs/12", "text/plain"},
                new String[] {"PUT", "/orgs/12", null}, new String[] {"GET", "/orgs/help", null},
                new String[] {"GET", "/q/help", null}, new String[] {"GET", "/x/help", null},
                new String[] {"GET", "/files/a/b.txt", null}, new String[] {"GET", "/a/1", null}, new String[] {"GET", "/b/2", null},
                new String[] {"GET", "/c/3", null}, new String[] {"GET", "/", null}, new String[] {"GET", "/%71/abc", null},
                new String[] {"GET", "/q;x=1/abc", null}, new String[] {"GET", "/nothing/here", null});
        for (String[] c : cases) {
            Object expected = lookUp(spring, c[0], c[1], c[2]);
            assertThat(lookUp(ours, c[0], c[1], c[2])).as(c[0] + " " + c[1]).isEqualTo(expected);
        }
        // the cases above include matches, 405 and 415 refusals and no handler at all
        assertThat(lookUp(ours, "GET", "/q/abc", null)).asString().startsWith("form {slug=abc}");
        assertThat(lookUp(ours, "DELETE", "/q/abc", null)).asString().contains("MethodNotSupported");
        assertThat(lookUp(ours, "POST", "/orgs/12", "text/plain")).asString().contains("MediaTypeNotSupported");
    }

    @Test
    void segments() {
        assertThat(FirstSegmentHandlerMapping.firstSegment("/q/abc")).isEqualTo("q");
        assertThat(FirstSegmentHandlerMapping.firstSegment("/q")).isEqualTo("q");
        assertThat(FirstSegmentHandlerMapping.firstSegment("/")).isEmpty();
        assertThat(FirstSegmentHandlerMapping.firstSegment("/%71/abc")).isNull();
        assertThat(FirstSegmentHandlerMapping.literalFirstSegment("/q/{slug}")).isEqualTo("q");
        assertThat(FirstSegmentHandlerMapping.literalFirstSegment("/{x}/help")).isNull();
        assertThat(FirstSegmentHandlerMapping.literalFirstSegment("/**")).isNull();
        assertThat(FirstSegmentHandlerMapping.literalFirstSegment("")).isNull();
        assertThat(FirstSegmentHandlerMapping.firstSegment("/a;b=1/c")).isNull();
    }
}
