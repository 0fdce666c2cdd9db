package cn.tierup.organization.internal;

import java.security.GeneralSecurityException;
import java.util.Optional;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start with an installation key that cannot read the personal data already stored. A backup
 * restored beside another key (or beside a key file generated afresh because the old one was not kept)
 * would otherwise answer every roll with an error and encrypt new entries under a second key. Runs once
 * the beans are built (the migrations done), before the web server takes a request.
 */
@Component
class InstallationKeyCheck implements SmartInitializingSingleton {

    private final JdbcClient jdbc;
    private final PiiCipher cipher;

    InstallationKeyCheck(JdbcClient jdbc, PiiCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Optional<String> stored = jdbc.sql("select id_number from member where id_number is not null order by id fetch first 1 rows only")
                .query(String.class).optional();
        stored.ifPresent(this::readable);
    }

    private void readable(String stored) {
        try {
            cipher.decrypt(stored);
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof GeneralSecurityException) {
                throw new IllegalStateException("The installation key (tierup.crypto.key, TIERUP_CRYPTO_KEY or the key file) is not"
                        + " the key this database's personal data was encrypted with. Start with the installation's own key:"
                        + " it is kept apart from the database and its backups (README, \"Backup and restore\").", e);
            }
            throw e;
        }
    }
}
