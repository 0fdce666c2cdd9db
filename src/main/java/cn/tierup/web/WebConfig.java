package cn.tierup.web;

import cn.tierup.shared.Messages;
import java.time.Duration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.VersionResourceResolver;

@Configuration
class WebConfig implements WebMvcConfigurer {

    /** Links to versioned files change when the file does, so a browser may keep what they name. */
    private static final CacheControl VERSIONED = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private final CampaignChoice campaignChoice;
    private final WideScopeLane wideScopeLane;

    WebConfig(CampaignChoice campaignChoice, WideScopeLane wideScopeLane) {
        this.campaignChoice = campaignChoice;
        this.wideScopeLane = wideScopeLane;
    }

    /**
     * The year a user works in: every page of the campaign opens with one, the one last chosen (see CampaignChoice);
     * and the turns of wide-scope users' pages (see WideScopeLane).
     */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(campaignChoice).excludePathPatterns("/api/**", "/q/**", "/webjars/**", "/css/**", "/js/**");
        // the pages of a province's users take turns (see the class)
        registry.addInterceptor(wideScopeLane).excludePathPatterns("/api/**", "/q/**", "/webjars/**", "/css/**", "/js/**");
    }

    /** Addresses with a variable are looked up among the mappings of their first segment only (see the class). */
    @Bean
    WebMvcRegistrations firstSegmentMappings() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new FirstSegmentHandlerMapping();
            }
        };
    }

    /** The users read Chinese whatever their browser says. */
    @Bean
    LocaleResolver localeResolver() {
        return new FixedLocaleResolver(Messages.LOCALE);
    }

    /**
     * Static files, in place of Spring Boot's mappings (spring.web.resources.add-mappings=false). Every page
     * writes its links through the resource chain; uncached, each link was looked up inside the jar on every
     * page, which took half the server's time under load. Cached chains look each link up once.
     */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // WebJar links name their version (/webjars/bootstrap/5.3.8/…)
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(VERSIONED)
                .resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver());
        // our own CSS and scripts: links carry a hash of the content (app-<md5>.css)
        for (String folder : new String[] {"css", "js"}) {
            registry.addResourceHandler("/" + folder + "/**")
                    .addResourceLocations("classpath:/static/" + folder + "/")
                    .setCacheControl(VERSIONED)
                    .resourceChain(true)
                    .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
        }
        // the icon, whose address browsers guess: unversioned and revalidated, as before. Not /**: a handler
        // for /** made every link a page writes (/orgs/12, …) a lookup in the classpath, and links that name no
        // file are never cached. Not "/favicon.ico" either: an exact pattern leaves an empty path to look up,
        // which finds nothing, so the icon's link was looked up on every page
        registry.addResourceHandler("/favicon.*")
                .addResourceLocations("classpath:/static/")
                .resourceChain(true);
    }
}
