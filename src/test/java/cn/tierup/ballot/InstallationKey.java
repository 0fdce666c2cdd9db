package cn.tierup.ballot;

import cn.tierup.shared.crypto.MasterKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The installation's key, which the shared kernel gives the application and a ballot module test must give itself. */
@TestConfiguration
class InstallationKey {

    @Bean
    MasterKey masterKey(@Value("${tierup.crypto.key}") String key) {
        return new MasterKey(key, "");
    }
}
