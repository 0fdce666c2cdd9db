package cn.tierup.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Printed one-time codes (答题码, 测评码): eight characters without look-alikes (no 0/O, 1/I/L), shown
 * once as "ABCD-EFGH" and kept only as a salted hash. Forty bits each, so guessing one is hopeless.
 */
public final class OneTimeCodes {

    private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private OneTimeCodes() {
    }

    /** {@code count} distinct codes, printed form. */
    public static List<String> generate(int count) {
        Set<String> fresh = new LinkedHashSet<>();
        while (fresh.size() < count) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                b.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
            }
            fresh.add(b.substring(0, 4) + "-" + b.substring(4));
        }
        return new ArrayList<>(fresh);
    }

    /** A code as typed (any case, with or without the dash or spaces) reduced to its eight characters. */
    public static String normalise(String typed) {
        return typed == null ? "" : typed.strip().toUpperCase().replace("-", "").replace(" ", "");
    }

    /** SHA-256 of salt, a zero byte and the secret, in hex. */
    public static String hash(String salt, String secret) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(salt.getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            return HexFormat.of().formatHex(d.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
