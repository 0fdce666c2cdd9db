package cn.tierup.identity;

import java.util.Locale;
import org.springframework.context.MessageSource;

/** How long a held-back login is told to wait, in words: seconds under a minute, else whole minutes rounded up. */
public final class LoginWait {

    private LoginWait() {
    }

    public static String describe(long seconds, MessageSource messages) {
        return seconds < 60
                ? messages.getMessage("login.wait.seconds", new Object[] {seconds}, Locale.SIMPLIFIED_CHINESE)
                : messages.getMessage("login.wait.minutes", new Object[] {(seconds + 59) / 60}, Locale.SIMPLIFIED_CHINESE);
    }
}
