package cn.tierup.shared;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * The short random part of a public link (/q/…, /q/p/…, /q/v/…): ten lower-case letters and digits
 * without look-alikes (no 0/o, 1/i/l), about fifty bits, so links cannot be guessed or enumerated and
 * read well when typed from paper.
 */
public final class Slugs {

    /** What a link's slug may look like, checked before any lookup so that junk never reaches the database. */
    public static final String SHAPE = "[a-z0-9]{6,16}";

    private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();
    private static final int LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Slugs() {
    }

    /** A fresh slug from the secure generator. */
    public static String generate() {
        return generate(RANDOM);
    }

    /** A slug from the given generator; demo data passes a seeded one to be reproducible. */
    public static String generate(RandomGenerator random) {
        StringBuilder b = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            b.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return b.toString();
    }

    /** Whether a path segment can be a slug at all. */
    public static boolean plausible(String slug) {
        return slug != null && slug.matches(SHAPE);
    }
}
