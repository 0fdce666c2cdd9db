package cn.tierup.organization;

import cn.tierup.organization.internal.EncryptedStringConverter;
import cn.tierup.shared.ChineseOrder;
import cn.tierup.shared.DomainException;
import jakarta.persistence.*;
import org.springframework.data.domain.AbstractAggregateRoot;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** A person on an organisation's roll: a party member, or someone in the development pipeline. */
@Entity
@Table(name = "member")
public class Member extends AbstractAggregateRoot<Member> {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "member_seq")
    @SequenceGenerator(name = "member_seq", sequenceName = "member_seq", allocationSize = 50)
    private Long id;
    private Long organizationId;
    private String name;
    /** The name's pinyin key ({@link ChineseOrder#key}), for lists of people sorted by the database. */
    private String nameKey;
    @Enumerated(EnumType.STRING)
    private Sex sex;
    private String ethnicity;
    private LocalDate birthDate;
    @Enumerated(EnumType.STRING)
    private Education education;
    @Enumerated(EnumType.STRING)
    private MemberCategory category;
    private LocalDate activistOn;
    private LocalDate developmentTargetOn;
    private LocalDate joinedOn;
    private LocalDate regularizedOn;
    private boolean retired;
    private boolean floating;
    private boolean inDifficulty;
    @Convert(converter = EncryptedStringConverter.class)
    private String idNumber;
    /** Keyed hash of the ID number, so a duplicate can be found without decrypting the roll. */
    private String idNumberHash;
    @Convert(converter = EncryptedStringConverter.class)
    private String phone;
    @Enumerated(EnumType.STRING)
    private MemberStatus status = MemberStatus.ACTIVE;
    private LocalDate leftOn;
    @Enumerated(EnumType.STRING)
    private LeaveReason leaveReason;
    @Version
    private long version;
    private LocalDateTime createdAt = LocalDateTime.now();

    protected Member() {
    }

    public Member(long organizationId, MemberDetails details, String idNumberHash, LocalDate today) {
        this.organizationId = organizationId;
        update(details, idNumberHash, today);
    }

    /** A blank ID number or phone keeps what is stored (forms never hold the full value). */
    public void update(MemberDetails d, String newIdNumberHash, LocalDate today) {
        requireActive();
        MemberDetails effective = new MemberDetails(d.name(), d.sex(), d.ethnicity(), d.birthDate(), d.education(),
                d.category(), d.activistOn(), d.developmentTargetOn(), d.joinedOn(), d.regularizedOn(), d.retired(),
                d.floating(), d.inDifficulty(),
                d.idNumber() == null || d.idNumber().isBlank() ? idNumber : d.idNumber(),
                d.phone() == null || d.phone().isBlank() ? phone : d.phone());
        MemberPolicy.check(effective, today);
        this.name = d.name().strip();
        this.nameKey = ChineseOrder.key(this.name);
        this.sex = d.sex();
        this.ethnicity = d.ethnicity() == null || d.ethnicity().isBlank() ? null : d.ethnicity().strip();
        this.birthDate = d.birthDate();
        this.education = d.education();
        this.category = d.category();
        this.activistOn = d.activistOn();
        this.developmentTargetOn = d.developmentTargetOn();
        this.joinedOn = d.joinedOn();
        this.regularizedOn = d.regularizedOn();
        this.retired = d.retired();
        this.floating = d.floating();
        this.inDifficulty = d.inDifficulty();
        if (d.idNumber() != null && !d.idNumber().isBlank()) {
            this.idNumber = ChineseIdNumber.parse(d.idNumber()).value();
            this.idNumberHash = newIdNumberHash;
            if (this.birthDate == null) {
                this.birthDate = ChineseIdNumber.parse(d.idNumber()).birthDate();
            }
        }
        if (d.phone() != null && !d.phone().isBlank()) {
            this.phone = PhoneNumbers.normalise(d.phone());
        }
    }

    /** 组织关系转接 inside the product: the person moves to another organisation's roll. */
    public void transferTo(Organization target) {
        requireActive();
        if (target.getId().equals(organizationId)) {
            throw new DomainException("member.transfer.same");
        }
        if (target.isRetired()) {
            throw new DomainException("org.parent.retired", target.getName());
        }
        registerEvent(new MemberTransferred(id, organizationId, target.getId()));
        this.organizationId = target.getId();
    }

    /** Leaves the roll; the record stays, for history and the figures of past years. */
    public void leave(LocalDate on, LeaveReason reason, LocalDate today) {
        requireActive();
        if (on == null || reason == null) {
            throw new DomainException("member.leave.required");
        }
        if (on.isAfter(today)) {
            throw new DomainException("member.date.future");
        }
        this.status = MemberStatus.LEFT;
        this.leftOn = on;
        this.leaveReason = reason;
    }

    private void requireActive() {
        if (status == MemberStatus.LEFT) {
            throw new DomainException("member.left");
        }
    }

    public Long getId() { return id; }
    public Long getOrganizationId() { return organizationId; }
    public String getName() { return name; }
    public String getNameKey() { return nameKey; }
    public Sex getSex() { return sex; }
    public String getEthnicity() { return ethnicity; }
    public LocalDate getBirthDate() { return birthDate; }
    public Education getEducation() { return education; }
    public MemberCategory getCategory() { return category; }
    public LocalDate getActivistOn() { return activistOn; }
    public LocalDate getDevelopmentTargetOn() { return developmentTargetOn; }
    public LocalDate getJoinedOn() { return joinedOn; }
    public LocalDate getRegularizedOn() { return regularizedOn; }
    public boolean isRetired() { return retired; }
    public boolean isFloating() { return floating; }
    public boolean isInDifficulty() { return inDifficulty; }
    public String getIdNumber() { return idNumber; }
    public String getIdNumberHash() { return idNumberHash; }
    public String getPhone() { return phone; }
    public MemberStatus getStatus() { return status; }
    public LocalDate getLeftOn() { return leftOn; }
    public LeaveReason getLeaveReason() { return leaveReason; }
    public long getVersion() { return version; }
}
