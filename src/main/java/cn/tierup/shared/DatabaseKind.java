package cn.tierup.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Which of the two supported databases the application runs on, read once from the connection. Only for the few
 * statements where the two differ (an upsert, the rate-limit store); everything else is written for both.
 */
@Component
public class DatabaseKind {

    private final boolean postgres;

    public DatabaseKind(DataSource dataSource) {
        this.postgres = isPostgres(dataSource);
    }

    public boolean postgres() {
        return postgres;
    }

    public static boolean isPostgres(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database this is", e);
        }
    }
}
