package cn.tierup.shared.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps attachment bytes on disk outside the web root, under random names (never the user's file
 * name), so nothing uploaded can be served or executed as it is.
 */
@Component
public class AttachmentStore {

    private final Path root;

    public AttachmentStore(@Value("${tierup.storage.dir:./data/files}") String dir) {
        this.root = Path.of(dir).toAbsolutePath().normalize();
    }

    public String put(byte[] bytes) {
        String key = UUID.randomUUID().toString();
        try {
            Files.createDirectories(root);
            Files.write(root.resolve(key), bytes, StandardOpenOption.CREATE_NEW);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store attachment", e);
        }
    }

    public byte[] get(String key) {
        if (!key.matches("[0-9a-f\\-]{36}")) {
            throw new IllegalArgumentException("bad key");
        }
        try {
            return Files.readAllBytes(root.resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read attachment", e);
        }
    }

    /**
     * Every stored attachment into a zip under {@code folder} (e.g. "files/"), by its key, for a backup.
     * Files are only ever added under fresh names, so a copy taken while the application runs is whole.
     */
    public int writeTo(ZipOutputStream zip, String folder) throws IOException {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(root)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            zip.putNextEntry(new ZipEntry(folder + f.getFileName()));
            Files.copy(f, zip);
            zip.closeEntry();
        }
        return files.size();
    }

    public void delete(String key) {
        try {
            Files.deleteIfExists(root.resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
