package cn.tierup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Compares the migrations on disk with the committed list of their SHA-256 checksums. A database
 * that already ran a migration never runs it again, so an edited one silently differs between
 * installations: the list makes every edit (and every new file) a deliberate, reviewed change.
 */
final class MigrationChecksums {

    static final String NEVER_EDITED = "a committed migration is never edited; add a new one";

    private MigrationChecksums() {
    }

    /** Every file under {@code root}, keyed by its '/'-separated path relative to root. */
    static SortedMap<String, String> scan(Path root) {
        SortedMap<String, String> sums = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                sums.put(relative, sha256(Files.readAllBytes(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sums;
    }

    /** Reads the list: one {@code path sha256} per line; blank lines and '#' comments are skipped. */
    static SortedMap<String, String> read(List<String> lines) {
        SortedMap<String, String> sums = new TreeMap<>();
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException("expected 'path sha256' but read: " + line);
            }
            if (sums.put(parts[0], parts[1]) != null) {
                throw new IllegalArgumentException("listed twice: " + parts[0]);
            }
        }
        return sums;
    }

    /** The list as it should be written: sorted by path. */
    static List<String> lines(Map<String, String> sums) {
        return new TreeMap<>(sums).entrySet().stream().map(e -> line(e.getKey(), e.getValue())).toList();
    }

    /** One message per difference; empty when the migrations on disk are exactly the listed ones. */
    static List<String> problems(Map<String, String> listed, Map<String, String> onDisk) {
        List<String> problems = new ArrayList<>();
        listed.forEach((path, sum) -> {
            String actual = onDisk.get(path);
            if (actual == null) {
                problems.add(path + " was removed (listed with " + sum + "): " + NEVER_EDITED);
            } else if (!actual.equals(sum)) {
                problems.add(path + " was changed (listed " + sum + ", now " + actual + "): " + NEVER_EDITED);
            }
        });
        new TreeMap<>(onDisk).forEach((path, sum) -> {
            if (!listed.containsKey(path)) {
                problems.add(path + " is a new migration not yet in the checksum list: add the line '"
                        + line(path, sum) + "'");
            }
        });
        return problems;
    }

    static String line(String path, String sha256) {
        return path + " " + sha256;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
