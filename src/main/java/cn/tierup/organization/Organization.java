package cn.tierup.organization;

import cn.tierup.organization.internal.EncryptedStringConverter;
import cn.tierup.shared.ChineseOrder;
import cn.tierup.shared.DomainException;
import jakarta.persistence.*;
import org.springframework.data.domain.AbstractAggregateRoot;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A party organisation in the tree. Its path lists the ids from the root ("/1/7/42/"), so that
 * "this organisation and everything under it" is one indexed prefix query.
 */
@Entity
@Table(name = "organization")
public class Organization extends AbstractAggregateRoot<Organization> {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "organization_seq")
    @SequenceGenerator(name = "organization_seq", sequenceName = "organization_seq", allocationSize = 50)
    private Long id;
    private Long parentId;
    private String path;
    private int depth;
    private String name;
    @Enumerated(EnumType.STRING)
    private OrgKind kind;
    @Enumerated(EnumType.STRING)
    private Field field;
    private Long gradingAuthorityId;
    private String secretary;
    private String contactPerson;
    @Convert(converter = EncryptedStringConverter.class)
    private String contactPhone;
    @Enumerated(EnumType.STRING)
    private UnitType unitType;
    private String unitName;
    private LocalDate establishedOn;
    private LocalDate lastElectionOn;
    private boolean retired;
    private LocalDate retiredOn;
    /** 排序号 among its parent's organisations; null: after the numbered ones, by pinyin. */
    private Integer sortOrder;
    /**
     * Its place in the tree's order, for the database to sort by: the parent's key, then a fixed-width segment
     * of its own (排序号, the pinyin key of its name, its id). Kept by {@link #placeUnder} and {@link #update}.
     */
    private String sortKey;
    @Version
    private long version;
    private LocalDateTime createdAt = LocalDateTime.now();

    public static final int FIRST_SORT_ORDER = 1;
    public static final int LAST_SORT_ORDER = 99_999;
    /** Characters of one level of {@link #sortKey}: 排序号 (8), the name's pinyin key, the id (12). */
    public static final int SORT_SEGMENT = 8 + ChineseOrder.KEY_LENGTH + 12;

    protected Organization() {
    }

    private Organization(OrganizationDetails details) {
        apply(details);
        // Hibernate inserts the state as of persist, before the id is known: a unique placeholder
        // stands in until placeUnder() sets the real path in the same transaction.
        this.path = "/new-" + java.util.UUID.randomUUID() + "/";
    }

    /** The top of a tree, e.g. a city's 市委. It is graded by no one inside the product. */
    public static Organization root(OrganizationDetails details) {
        return new Organization(details);
    }

    /** A new organisation under {@code parent}; call {@link #placeUnder} once it has its id. */
    public static Organization childOf(Organization parent, OrganizationDetails details) {
        TreePlacementPolicy.checkParent(parent);
        Organization o = new Organization(details);
        o.parentId = parent.id;
        return o;
    }

    /** Sets the path once the id is known (ids come from a sequence at persist time). */
    public void placeUnder(Organization parent) {
        if (id == null) {
            throw new IllegalStateException("persist first");
        }
        this.parentId = parent == null ? null : parent.id;
        this.path = (parent == null ? "/" : parent.path) + id + "/";
        this.depth = parent == null ? 0 : parent.depth + 1;
        this.sortKey = (parent == null || parent.sortKey == null ? "" : parent.sortKey) + sortSegment(sortOrder, name, id);
    }

    /** One level of the tree's sort key: 排序号 first (none: after all numbered), then the name by pinyin, then the id. */
    public static String sortSegment(Integer sortOrder, String name, long id) {
        return String.format("%08d", sortOrder == null ? LAST_SORT_ORDER + 1 : sortOrder) + ChineseOrder.key(name)
                + String.format("%012d", id);
    }

    public void update(OrganizationDetails details, long activeChildren) {
        if (!details.kind().mayHaveChildren() && activeChildren > 0) {
            throw new DomainException("org.kind.hasChildren", activeChildren);
        }
        apply(details);
        if (sortKey != null && sortKey.length() >= SORT_SEGMENT) {
            sortKey = sortKey.substring(0, sortKey.length() - SORT_SEGMENT) + sortSegment(sortOrder, name, id);
        }
    }

    private void apply(OrganizationDetails d) {
        if (d.name() == null || d.name().isBlank()) {
            throw new DomainException("org.name.required");
        }
        if (d.kind() == null) {
            throw new DomainException("org.kind.required");
        }
        if (d.field() == null) {
            throw new DomainException("org.field.required");
        }
        if (d.establishedOn() != null && d.lastElectionOn() != null && d.lastElectionOn().isBefore(d.establishedOn())) {
            throw new DomainException("org.election.beforeEstablished");
        }
        if (d.lastElectionOn() != null && d.lastElectionOn().isAfter(LocalDate.now())) {
            throw new DomainException("org.election.future");
        }
        this.name = d.name().strip();
        this.kind = d.kind();
        this.field = d.field();
        this.secretary = blankToNull(d.secretary());
        this.contactPerson = blankToNull(d.contactPerson());
        this.contactPhone = d.contactPhone() == null || d.contactPhone().isBlank() ? null
                : PhoneNumbers.normalise(d.contactPhone());
        this.unitType = d.unitType();
        this.unitName = blankToNull(d.unitName());
        this.establishedOn = d.establishedOn();
        this.lastElectionOn = d.lastElectionOn();
        if (d.sortOrder() != null && (d.sortOrder() < FIRST_SORT_ORDER || d.sortOrder() > LAST_SORT_ORDER)) {
            throw new DomainException("org.sortOrder.range", FIRST_SORT_ORDER, LAST_SORT_ORDER);
        }
        this.sortOrder = d.sortOrder();
    }

    /**
     * Sets who decides this organisation's grade; null means its parent. The policy keeps an
     * organisation from grading itself.
     */
    public void assignGradingAuthority(Organization authority) {
        GradingAuthorityPolicy.check(this, authority);
        this.gradingAuthorityId = authority == null || authority.id.equals(parentId) ? null : authority.id;
    }

    /** The 书记 follows the leadership: set when a new secretary takes office, cleared when the term ends. */
    public void changeSecretary(String name) {
        this.secretary = name == null || name.isBlank() ? null : name.strip();
    }

    /** Moves this organisation (its subtree follows by path) and returns the old path. */
    public String moveUnder(Organization newParent) {
        TreePlacementPolicy.checkMove(this, newParent);
        String old = path;
        placeUnder(newParent);
        if (gradingAuthorityId != null && gradingAuthorityId.equals(parentId)) {
            gradingAuthorityId = null;
        }
        registerEvent(new OrganizationMoved(id, parentId, old, path));
        return old;
    }

    /** Retires (撤销) an organisation that no longer has active organisations or members under it. */
    public void retire(LocalDate on, long activeChildren, long activeMembers) {
        if (retired) {
            throw new DomainException("org.retire.already");
        }
        if (parentId == null) {
            throw new DomainException("org.retire.root");
        }
        if (activeChildren > 0 || activeMembers > 0) {
            throw new DomainException("org.retire.notEmpty", activeChildren, activeMembers);
        }
        this.retired = true;
        this.retiredOn = on;
        registerEvent(new OrganizationRetired(id, on));
    }

    public boolean covers(Organization other) {
        return other.path.startsWith(path);
    }

    /** The organisation that decides this one's grade: the one assigned, or else the parent. */
    public Long effectiveGradingAuthorityId() {
        return gradingAuthorityId != null ? gradingAuthorityId : parentId;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public Long getId() { return id; }
    public Long getParentId() { return parentId; }
    public String getPath() { return path; }
    public int getDepth() { return depth; }
    public String getName() { return name; }
    public OrgKind getKind() { return kind; }
    public Field getField() { return field; }
    public Long getGradingAuthorityId() { return gradingAuthorityId; }
    public String getSecretary() { return secretary; }
    public String getContactPerson() { return contactPerson; }
    public String getContactPhone() { return contactPhone; }
    public UnitType getUnitType() { return unitType; }
    public String getUnitName() { return unitName; }
    public LocalDate getEstablishedOn() { return establishedOn; }
    public LocalDate getLastElectionOn() { return lastElectionOn; }
    public boolean isRetired() { return retired; }
    public LocalDate getRetiredOn() { return retiredOn; }
    public long getVersion() { return version; }
    public Integer getSortOrder() { return sortOrder; }
    public String getSortKey() { return sortKey; }
}
