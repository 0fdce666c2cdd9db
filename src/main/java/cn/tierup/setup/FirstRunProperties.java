package cn.tierup.setup;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A fresh production database has no one who could log in: on first start, when these are set and no
 * account exists, the root organisation and its administrator are created.
 */
@ConfigurationProperties("tierup.first-run")
public record FirstRunProperties(String rootName, String adminUsername, String adminPassword) {
}
