package cn.tierup.shared;

import java.time.ZoneId;
import java.util.TimeZone;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The offices keep China Standard Time whatever zone the server's clock is set to (servers often run on
 * UTC): every time the product records or shows — saved at, decided at, the audit trail, file names — is
 * in {@code tierup.time-zone} (default Asia/Shanghai). Set as the process's default zone before anything
 * reads the clock, so that no page, export or record can use another.
 */
public class OfficeTimeZone implements EnvironmentPostProcessor, Ordered {

    public static final String PROPERTY = "tierup.time-zone";
    public static final String DEFAULT = "Asia/Shanghai";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String zone = environment.getProperty(PROPERTY, DEFAULT).strip();
        // ZoneId refuses a misspelt zone, where TimeZone would silently fall back to GMT
        TimeZone.setDefault(TimeZone.getTimeZone(ZoneId.of(zone)));
    }

    @Override
    public int getOrder() {
        // after the configuration files are read, so that application.yml and the environment can set it
        return Ordered.LOWEST_PRECEDENCE;
    }
}
