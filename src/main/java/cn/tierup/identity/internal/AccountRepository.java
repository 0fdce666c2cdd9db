package cn.tierup.identity.internal;

import cn.tierup.identity.Account;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AccountRepository extends JpaRepository<Account, Long> {

    Optional<Account> findByUsername(String username);

    /** The name of an account, read alone: pages name the person of every line (a register page, 50 of them). */
    @Query("select a.displayName from Account a where a.username = :username")
    Optional<String> displayName(@Param("username") String username);

    long countByOrganizationIdAndEnabledTrue(long organizationId);

    boolean existsByUsername(String username);
}
