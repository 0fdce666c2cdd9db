package cn.tierup.organization;

import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.Actors;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.Messages;
import cn.tierup.shared.NotFoundException;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;

/**
 * Runs imports in the background so a large file (a city's roll) does not hold a request open, and lets the page and
 * the API follow them: a check job reads and checks the file (nothing written); once it passed, the user confirms and
 * an apply job writes it in one transaction. The uploaded file waits in a temporary file of this instance for the
 * confirmation, an hour at most. A job is its starter's only, and runs as them (their scope, their name in the audit).
 * Jobs live in this instance's memory: after a restart they are gone, and so is anything an apply job had not
 * committed — its transaction never was.
 */
@Service
public class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    /** How long a finished job (and a checked file waiting for its confirmation) is kept. */
    static final Duration KEPT = Duration.ofHours(1);

    /** A check reads and checks only; an apply writes. */
    public enum Mode {
        CHECK, APPLY
    }

    /** Where a job is. */
    public enum State {
        RUNNING, DONE, REJECTED, FAILED
    }

    private final SpreadsheetImport imports;
    private final ScopeGuard guard;
    private final Messages messages;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    /** Two at once: each import is one request's worth of CPU and one connection; more wait their turn. */
    private final ExecutorService runner = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "import");
        t.setDaemon(true);
        return t;
    });

    ImportJobs(SpreadsheetImport imports, ScopeGuard guard, Messages messages) {
        this.imports = imports;
        this.guard = guard;
        this.messages = messages;
        sweep();
    }

    /**
     * Uploads left behind by a process that was killed (its jobs died with it, and nothing of theirs was committed);
     * only those older than {@link #KEPT}, as another instance on this machine may still wait on its own.
     */
    private static void sweep() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Instant before = Instant.now().minus(KEPT);
        try (var files = Files.newDirectoryStream(tmp, "tierup-import-*.xlsx")) {
            for (Path f : files) {
                if (Files.getLastModifiedTime(f).toInstant().isBefore(before)) {
                    delete(f);
                }
            }
        } catch (IOException e) {
            log.warn("could not look for old uploads in {}", tmp, e);
        }
    }

    /** One import: what it reads, how far it is, and how it ended. */
    public static final class Job {
        private final String id;
        private final String owner;
        private final ImportKind kind;
        private final Mode mode;
        private final String fileName;
        private final Path file;
        private final Instant startedAt = Instant.now();
        private final ImportProgress progress = new ImportProgress();
        private volatile State state = State.RUNNING;
        private volatile Instant finishedAt;
        private volatile ImportPreview preview;
        private volatile ImportResult result;
        private volatile String message;
        private volatile boolean consumed;

        Job(String owner, ImportKind kind, Mode mode, String fileName, Path file) {
            this.id = UUID.randomUUID().toString();
            this.owner = owner;
            this.kind = kind;
            this.mode = mode;
            this.fileName = fileName;
            this.file = file;
        }

        public String id() { return id; }
        public ImportKind kind() { return kind; }
        public Mode mode() { return mode; }
        public String fileName() { return fileName; }
        public Instant startedAt() { return startedAt; }
        public Instant finishedAt() { return finishedAt; }
        public ImportProgress progress() { return progress; }
        public State state() { return state; }
        /** The check's findings (a check job, or an apply job that found a wrong row), once finished. */
        public ImportPreview preview() { return preview; }
        public ImportResult result() { return result; }
        /** Why it failed or was refused, in Chinese. */
        public String message() { return message; }
        public boolean running() { return state == State.RUNNING; }
        /** A check that passed and whose file still waits for the confirmation. */
        public boolean confirmable() {
            return mode == Mode.CHECK && state == State.DONE && preview != null && preview.ok() && !consumed;
        }
    }

    /** Takes the upload into a temporary file and starts checking it; the job's id comes back at once. */
    public Job check(ImportKind kind, InputStream upload, String fileName) {
        guard.scope(Permission.IMPORT);
        prune();
        Path file;
        try {
            file = Files.createTempFile("tierup-import-", ".xlsx");
            Files.copy(upload, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new DomainException("import.file.unreadable");
        }
        Job job = new Job(Actors.current(), kind, Mode.CHECK, fileName, file);
        return start(job, () -> {
            ImportPreview p = imports.preview(kind, file, job.progress);
            job.preview = p;
            if (!p.ok()) {
                job.message = messages.get("import.hasErrors", p.errorCount());
                delete(file);
            }
            return State.DONE;
        });
    }

    /** Writes the file a passed check read: the user's confirmation of what the check showed. Once only. */
    public Job apply(String checkId) {
        guard.scope(Permission.IMPORT);
        Job checked = get(checkId);
        synchronized (checked) {
            if (!checked.confirmable()) {
                throw new DomainException(checked.mode == Mode.CHECK && checked.consumed ? "import.stale" : "import.job.notChecked");
            }
            checked.consumed = true;
        }
        Job job = new Job(checked.owner, checked.kind, Mode.APPLY, checked.fileName, checked.file);
        return start(job, () -> {
            try {
                job.result = imports.apply(job.kind, job.file, job.progress);
                return State.DONE;
            } catch (ImportRejectedException e) {
                job.preview = e.preview();
                job.message = messages.of(e);
                return State.REJECTED;
            } finally {
                delete(job.file);
            }
        });
    }

    /** The current user's job; another's, an expired or unknown one is not found. */
    public Job get(String id) {
        guard.scope(Permission.IMPORT);
        Job job = id == null ? null : jobs.get(id);
        if (job == null || !job.owner.equals(Actors.current())) {
            throw NotFoundException.saying("import.job.notFound");
        }
        return job;
    }

    private interface Work {
        State run() throws Exception;
    }

    private Job start(Job job, Work work) {
        jobs.put(job.id, job);
        runner.execute(new DelegatingSecurityContextRunnable(() -> {
            try {
                job.state = work.run();
            } catch (DomainException e) {
                job.message = messages.of(e);
                job.state = State.FAILED;
                delete(job.file);
            } catch (Exception | Error e) {
                log.error("import {} failed", job.id, e);
                job.message = messages.get("import.job.failed", e.getClass().getSimpleName());
                job.state = State.FAILED;
                delete(job.file);
            } finally {
                job.finishedAt = Instant.now();
            }
        }));
        return job;
    }

    /** Forgets jobs finished more than {@link #KEPT} ago, and their files. */
    private void prune() {
        Instant before = Instant.now().minus(KEPT);
        jobs.values().removeIf(j -> {
            boolean old = j.finishedAt != null && j.finishedAt.isBefore(before);
            if (old && !j.consumed) {
                delete(j.file);
            }
            return old;
        });
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete {}", file, e);
        }
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
        jobs.values().forEach(j -> delete(j.file));
    }
}
