package cn.tierup.identity;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Sustained wrong passwords against an account, for the administrator's home page: how many, since when, the
 * latest, whether addresses it never signed in from must wait now, and the addresses they came from (most first).
 */
public record LoginAlert(long accountId, String username, String displayName, int failures, LocalDateTime since,
                         LocalDateTime last, boolean strangersWait, List<Source> addresses) {

    /** Wrong passwords from one address. */
    public record Source(String address, int failures, LocalDateTime since) {
    }
}
