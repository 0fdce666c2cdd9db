package cn.tierup.shared.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sealing small secrets (a vote, a rating) to a key pair whose private half the system never keeps: the
 * private half is printed for a person (the 计票 key) and typed back when the secrets are to be opened.
 * X25519 with a fresh key per sealed message, HKDF-SHA256 and AES-256-GCM — all in the JDK.
 *
 * <p>The printed key is a 120-bit secret in 24 characters (Crockford's base32, "ABCD-EFGH-…"); the X25519
 * private key is derived from it, so the key fits on a slip and can be typed. The stored public key lets the
 * typed key be checked before anything is opened. A sealed message of {@code n} bytes takes
 * {@code 32 + n + 16} bytes whatever it says, so equal-length plaintexts give equal-length sealed texts.
 */
public final class SealedBox {

    private static final NamedParameterSpec CURVE = NamedParameterSpec.X25519;
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int SECRET_BYTES = 15;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] INFO = "tierup sealed box v1".getBytes(StandardCharsets.US_ASCII);

    private SealedBox() {
    }

    /** A new key pair: the public half to store, the private half in printed form, to hand over and forget. */
    public record Keys(String publicKey, String closingKey) {
        @Override
        public String toString() {
            return "Keys[publicKey=" + publicKey + ", closingKey=…]";
        }
    }

    public static Keys generate() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return new Keys(encodePublic(publicOf(scalar(secret))), print(secret));
    }

    /** Seals {@code plaintext} to the public key; {@code context} (e.g. the ballot's link) must match on opening. */
    public static byte[] seal(String publicKey, byte[] plaintext, byte[] context) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("XDH");
            g.initialize(CURVE, RANDOM);
            KeyPair ephemeral = g.generateKeyPair();
            byte[] ephemeralPublic = raw((XECPublicKey) ephemeral.getPublic());
            byte[] recipient = Base64.getUrlDecoder().decode(publicKey);
            byte[] key = messageKey(agree(ephemeral.getPrivate(), recipient), ephemeralPublic, recipient);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            // the key is new for every message, so a fixed nonce is never reused under one key
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, new byte[12]));
            c.updateAAD(context);
            byte[] body = c.doFinal(plaintext);
            byte[] out = Arrays.copyOf(ephemeralPublic, 32 + body.length);
            System.arraycopy(body, 0, out, 32, body.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What opens messages sealed to {@code publicKey}, from the key as typed (any case, dashes and spaces
     * ignored); empty when the typed key is not that public key's private half.
     */
    public static Optional<Opener> opener(String publicKey, String typedClosingKey) {
        byte[] secret = parse(typedClosingKey);
        if (secret == null) {
            return Optional.empty();
        }
        byte[] scalar = scalar(secret);
        byte[] recipient = Base64.getUrlDecoder().decode(publicKey);
        if (!MessageDigest.isEqual(raw(publicOf(scalar)), recipient)) {
            return Optional.empty();
        }
        return Optional.of(new Opener(scalar, recipient));
    }

    /** A short receipt for a sealed message: derived from the sealed bytes, so it says nothing of what they hold. */
    public static String receipt(byte[] sealed) {
        byte[] h = sha256(sealed);
        String s = base32(Arrays.copyOf(h, 5));
        return s.substring(0, 4) + "-" + s.substring(4, 8);
    }

    /** The private half, typed back and checked; it lives in memory only as long as this object. */
    public static final class Opener {
        private final PrivateKey key;
        private final byte[] recipient;

        private Opener(byte[] scalar, byte[] recipient) {
            this.key = privateKey(scalar);
            this.recipient = recipient;
        }

        /** The plaintext, or empty if the sealed bytes were not made by {@link #seal} for this key and context. */
        public Optional<byte[]> open(byte[] sealed, byte[] context) {
            if (sealed == null || sealed.length < 32 + 16) {
                return Optional.empty();
            }
            try {
                byte[] ephemeralPublic = Arrays.copyOf(sealed, 32);
                byte[] messageKey = messageKey(agree(key, ephemeralPublic), ephemeralPublic, recipient);
                Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(messageKey, "AES"), new GCMParameterSpec(128, new byte[12]));
                c.updateAAD(context);
                return Optional.of(c.doFinal(sealed, 32, sealed.length - 32));
            } catch (GeneralSecurityException | IllegalStateException e) {
                return Optional.empty();
            }
        }
    }

    // ---- the pieces ------------------------------------------------------------------------------

    /** The X25519 private scalar derived from the printed secret. */
    private static byte[] scalar(byte[] secret) {
        return hkdf(secret, new byte[0], "tierup closing key".getBytes(StandardCharsets.US_ASCII));
    }

    private static PrivateKey privateKey(byte[] scalar) {
        try {
            return KeyFactory.getInstance("XDH").generatePrivate(new XECPrivateKeySpec(CURVE, scalar));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key of a scalar: X25519 of the scalar and the curve's base point (u = 9). */
    private static XECPublicKey publicOf(byte[] scalar) {
        byte[] u = agree(privateKey(scalar), littleEndian(BigInteger.valueOf(9)));
        return (XECPublicKey) publicKey(u);
    }

    private static PublicKey publicKey(byte[] rawU) {
        try {
            return KeyFactory.getInstance("XDH").generatePublic(new XECPublicKeySpec(CURVE, fromLittleEndian(rawU)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] agree(PrivateKey mine, byte[] theirRawU) {
        try {
            KeyAgreement a = KeyAgreement.getInstance("XDH");
            a.init(mine);
            a.doPhase(publicKey(theirRawU), true);
            return a.generateSecret();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] messageKey(byte[] shared, byte[] ephemeralPublic, byte[] recipient) {
        byte[] salt = Arrays.copyOf(ephemeralPublic, 64);
        System.arraycopy(recipient, 0, salt, 32, 32);
        return hkdf(shared, salt, INFO);
    }

    /** HKDF-SHA256 (RFC 5869), one block of output. */
    private static byte[] hkdf(byte[] ikm, byte[] salt, byte[] info) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt.length == 0 ? new byte[32] : salt, "HmacSHA256"));
            byte[] prk = mac.doFinal(ikm);
            mac.init(new SecretKeySpec(prk, "HmacSHA256"));
            mac.update(info);
            mac.update((byte) 1);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] raw(XECPublicKey key) {
        return littleEndian(key.getU());
    }

    private static String encodePublic(XECPublicKey key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw(key));
    }

    private static byte[] littleEndian(BigInteger u) {
        byte[] big = u.toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < 32 && i < big.length; i++) {
            out[i] = big[big.length - 1 - i];
        }
        return out;
    }

    private static BigInteger fromLittleEndian(byte[] le) {
        byte[] big = new byte[le.length];
        for (int i = 0; i < le.length; i++) {
            big[i] = le[le.length - 1 - i];
        }
        return new BigInteger(1, big);
    }

    private static byte[] sha256(byte[] in) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(in);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String print(byte[] secret) {
        String s = base32(secret);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i += 4) {
            b.append(i == 0 ? "" : "-").append(s, i, Math.min(s.length(), i + 4));
        }
        return b.toString();
    }

    private static String base32(byte[] bytes) {
        StringBuilder b = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte x : bytes) {
            buffer = (buffer << 8) | (x & 0xff);
            bits += 8;
            while (bits >= 5) {
                b.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            b.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return b.toString();
    }

    /** The secret from the key as typed, reading I and L as 1 and O as 0; null unless 24 symbols of the alphabet. */
    private static byte[] parse(String typed) {
        if (typed == null) {
            return null;
        }
        String s = typed.toUpperCase().replaceAll("[\\s\\-]", "").replace('I', '1').replace('L', '1').replace('O', '0');
        if (s.length() != SECRET_BYTES * 8 / 5) {
            return null;
        }
        byte[] out = new byte[SECRET_BYTES];
        int buffer = 0;
        int bits = 0;
        int n = 0;
        for (char ch : s.toCharArray()) {
            int v = ALPHABET.indexOf(ch);
            if (v < 0) {
                return null;
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out[n++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }
}
