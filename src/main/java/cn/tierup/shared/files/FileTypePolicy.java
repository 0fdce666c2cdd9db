package cn.tierup.shared.files;

import cn.tierup.shared.DomainException;
import java.util.Locale;
import java.util.Map;

/**
 * What may be attached (to a report, a ledger item, a pledge): PDF, Word, Excel and images, at most 10 MB, and the file's first
 * bytes must be those of the type its name claims (an .exe renamed .pdf is refused).
 */
public final class FileTypePolicy {

    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private static final byte[] PDF = {'%', 'P', 'D', 'F'};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    private record Kind(String contentType, byte[] magic) {
    }

    private static final Map<String, Kind> KINDS = Map.of(
            "pdf", new Kind("application/pdf", PDF),
            "docx", new Kind("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP),
            "xlsx", new Kind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP),
            "doc", new Kind("application/msword", OLE),
            "xls", new Kind("application/vnd.ms-excel", OLE),
            "jpg", new Kind("image/jpeg", JPEG),
            "jpeg", new Kind("image/jpeg", JPEG),
            "png", new Kind("image/png", PNG));

    private FileTypePolicy() {
    }

    /** Checks the file and returns the content type it will be served with. */
    public static String check(String fileName, byte[] bytes) {
        if (fileName == null || fileName.isBlank() || bytes == null || bytes.length == 0) {
            throw new DomainException("attachment.empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw new DomainException("attachment.tooLarge");
        }
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        Kind kind = KINDS.get(ext);
        if (kind == null) {
            throw new DomainException("attachment.type");
        }
        if (!startsWith(bytes, kind.magic())) {
            throw new DomainException("attachment.disguised", fileName);
        }
        return kind.contentType();
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
