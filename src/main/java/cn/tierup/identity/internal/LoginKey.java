package cn.tierup.identity.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The name and address a login is throttled under. The name is taken as the account lookup takes it (stripped);
 * one that no account could have (too long, control characters) is kept as its hash, so that whatever a client
 * sends fits the column. An IPv6 address counts by its /64, the block one subscriber usually holds, so that
 * walking through one's own block does not buy fresh tries.
 */
public record LoginKey(String name, String address) {

    static final int MAX = 100;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    public static LoginKey of(String rawName, String rawAddress) {
        return new LoginKey(name(rawName), address(rawAddress));
    }

    public static String name(String raw) {
        return bounded(raw == null ? "" : raw.strip());
    }

    static String address(String raw) {
        if (raw == null || raw.isBlank()) {
            return "unknown";
        }
        String a = raw.strip();
        // only literals are parsed, so no name is ever looked up in DNS
        if (IPV4.matcher(a).matches() || (a.length() <= 45 && IPV6.matcher(a).matches())) {
            try {
                byte[] bytes = InetAddress.getByName(a).getAddress();
                if (bytes.length == 16) {
                    for (int i = 8; i < 16; i++) {
                        bytes[i] = 0;
                    }
                    return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
                }
                return InetAddress.getByAddress(bytes).getHostAddress();
            } catch (UnknownHostException e) {
                // not an address after all: kept as given
            }
        }
        return bounded(a);
    }

    private static String bounded(String s) {
        boolean plain = s.length() <= MAX && s.chars().allMatch(c -> c >= 0x20 && c != 0x7f);
        if (plain && !s.startsWith("#")) {
            return s;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return "#" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
