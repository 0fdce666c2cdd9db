package cn.tierup.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application's GC log ({@code -Xlog:gc:file=…}) of a benchmark that runs it in its own JVM: the most heap in use
 * and committed between two moments (each collection logs "used before -> used after (committed)"), and the collector.
 */
final class GcLog {

    private static final Pattern GC = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    private final Path file;

    GcLog(Path file) {
        this.file = file;
    }

    /** Where the log ends now: what {@link #peak} reads from. */
    long mark() throws IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }

    /** The most heap in use before a collection and the most committed, in MB, logged since {@code from}; -1 if none. */
    long[] peak(long from) throws IOException {
        long used = -1;
        long committed = -1;
        if (!Files.exists(file)) {
            return new long[] {used, committed};
        }
        byte[] all = Files.readAllBytes(file);
        int start = (int) Math.min(from, all.length);
        Matcher m = GC.matcher(new String(all, start, all.length - start, StandardCharsets.UTF_8));
        while (m.find()) {
            used = Math.max(used, mb(m.group(1), m.group(2)));
            committed = Math.max(committed, mb(m.group(5), m.group(6)));
        }
        return new long[] {used, committed};
    }

    /** The collector the log names ("Using G1"), as "G1 GC". */
    String collector() throws IOException {
        for (String line : Files.readAllLines(file)) {
            int i = line.indexOf("Using ");
            if (i >= 0) {
                return line.substring(i + "Using ".length()).strip() + " GC";
            }
        }
        return "GC unknown";
    }

    private static long mb(String n, String unit) {
        long v = Long.parseLong(n);
        return switch (unit) {
            case "K" -> v / 1024;
            case "G" -> v * 1024;
            default -> v;
        };
    }
}
