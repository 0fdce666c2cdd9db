package cn.tierup.identity;

import cn.tierup.shared.ChineseOrder;
import cn.tierup.shared.DomainException;
import jakarta.persistence.*;
import java.time.LocalDateTime;
import java.util.regex.Pattern;

/**
 * A login bound to one organisation and one role. Wrong passwords are not kept here: they hold back the account and
 * address that typed them ({@link LoginThrottlePolicy}), never the account everywhere.
 */
@Entity
@Table(name = "account")
public class Account {

    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.\\-]{3,50}");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String username;
    private String displayName;
    /** The name's pinyin collation key, for lists in the order people expect (see ChineseOrder). */
    private String nameKey;
    private String passwordHash;
    private Long organizationId;
    @Enumerated(EnumType.STRING)
    private Role role;
    private boolean enabled = true;
    /** The person on the roll this account belongs to (a party member's account), by id: the roll is organization's. */
    private Long memberId;
    /** Written by identity's internal LoginRecords in one statement, never through this entity. */
    @Column(insertable = false, updatable = false)
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
        this.nameKey = ChineseOrder.key(this.displayName);
        this.organizationId = organizationId;
        this.role = role;
    }

    /**
     * Ties the account to a person on the roll, or unties it ({@code member} null): only someone still on the roll
     * of the account's own organisation, so a member's home never shows another branch's person as theirs.
     */
    public void linkMember(OrganizationDirectory.MemberRef member) {
        if (member == null) {
            this.memberId = null;
            return;
        }
        if (!member.active() || member.organizationId() != organizationId) {
            throw new DomainException("account.member.notOnRoll", member.name());
        }
        this.memberId = member.id();
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
    public Long getMemberId() { return memberId; }
    public LocalDateTime getLastLoginAt() { return lastLoginAt; }
    public long getVersion() { return version; }
}
