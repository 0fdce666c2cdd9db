package cn.tierup.shared.ratelimit;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs {@link RateLimits#purgeExpired()} on its schedule, so the bucket table never grows past recent addresses. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PurgeSchedule {
}
