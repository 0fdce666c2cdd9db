package cn.tierup.shared.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The installation's secret (TIERUP_CRYPTO_KEY; on a development machine without one it is generated
 * once into a key file), and keys derived from it per purpose — personal data at rest, the duplicate
 * index, printed one-time codes — so that a copy of the database alone reveals none of them.
 */
@Component
public class MasterKey {

    private final byte[] raw;

    public MasterKey(@Value("${tierup.crypto.key:}") String base64Key,
                     @Value("${tierup.crypto.key-file:./data/tierup.key}") String keyFile) {
        this.raw = base64Key == null || base64Key.isBlank() ? loadOrCreate(Path.of(keyFile))
                : Base64.getDecoder().decode(base64Key.strip());
        if (raw.length != 32) {
            throw new IllegalStateException("tierup.crypto.key must be 32 bytes, Base64-encoded");
        }
    }

    /** The AES key for data at rest. */
    public SecretKeySpec aes() {
        return new SecretKeySpec(raw, "AES");
    }

    /** An HMAC key for one purpose, derived from the secret. */
    public SecretKeySpec derive(String purpose) {
        return new SecretKeySpec(hmac(new SecretKeySpec(raw, "HmacSHA256"), purpose), "HmacSHA256");
    }

    /** One MAC per thread, initialised with the key each time (a look-up costs more than the hash of a short text). */
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    /** HMAC-SHA256 of the text in hex. */
    public static String hex(SecretKeySpec key, String text) {
        return HexFormat.of().formatHex(hmac(key, text));
    }

    public static byte[] hmac(SecretKeySpec k, String data) {
        try {
            Mac mac = HMAC.get();
            mac.init(k);
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            byte[] k = new byte[32];
            new SecureRandom().nextBytes(k);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(k));
            return k;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the key file " + file, e);
        }
    }
}
