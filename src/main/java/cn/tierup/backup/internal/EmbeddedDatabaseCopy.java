package cn.tierup.backup.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * H2's online backup: {@code BACKUP TO} copies the store's file while other sessions go on writing. It
 * stops the store reusing space for the copy, so every chunk already written stays as it is and new ones
 * are only appended; opened, the copy is the state of its last complete chunk, one commit. {@code SCRIPT}
 * instead reads table after table, and could pair an answer with tallies from a later moment.
 */
@Component
public class EmbeddedDatabaseCopy {

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    EmbeddedDatabaseCopy(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** True when the application runs on the embedded H2 database (not PostgreSQL). */
    public boolean embedded() {
        try (Connection c = dataSource.getConnection()) {
            return "H2".equals(c.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot ask the database what it is", e);
        }
    }

    /** Writes the database's files as a zip archive (one entry per file, e.g. tierup.mv.db). */
    public void writeTo(Path zip) {
        jdbc.sql("BACKUP TO ?").param(zip.toAbsolutePath().toString()).update();
    }
}
