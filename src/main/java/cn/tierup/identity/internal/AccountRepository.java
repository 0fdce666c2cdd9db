package cn.tierup.identity.internal;

import cn.tierup.identity.Account;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AccountRepository extends JpaRepository<Account, Long> {

    Optional<Account> findByUsername(String username);

    long countByOrganizationIdAndEnabledTrue(long organizationId);

    boolean existsByUsername(String username);
}
