package cn.tierup.shared;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import java.util.Comparator;
import java.util.HexFormat;

/**
 * The one order of Chinese names: by pinyin (CLDR's zh collation, as ICU implements it: 工业开发区 before
 * 三界镇, 濛阳镇 under m), people and organisations alike. Lists sorted in Java use {@link #NAMES}; lists
 * sorted by the database use {@link #key}, a fixed-width text of hex digits that compares as the names do
 * (the same on H2 and PostgreSQL, whatever the database's own collation), so that a page of a long list is
 * cut in the same order as the whole list.
 */
public final class ChineseOrder {

    /** Bytes of a name's collation key kept in {@link #key}: about 30 Chinese characters. */
    private static final int KEY_BYTES = 64;
    /** Characters of {@link #key}. */
    public static final int KEY_LENGTH = 2 * KEY_BYTES;

    private static final Collator COLLATOR;

    static {
        Collator c = Collator.getInstance(ULocale.forLanguageTag("zh"));
        c.setStrength(Collator.PRIMARY);
        COLLATOR = c.freeze();
    }

    /** Chinese names by pinyin; null last; names equal in pinyin by their characters, so the order is total. */
    public static final Comparator<String> NAMES = Comparator.nullsLast(
            Comparator.<String, String>comparing(s -> s, COLLATOR::compare).thenComparing(Comparator.naturalOrder()));

    private ChineseOrder() {
    }

    /** Orders items by a Chinese name. */
    public static <T> Comparator<T> by(java.util.function.Function<T, String> name) {
        return Comparator.comparing(name, NAMES);
    }

    /**
     * The sort key of a name: its primary collation key in hex, cut or padded with zeros to
     * {@link #KEY_LENGTH} characters. Keys compare (as plain text) as the names do by pinyin.
     */
    public static String key(String name) {
        byte[] k = COLLATOR.getCollationKey(name == null ? "" : name.strip()).toByteArray();
        byte[] fixed = new byte[KEY_BYTES];
        System.arraycopy(k, 0, fixed, 0, Math.min(k.length, KEY_BYTES));
        return HexFormat.of().formatHex(fixed);
    }
}
