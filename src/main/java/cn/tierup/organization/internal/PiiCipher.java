package cn.tierup.organization.internal;

import cn.tierup.shared.crypto.MasterKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Encrypts personal data (公民身份号码, phone numbers) at rest with AES-GCM, and gives the keyed hash
 * that lets the roll find a duplicate ID number without decrypting anything; keys from {@link MasterKey}.
 */
@Component
public class PiiCipher {

    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;

    private final SecretKeySpec key;
    private final SecretKeySpec indexKey;
    private final SecureRandom random = new SecureRandom();
    /**
     * One cipher per thread, initialised anew for each value: looking one up costs ten times the decryption of an
     * ID number, which an export of a province's roll does twice a row. (Each encryption takes a fresh random IV.)
     */
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    public PiiCipher(MasterKey master) {
        this.key = master.aes();
        this.indexKey = master.derive("id-number-index");
    }

    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher c = CIPHER.get();
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + ct.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(ct, 0, out, iv.length, ct.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalStateException("personal data stored without encryption");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher c = CIPHER.get();
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, IV_BYTES));
            return new String(c.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt personal data: wrong tierup.crypto.key?", e);
        }
    }

    /** Keyed hash for equality look-ups (duplicates); null for null. */
    public String index(String plain) {
        return plain == null ? null : MasterKey.hex(indexKey, plain);
    }
}
