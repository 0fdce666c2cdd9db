package cn.tierup.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a benchmark's figures were measured on, so that they can be compared across machines: the JVM and its
 * settings, the machine's load while it ran, and the CPU time spent — by this JVM (the application and the load
 * client, which share it), by the load client's own threads, and by the PostgreSQL server's processes when it runs on
 * this machine (read from {@code /proc}, Linux only). CPU time per operation does not depend on how many other
 * builds share the cores the way a rate does.
 */
final class BenchMachine {

    /** Clock ticks per second of {@code /proc/<pid>/stat} times: 100 on every Linux this runs on (USER_HZ). */
    private static final double TICK_NANOS = 1e9 / 100;

    private BenchMachine() {
    }

    /** The JVM, its heap, collector, flags and the processors it sees. */
    static String jvm() {
        Runtime rt = Runtime.getRuntime();
        String gcs = ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(", "));
        List<String> flags = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-X") || a.startsWith("-XX")).toList();
        return "Java " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name") + ", "
                + System.getProperty("java.vm.vendor") + "), max heap " + rt.maxMemory() / (1024 * 1024) + " MB, GC " + gcs
                + ", flags " + (flags.isEmpty() ? "none" : String.join(" ", flags)) + ", " + rt.availableProcessors()
                + " available processors";
    }

    /** Prints a benchmark's report and writes it to {@code target/bench/<name>.md} (or {@code tierup.bench.out}). */
    static void publish(String name, String report) throws java.io.IOException {
        System.out.println("\n" + report);
        Path dir = Path.of(System.getProperty("tierup.bench.out", "target/bench"));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".md"), report);
    }

    /** The machine's {@code /proc/loadavg} line (1, 5 and 15 minutes, runnable/all tasks), or the 1-minute average. */
    static String loadavg() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** Samples the 1-minute load average once a second while a benchmark runs: its range and mean. */
    static final class LoadSampler implements AutoCloseable {
        private final List<Double> samples = new ArrayList<>();
        private final Thread thread;
        private volatile boolean running = true;
        final String before = loadavg();
        String after;

        LoadSampler() {
            thread = new Thread(() -> {
                while (running) {
                    double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                    synchronized (samples) {
                        samples.add(l);
                    }
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-load-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
            after = loadavg();
        }

        String summary() {
            synchronized (samples) {
                if (after == null) {
                    after = loadavg();
                }
                double min = samples.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
                double max = samples.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
                double mean = samples.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
                return String.format("load average (1 min) during the run %.1f–%.1f, mean %.1f (%d samples); /proc/loadavg before: %s,"
                        + " after: %s", min, max, mean, samples.size(), before, after);
            }
        }
    }

    /**
     * CPU time so far, in nanoseconds: this JVM's, its load-client threads' and its web server's request threads' (by
     * name; the rest of the JVM's is its collector, compiler and other threads), and the PostgreSQL server's.
     */
    record Cpu(long jvm, long clientThreads, long serverThreads, long postgres) {

        Cpu minus(Cpu o) {
            return new Cpu(jvm - o.jvm, clientThreads - o.clientThreads, serverThreads - o.serverThreads,
                    postgres < 0 || o.postgres < 0 ? -1 : postgres - o.postgres);
        }

        Cpu plus(Cpu o) {
            return new Cpu(jvm + o.jvm, clientThreads + o.clientThreads, serverThreads + o.serverThreads,
                    postgres < 0 || o.postgres < 0 ? -1 : postgres + o.postgres);
        }
    }

    static final Cpu ZERO = new Cpu(0, 0, 0, 0);

    /** The {@code p}-th percentile (nearest rank) of durations in nanoseconds, in milliseconds; NaN for none. */
    static double percentile(long[] nanos, int p) {
        if (nanos.length == 0) {
            return Double.NaN;
        }
        long[] sorted = nanos.clone();
        java.util.Arrays.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, i)] / 1e6;
    }

    /**
     * CPU ms per operation: the JVM's (with {@code split}, of it the web server's request threads and the load client's)
     * + PostgreSQL's, to {@code decimals} places; "–" for no operations.
     */
    static String perOperation(Cpu cpu, long operations, boolean split, int decimals) {
        if (operations == 0) {
            return "–";
        }
        double n = operations * 1e6;
        String f = "%." + decimals + "f";
        return String.format(f, cpu.jvm() / n)
                + (split ? String.format(" (server " + f + ", client " + f + ")", cpu.serverThreads() / n, cpu.clientThreads() / n) : "")
                + " + " + (cpu.postgres() < 0 ? "?" : String.format(f, cpu.postgres() / n));
    }

    /**
     * Now's CPU times. The client threads are the JDK HTTP client's own ({@code HttpClient-*}); a benchmark adds its
     * short-lived worker threads' time itself, measured in each thread before it ends.
     */
    static Cpu cpu(long postmaster) {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long client = 0;
        long server = 0;
        for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith("HttpClient-")) {
                client += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
            } else if (t != null && t.getThreadName().startsWith("http-nio-")) {
                server += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
            }
        }
        return new Cpu(jvm, client, server, postgresCpu(postmaster));
    }

    /** The CPU time of the current thread so far (for worker threads to report theirs before they end). */
    static long threadCpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** The postmaster of the server a backend (by its pid) belongs to, or -1 when it is not a process of this machine. */
    static long postmaster(long backendPid) {
        try {
            String[] stat = stat(Path.of("/proc", Long.toString(backendPid), "stat"));
            if (stat == null || !stat[0].startsWith("postgres")) {
                return -1;
            }
            return Long.parseLong(stat[2]);
        } catch (Exception e) {
            return -1;
        }
    }

    /**
     * The server's CPU time: the postmaster's own and that of its children that have ended (cutime, cstime), plus
     * each living child's; -1 when unknown.
     */
    static long postgresCpu(long postmaster) {
        if (postmaster <= 0) {
            return -1;
        }
        try {
            String[] own = stat(Path.of("/proc", Long.toString(postmaster), "stat"));
            if (own == null) {
                return -1;
            }
            long ticks = Long.parseLong(own[12]) + Long.parseLong(own[13]) + Long.parseLong(own[14]) + Long.parseLong(own[15]);
            String parent = Long.toString(postmaster);
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                for (Path p : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                    String[] s = stat(p.resolve("stat"));
                    if (s != null && s[2].equals(parent)) {
                        ticks += Long.parseLong(s[12]) + Long.parseLong(s[13]);
                    }
                }
            }
            return (long) (ticks * TICK_NANOS);
        } catch (Exception e) {
            return -1;
        }
    }

    /** The fields of a {@code /proc/<pid>/stat} after the command (index 0 = command, 1 = state, 2 = ppid, 12 = utime, ...). */
    private static String[] stat(Path file) {
        try {
            String s = Files.readString(file);
            int open = s.indexOf('(');
            int close = s.lastIndexOf(')');
            String[] rest = s.substring(close + 2).split(" ");
            String[] out = new String[rest.length + 1];
            out[0] = s.substring(open + 1, close);
            System.arraycopy(rest, 0, out, 1, rest.length);
            return out;
        } catch (Exception e) {
            return null;
        }
    }
}
