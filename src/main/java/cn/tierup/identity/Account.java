package cn.tierup.identity;

import cn.tierup.shared.DomainException;
import jakarta.persistence.*;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.regex.Pattern;

/** A login bound to one organisation and one role. */
@Entity
@Table(name = "account")
public class Account {

    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.\\-]{3,50}");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String username;
    private String displayName;
    private String passwordHash;
    private Long organizationId;
    @Enumerated(EnumType.STRING)
    private Role role;
    private boolean enabled = true;
    private int failedAttempts;
    private LocalDateTime lockedUntil;
    private LocalDateTime lastLoginAt;
    @Version
    private long version;
    private LocalDateTime createdAt = LocalDateTime.now();

    protected Account() {
    }

    public Account(String username, String displayName, String passwordHash, long organizationId, Role role) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new DomainException("account.username.invalid");
        }
        this.username = username;
        this.passwordHash = passwordHash;
        assign(displayName, organizationId, role);
    }

    public void assign(String displayName, long organizationId, Role role) {
        if (displayName == null || displayName.isBlank()) {
            throw new DomainException("account.displayName.required");
        }
        if (role == null) {
            throw new DomainException("account.role.required");
        }
        this.displayName = displayName.strip();
        this.organizationId = organizationId;
        this.role = role;
    }

    /**
     * Counts a wrong password; at {@code max} in a row the account is locked for {@code lock}. Authentication
     * applies this rule and the next as single statements (identity's internal {@code LoginRecords}) instead of
     * saving the entity, so that parallel requests of one account do not contend on its version.
     */
    public void recordFailedLogin(int max, Duration lock, LocalDateTime now) {
        failedAttempts++;
        if (failedAttempts >= max) {
            lockedUntil = now.plus(lock);
            failedAttempts = 0;
        }
    }

    public void recordSuccessfulLogin(LocalDateTime now) {
        failedAttempts = 0;
        lockedUntil = null;
        lastLoginAt = now;
    }

    public boolean isLocked(LocalDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public void unlock() {
        lockedUntil = null;
        failedAttempts = 0;
    }

    public void changePasswordHash(String hash) {
        this.passwordHash = hash;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public CurrentUser toCurrentUser() {
        return new CurrentUser(id, username, displayName, organizationId, role);
    }

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public String getDisplayName() { return displayName; }
    public String getPasswordHash() { return passwordHash; }
    public Long getOrganizationId() { return organizationId; }
    public Role getRole() { return role; }
    public boolean isEnabled() { return enabled; }
    public int getFailedAttempts() { return failedAttempts; }
    public LocalDateTime getLockedUntil() { return lockedUntil; }
    public LocalDateTime getLastLoginAt() { return lastLoginAt; }
    public long getVersion() { return version; }
}
