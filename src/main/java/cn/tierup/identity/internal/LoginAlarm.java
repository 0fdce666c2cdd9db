package cn.tierup.identity.internal;

import cn.tierup.identity.LoginAlert;
import cn.tierup.identity.LoginThrottlePolicy;
import cn.tierup.identity.LoginThrottlePolicy.Tally;
import cn.tierup.shared.AuditRecorder;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes sustained guessing against a known account to the audit trail: who, from which addresses, how many wrong
 * passwords, since when. On another thread, after the answer has gone: looking the name up and writing the entry
 * must not make a known name's answer slower than an unknown one's.
 */
@Component
class LoginAlarm {

    private static final Logger log = LoggerFactory.getLogger(LoginAlarm.class);
    static final int ADDRESSES_NAMED = 10;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final AccountRepository accounts;
    private final LoginThrottles store;
    private final LoginThrottlePolicy policy;
    private final AuditRecorder audit;
    private final MessageSource messages;
    private final TransactionTemplate tx;
    private final Executor executor;

    LoginAlarm(AccountRepository accounts, LoginThrottles store, LoginThrottlePolicy policy, AuditRecorder audit,
               MessageSource messages, TransactionTemplate tx, @Qualifier("applicationTaskExecutor") Executor executor) {
        this.accounts = accounts;
        this.store = store;
        this.policy = policy;
        this.audit = audit;
        this.messages = messages;
        this.tx = tx;
        this.executor = executor;
    }

    void sound(String name, Tally account, LocalDateTime now) {
        executor.execute(() -> {
            try {
                record(name, account, now);
            } catch (RuntimeException e) {
                log.warn("could not write the audit entry for wrong passwords against {}", name, e);
            }
        });
    }

    private void record(String name, Tally account, LocalDateTime now) {
        accounts.findByUsername(name).ifPresent(a -> tx.executeWithoutResult(s -> {
            List<LoginAlert.Source> from = store.addresses(name, policy.forgetBefore(now), ADDRESSES_NAMED + 1);
            String summary = messages.getMessage("audit.loginFailures", new Object[] {name,
                    WHEN.format(account.firstFailureAt()), account.failures(), describe(from)}, Locale.SIMPLIFIED_CHINESE);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("failures", account.failures());
            after.put("since", account.firstFailureAt());
            after.put("addresses", from.stream().limit(ADDRESSES_NAMED).toList());
            audit.record("Account", a.getId(), a.getOrganizationId(), "LOGIN_FAILURES", summary, null, after);
        }));
    }

    private String describe(List<LoginAlert.Source> from) {
        String named = from.stream().limit(ADDRESSES_NAMED)
                .map(f -> messages.getMessage("audit.loginFailures.address", new Object[] {f.address(), f.failures()},
                        Locale.SIMPLIFIED_CHINESE))
                .collect(Collectors.joining("、"));
        return from.size() > ADDRESSES_NAMED
                ? named + messages.getMessage("audit.loginFailures.more", null, Locale.SIMPLIFIED_CHINESE) : named;
    }
}
