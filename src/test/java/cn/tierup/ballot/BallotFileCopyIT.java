package cn.tierup.ballot;

import cn.tierup.shared.Messages;
import cn.tierup.testsupport.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ballot module on its own, on a database kept in files as the product keeps it (H2's file; PostgreSQL's
 * data directory with its write-ahead log), attacked as the probe did: copies of the files are taken after
 * every vote and after the count, and read back — as a database where the copy opens as one (H2), and byte for
 * byte (both). The copies hold the sealed votes and the spent codes, in the order they came; they hold no
 * counter that moves with a choice (so consecutive copies pair a spent code with a sealed vote and with
 * nothing else) and not the closing key in any form, without which no sealed vote opens. After the count the
 * totals appear once, all together.
 */
@ApplicationModuleTest
@org.springframework.context.annotation.Import(InstallationKey.class)
@TestPropertySource(properties = TestDatabases.H2_FILE + "=true")
class BallotFileCopyIT {

    static final List<String> CHOICES = List.of("AGREE", "DISAGREE", "ABSTAIN");

    @MockitoBean Messages messages;
    @Autowired Ballots ballots;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.core.env.Environment env;

    @TempDir Path copies;

    boolean postgres() {
        return TestDatabases.postgres();
    }

    /** The database's files: H2's one file, or this database's directory and the write-ahead log of PostgreSQL. */
    List<Path> databaseFiles() {
        if (!postgres()) {
            String url = env.getProperty("spring.datasource.url");
            String path = url.substring("jdbc:h2:file:".length(), url.indexOf(';'));
            return List.of(Path.of(path + ".mv.db"));
        }
        // the test's PostgreSQL runs as the superuser, who may ask where the files are and force them out
        jdbc.sql("checkpoint").update();
        Path data = Path.of(jdbc.sql("show data_directory").query(String.class).single());
        long oid = jdbc.sql("select oid from pg_database where datname = current_database()").query(Long.class).single();
        return List.of(data.resolve("base").resolve(String.valueOf(oid)), data.resolve("pg_wal"));
    }

    /**
     * A plain copy of the files, as a backup would take it while the database runs. Of PostgreSQL's log, shared
     * by every database of the test run's server, only the segments written since the ballot opened.
     */
    Path copy(String name) throws IOException {
        Path to = Files.createDirectories(copies.resolve(name));
        for (Path f : databaseFiles()) {
            if (Files.isDirectory(f)) {
                try (Stream<Path> all = Files.walk(f)) {
                    for (Path p : all.filter(Files::isRegularFile).filter(this::sinceTheBallot).toList()) {
                        Path target = to.resolve(f.getFileName()).resolve(f.relativize(p).toString());
                        Files.createDirectories(target.getParent());
                        try {
                            Files.copy(p, target);
                        } catch (java.nio.file.NoSuchFileException gone) {
                            // a WAL segment recycled while copying: a backup would miss it too
                        }
                    }
                }
            } else {
                Files.copy(f, to.resolve("copy.mv.db"));
            }
        }
        return to;
    }

    /** Every byte of a copy, file after file. */
    static byte[] bytes(Path copy) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        try (Stream<Path> all = Files.walk(copy)) {
            for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
                out.write(Files.readAllBytes(p));
            }
        }
        return out.toByteArray();
    }

    /** Whether the bytes hold an ASCII text anywhere (one byte per character, as both databases store it). */
    static boolean contains(String bytesAsLatin1, String needle) {
        return bytesAsLatin1.contains(needle);
    }

    /** What an H2 copy holds for the ballot when opened as a database: totals, spent codes and sealed votes. */
    record Seen(Map<String, Integer> totals, int spent, List<String> sealed) {
    }

    static Seen open(Path copy, long ballot) throws SQLException {
        String url = "jdbc:h2:file:" + copy.resolve("copy").toAbsolutePath() + ";ACCESS_MODE_DATA=r;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            Map<String, Integer> totals = new TreeMap<>();
            try (ResultSet rs = c.createStatement().executeQuery("select choice, n from ballot_tally where poll_id = " + ballot)) {
                while (rs.next()) {
                    totals.put(rs.getString(1), rs.getInt(2));
                }
            }
            int spent;
            try (ResultSet rs = c.createStatement().executeQuery(
                    "select count(*) from ballot_code where spent = true and poll_id = " + ballot)) {
                rs.next();
                spent = rs.getInt(1);
            }
            List<String> sealed = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("select sealed from ballot_vote where poll_id = " + ballot)) {
                while (rs.next()) {
                    sealed.add(rs.getString(1));
                }
            }
            return new Seen(totals, spent, sealed);
        }
    }

    java.nio.file.attribute.FileTime opened;

    boolean sinceTheBallot(Path p) {
        try {
            return !p.toString().contains("pg_wal") || Files.getLastModifiedTime(p).compareTo(opened) >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void copiesOfTheDatabaseFilesDuringAndAfterABallotHoldNoChoiceNoCounterAndNoKey() throws Exception {
        opened = java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 2_000);
        OpenedBallot ballot = ballots.open(new BallotRequest("白鹿镇某村 自评等次“先进”审议", LocalDate.now(),
                List.of("先进"), CHOICES, 8));
        long id = ballot.id();
        String key = ballot.closingKey();
        List<String> votes = List.of("AGREE", "DISAGREE", "ABSTAIN", "AGREE", "AGREE", "DISAGREE");

        Map<String, Path> taken = new LinkedHashMap<>();
        List<String> sealedSoFar = new ArrayList<>();
        for (int i = 0; i < votes.size(); i++) {
            ballots.vote(ballot.slug(), ballot.codes().get(i), List.of(votes.get(i)));
            // what the attacker needs to recognise: the stored form of each sealed vote
            sealedSoFar = jdbc.sql("select sealed from ballot_vote where poll_id = :p").param("p", id).query(String.class).list();
            // PostgreSQL's copies are larger; two mid-ballot copies tell as much as six
            if (!postgres() || i == 2 || i == votes.size() - 1) {
                taken.put("after vote " + (i + 1), copy("vote" + (i + 1)));
            }
        }
        List<String> sealed = List.copyOf(sealedSoFar);
        Totals totals = ballots.close(ballot.slug(), key);
        assertThat(totals.count(0, "AGREE")).isEqualTo(3);
        assertThat(totals.count(0, "DISAGREE")).isEqualTo(2);
        assertThat(totals.count(0, "ABSTAIN")).isEqualTo(1);
        taken.put("after the count", copy("closed"));

        List<String> keyForms = List.of(key, key.replace("-", ""), key.toLowerCase(), key.replace("-", "").toLowerCase());
        Seen previous = null;
        int n = 0;
        for (Map.Entry<String, Path> e : taken.entrySet()) {
            boolean counted = e.getKey().equals("after the count");
            String raw = new String(bytes(e.getValue()), StandardCharsets.ISO_8859_1);
            // the copy does hold the votes, sealed: the attacker sees what was stored…
            int votesSoFar = counted ? votes.size() : Integer.parseInt(e.getKey().substring("after vote ".length()));
            if (!counted) {
                for (String s : sealed.subList(0, postgres() ? 1 : votesSoFar)) {
                    assertThat(contains(raw, s)).as("%s holds a sealed vote", e.getKey()).isTrue();
                }
            }
            // …and never the key that opens them
            for (String k : keyForms) {
                assertThat(contains(raw, k)).as("%s holds the closing key", e.getKey()).isFalse();
            }
            if (!postgres()) {
                Seen seen = open(e.getValue(), id);
                if (counted) {
                    assertThat(seen.totals()).isEqualTo(Map.of("AGREE", 3, "DISAGREE", 2, "ABSTAIN", 1));
                    assertThat(seen.sealed()).isEmpty();
                } else {
                    n++;
                    // between two copies one code was spent and one sealed vote came: nothing else that
                    // could say which choice it was — no counter exists until the count
                    assertThat(seen.totals()).as("%s: counters", e.getKey()).isEmpty();
                    assertThat(seen.spent()).isEqualTo(n);
                    assertThat(seen.sealed()).hasSize(n);
                    if (previous != null) {
                        assertThat(seen.sealed()).containsAll(previous.sealed());
                    }
                    assertThat(seen.sealed().stream().map(s -> Base64.getDecoder().decode(s).length).distinct())
                            .as("one length for every choice").hasSize(1);
                    previous = seen;
                }
            }
        }
    }
}
