package cn.tierup.station;

import cn.tierup.shared.BoundedText;
import cn.tierup.shared.ChineseOrder;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.StaleRecordException;
import jakarta.persistence.*;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A 远程教育站点, hosted and kept by one organisation. What must hold of its record is checked here: the facts a
 * registry needs are there and fit, no day lies ahead of today, the funding is a sum of money a station can have.
 * Retired (撤销) with a day, never deleted; a retired station takes no new sessions and is not corrected.
 */
@Entity
@Table(name = "station")
public class Station {

    /** The most a station's yearly 运行维护经费 can be, in 元: beyond it the figure is a typing error. */
    static final BigDecimal MAX_FUNDING = new BigDecimal("10000000");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long hostOrganizationId;
    private String name;
    private String nameKey;
    private String address;
    @Enumerated(EnumType.STRING)
    private TerminalKind terminalKind;
    private String equipment;
    @Enumerated(EnumType.STRING)
    private EquipmentCondition equipmentCondition;
    private String managerName;
    private LocalDate managerTrainedOn;
    private String openingHours;
    private BigDecimal yearlyFunding;
    private String fundingSource;
    private LocalDate openedOn;
    @Enumerated(EnumType.STRING)
    private StationStatus status;
    private LocalDate retiredOn;
    private String createdBy;
    private LocalDateTime createdAt;
    private String updatedBy;
    private LocalDateTime updatedAt;
    @Version
    private long version;

    protected Station() {
    }

    public Station(long hostOrganizationId, StationDetails details, String by, LocalDateTime now) {
        this.hostOrganizationId = hostOrganizationId;
        this.createdBy = by;
        this.createdAt = now;
        apply(details, by, now);
    }

    /** Corrects what was recorded; refused once retired or when someone else changed it first. */
    public void correct(StationDetails details, long expectedVersion, String by, LocalDateTime now) {
        fresh(expectedVersion);
        if (retired()) {
            throw new DomainException("station.retired");
        }
        apply(details, by, now);
    }

    /** Takes the station off the registry on {@code on}: not before it opened, not ahead of today. */
    public void retire(LocalDate on, long expectedVersion, String by, LocalDateTime now) {
        fresh(expectedVersion);
        if (retired()) {
            throw new DomainException("station.retired");
        }
        if (on == null) {
            throw new DomainException("station.retiredOn");
        }
        if (on.isAfter(now.toLocalDate())) {
            throw new DomainException("station.retiredOn.future");
        }
        if (on.isBefore(openedOn)) {
            throw new DomainException("station.retiredOn.beforeOpened");
        }
        this.retiredOn = on;
        this.status = StationStatus.SUSPENDED;
        touch(by, now);
    }

    private void apply(StationDetails d, String by, LocalDateTime now) {
        if (d == null) {
            throw new DomainException("station.name");
        }
        LocalDate today = now.toLocalDate();
        this.name = BoundedText.NAME.required(d.name(), "station.name");
        this.nameKey = ChineseOrder.key(this.name);
        this.address = BoundedText.TITLE.required(d.address(), "station.address");
        if (d.terminalKind() == null) {
            throw new DomainException("station.terminalKind");
        }
        this.terminalKind = d.terminalKind();
        this.equipment = BoundedText.ITEM.optional(d.equipment(), "station.equipment");
        if (d.equipmentCondition() == null) {
            throw new DomainException("station.equipmentCondition");
        }
        this.equipmentCondition = d.equipmentCondition();
        this.managerName = BoundedText.PERSON_NAME.required(d.managerName(), "station.managerName");
        if (d.managerTrainedOn() != null && d.managerTrainedOn().isAfter(today)) {
            throw new DomainException("station.managerTrainedOn.future");
        }
        this.managerTrainedOn = d.managerTrainedOn();
        this.openingHours = BoundedText.NAME.optional(d.openingHours(), "station.openingHours");
        BigDecimal funding = d.yearlyFunding() == null ? BigDecimal.ZERO : d.yearlyFunding();
        if (funding.signum() < 0 || funding.compareTo(MAX_FUNDING) > 0 || funding.stripTrailingZeros().scale() > 2) {
            throw new DomainException("station.yearlyFunding");
        }
        this.yearlyFunding = funding.setScale(2, java.math.RoundingMode.UNNECESSARY);
        this.fundingSource = BoundedText.TITLE.optional(d.fundingSource(), "station.fundingSource");
        if (d.openedOn() == null) {
            throw new DomainException("station.openedOn");
        }
        if (d.openedOn().isAfter(today)) {
            throw new DomainException("station.openedOn.future");
        }
        this.openedOn = d.openedOn();
        if (d.status() == null) {
            throw new DomainException("station.status");
        }
        this.status = d.status();
        touch(by, now);
    }

    private void fresh(long expectedVersion) {
        if (expectedVersion != version) {
            throw new StaleRecordException();
        }
    }

    private void touch(String by, LocalDateTime now) {
        this.updatedBy = by;
        this.updatedAt = now;
    }

    public boolean retired() {
        return retiredOn != null;
    }

    /** Whether it is on the registry and running on {@code day}: opened by then, not retired, not 停用. */
    public boolean running(LocalDate day) {
        return !retired() && status == StationStatus.IN_USE && !openedOn.isAfter(day);
    }

    public StationDetails details() {
        return new StationDetails(name, address, terminalKind, equipment, equipmentCondition, managerName, managerTrainedOn,
                openingHours, yearlyFunding, fundingSource, openedOn, status);
    }

    public Long getId() { return id; }
    public long getHostOrganizationId() { return hostOrganizationId; }
    public String getName() { return name; }
    public String getAddress() { return address; }
    public TerminalKind getTerminalKind() { return terminalKind; }
    public String getEquipment() { return equipment; }
    public EquipmentCondition getEquipmentCondition() { return equipmentCondition; }
    public String getManagerName() { return managerName; }
    public LocalDate getManagerTrainedOn() { return managerTrainedOn; }
    public String getOpeningHours() { return openingHours; }
    public BigDecimal getYearlyFunding() { return yearlyFunding; }
    public String getFundingSource() { return fundingSource; }
    public LocalDate getOpenedOn() { return openedOn; }
    public StationStatus getStatus() { return status; }
    public LocalDate getRetiredOn() { return retiredOn; }
    public String getCreatedBy() { return createdBy; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public String getUpdatedBy() { return updatedBy; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }
}
