package cn.tierup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Committed migrations are never edited: each one's checksum must match the committed list. */
class MigrationChecksumTest {

    /** Surefire runs in the module's directory, so the sources are read, not the copied classes. */
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path LIST = Path.of("src/test/resources/migration-checksums.txt");

    @Test
    void everyMigrationMatchesTheCommittedChecksumList() throws IOException {
        List<String> listLines = Files.readAllLines(LIST, StandardCharsets.UTF_8);
        SortedMap<String, String> listed = MigrationChecksums.read(listLines);
        SortedMap<String, String> onDisk = MigrationChecksums.scan(MIGRATIONS);

        assertThat(onDisk).as("migrations found under " + MIGRATIONS.toAbsolutePath()).isNotEmpty();
        assertThat(MigrationChecksums.problems(listed, onDisk))
                .as("migrations compared with " + LIST)
                .isEmpty();
    }

    @Test
    void theChecksumListIsSortedByPath() throws IOException {
        List<String> listLines = Files.readAllLines(LIST, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(listLines).as(LIST + " is kept sorted by path")
                .containsExactlyElementsOf(MigrationChecksums.lines(MigrationChecksums.read(listLines)));
    }

    // The violating fixture: a migration tree made on purpose in a temp dir, then edited, trimmed and
    // extended, so every run proves the comparison catches each kind of change.

    @Test
    void anEditedMigrationFailsNamingTheFile(@TempDir Path dir) throws IOException {
        write(dir, "common/V1__first.sql", "create table a (id bigint);\n");
        write(dir, "common/V2__second.sql", "create table b (id bigint);\n");
        SortedMap<String, String> listed = MigrationChecksums.scan(dir);

        write(dir, "common/V1__first.sql", "create table a (id bigint, name varchar(20));\n");

        List<String> problems = MigrationChecksums.problems(listed, MigrationChecksums.scan(dir));
        assertThat(problems).singleElement().asString()
                .startsWith("common/V1__first.sql was changed")
                .contains(listed.get("common/V1__first.sql"))
                .contains(MigrationChecksums.sha256("create table a (id bigint, name varchar(20));\n"))
                .endsWith("a committed migration is never edited; add a new one");
    }

    @Test
    void aChangeOfLineEndingsAloneIsAnEditToo(@TempDir Path dir) throws IOException {
        write(dir, "h2/V2__vendor.sql", "create index i on a (id);\n");
        SortedMap<String, String> listed = MigrationChecksums.scan(dir);

        write(dir, "h2/V2__vendor.sql", "create index i on a (id);\r\n");

        assertThat(MigrationChecksums.problems(listed, MigrationChecksums.scan(dir)))
                .singleElement().asString().startsWith("h2/V2__vendor.sql was changed");
    }

    @Test
    void aRemovedMigrationFailsNamingTheFile(@TempDir Path dir) throws IOException {
        write(dir, "common/V1__first.sql", "create table a (id bigint);\n");
        write(dir, "common/V2__second.sql", "create table b (id bigint);\n");
        SortedMap<String, String> listed = MigrationChecksums.scan(dir);

        Files.delete(dir.resolve("common/V2__second.sql"));

        assertThat(MigrationChecksums.problems(listed, MigrationChecksums.scan(dir)))
                .singleElement().asString()
                .startsWith("common/V2__second.sql was removed")
                .endsWith("a committed migration is never edited; add a new one");
    }

    @Test
    void aNewMigrationFailsUntilListedAndTellsTheLineToAdd(@TempDir Path dir) throws IOException {
        write(dir, "common/V1__first.sql", "create table a (id bigint);\n");
        SortedMap<String, String> listed = MigrationChecksums.scan(dir);

        write(dir, "common/V2__added_column.sql", "alter table a add column name varchar(20);\n");
        SortedMap<String, String> onDisk = MigrationChecksums.scan(dir);

        String expectedLine = "common/V2__added_column.sql "
                + MigrationChecksums.sha256("alter table a add column name varchar(20);\n");
        assertThat(MigrationChecksums.problems(listed, onDisk))
                .containsExactly("common/V2__added_column.sql is a new migration not yet in the checksum list:"
                        + " add the line '" + expectedLine + "'");

        // once the line is added as told, the tree and the list agree again
        SortedMap<String, String> updated = MigrationChecksums.read(
                List.of("common/V1__first.sql " + listed.get("common/V1__first.sql"), expectedLine));
        assertThat(MigrationChecksums.problems(updated, onDisk)).isEmpty();
    }

    @Test
    void anUntouchedTreeMatchesItsList(@TempDir Path dir) throws IOException {
        write(dir, "common/V1__first.sql", "create table a (id bigint);\n");
        write(dir, "postgresql/V2__vendor.sql", "create index i on a (id);\n");
        Map<String, String> listed = MigrationChecksums.read(MigrationChecksums.lines(MigrationChecksums.scan(dir)));

        assertThat(MigrationChecksums.problems(listed, MigrationChecksums.scan(dir))).isEmpty();
    }

    @Test
    void aMalformedOrDuplicatedListLineIsRejected() {
        assertThatThrownBy(() -> MigrationChecksums.read(List.of("common/V1__first.sql")))
                .hasMessageContaining("expected 'path sha256'");
        assertThatThrownBy(() -> MigrationChecksums.read(List.of("a.sql 00", "a.sql 11")))
                .hasMessageContaining("listed twice: a.sql");
    }

    private static void write(Path root, String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
