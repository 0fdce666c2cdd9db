package cn.tierup.web;

import cn.tierup.shared.Messages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

@Configuration
class WebConfig {

    /** The users read Chinese whatever their browser says. */
    @Bean
    LocaleResolver localeResolver() {
        return new FixedLocaleResolver(Messages.LOCALE);
    }
}
