package cn.tierup.backup;

import cn.tierup.backup.internal.EmbeddedDatabaseCopy;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.files.AttachmentStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * A backup of the embedded database and the attachments while the application runs, as one archive:
 * the database's file ({@code tierup.mv.db}) and {@code files/} with every attachment, the layout of the
 * data directory, so a restore is an unzip into an empty one. The installation key is not in it: a copy
 * of the archive alone reveals no personal data, and the operator keeps the key apart.
 *
 * <p>The database is copied first, the attachments after: an attachment's file is written before the row
 * that names it commits and is never changed or removed, so every file the copied database names is
 * there (a file whose row came later is harmless). PostgreSQL is backed up with pg_dump instead.
 */
@Service
public class OnlineBackup {

    private static final Logger log = LoggerFactory.getLogger(OnlineBackup.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final EmbeddedDatabaseCopy database;
    private final AttachmentStore attachments;
    private final Path dir;

    OnlineBackup(EmbeddedDatabaseCopy database, AttachmentStore attachments,
                 @Value("${tierup.backup.dir:./data/backups}") String dir) {
        this.database = database;
        this.attachments = attachments;
        this.dir = Path.of(dir).toAbsolutePath().normalize();
    }

    /** What was written: the archive, its size, the attachments in it, and how long it took. */
    public record Archive(String file, long bytes, int attachments, long millis) {
    }

    /** One backup at a time: a second request waits for the first. */
    public synchronized Archive run() {
        if (!database.embedded()) {
            throw new DomainException("backup.postgres");
        }
        long start = System.nanoTime();
        String name = "tierup-backup-" + LocalDateTime.now().format(STAMP);
        Path archive = dir.resolve(name + ".zip");
        Path part = dir.resolve(name + ".zip.part");
        Path db = dir.resolve(name + ".db.part");
        try {
            Files.createDirectories(dir);
            database.writeTo(db);
            int files;
            try (OutputStream out = Files.newOutputStream(part); ZipOutputStream zip = new ZipOutputStream(out)) {
                copyEntries(db, zip);
                files = attachments.writeTo(zip, "files/");
            }
            // a finished archive appears under its name only whole
            Files.move(part, archive, StandardCopyOption.ATOMIC_MOVE);
            Archive done = new Archive(archive.toString(), Files.size(archive), files, (System.nanoTime() - start) / 1_000_000);
            log.info("backup written: {} ({} bytes, {} attachments, {} ms)", done.file(), done.bytes(), done.attachments(), done.millis());
            return done;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the backup " + archive, e);
        } finally {
            deleteQuietly(db);
            deleteQuietly(part);
        }
    }

    private static void copyEntries(Path from, ZipOutputStream to) throws IOException {
        try (InputStream in = Files.newInputStream(from); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                to.putNextEntry(new ZipEntry(e.getName()));
                zip.transferTo(to);
                to.closeEntry();
            }
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            log.warn("cannot remove {}", p, e);
        }
    }
}
