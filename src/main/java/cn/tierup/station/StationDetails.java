package cn.tierup.station;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What is typed about a station: name, address, kind of terminal, equipment and its condition, the 站点管理员 and the
 * day they were trained, opening hours, the yearly 运行维护经费 (元) and where it comes from, the day it opened, whether
 * it runs. Checked by {@link Station} when it is registered or corrected.
 */
public record StationDetails(String name, String address, TerminalKind terminalKind, String equipment,
                             EquipmentCondition equipmentCondition, String managerName, LocalDate managerTrainedOn,
                             String openingHours, BigDecimal yearlyFunding, String fundingSource, LocalDate openedOn,
                             StationStatus status) {
}
