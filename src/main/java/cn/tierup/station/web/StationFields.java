package cn.tierup.station.web;

import cn.tierup.shared.DomainException;
import cn.tierup.shared.FormValues;
import cn.tierup.station.EquipmentCondition;
import cn.tierup.station.StationDetails;
import cn.tierup.station.StationStatus;
import cn.tierup.station.Stations.StationView;
import cn.tierup.station.TerminalKind;
import java.math.BigDecimal;

/** A station as typed on the page, kept as text so that a refused form shows again as it was typed. */
record StationFields(String hostOrganizationId, String name, String address, String terminalKind, String equipment,
                     String equipmentCondition, String managerName, String managerTrainedOn, String openingHours,
                     String yearlyFunding, String fundingSource, String openedOn, String status, String version) {

    static final StationFields EMPTY = new StationFields(null, null, null, null, null, null, null, null, null, null, null,
            null, "IN_USE", null);

    static StationFields of(StationView v) {
        return new StationFields(String.valueOf(v.hostOrganizationId()), v.name(), v.address(), v.terminalKind().name(),
                v.equipment(), v.equipmentCondition().name(), v.managerName(),
                v.managerTrainedOn() == null ? null : v.managerTrainedOn().toString(), v.openingHours(),
                v.yearlyFunding().toPlainString(), v.fundingSource(), v.openedOn().toString(), v.status().name(),
                String.valueOf(v.version()));
    }

    Long host() {
        return FormValues.longValue(hostOrganizationId);
    }

    StationDetails details() {
        return new StationDetails(name, address, FormValues.choice(TerminalKind.class, terminalKind), equipment,
                FormValues.choice(EquipmentCondition.class, equipmentCondition), managerName,
                FormValues.date(managerTrainedOn), openingHours, money(yearlyFunding), fundingSource,
                FormValues.date(openedOn), FormValues.choice(StationStatus.class, status));
    }

    Long versionValue() {
        return FormValues.longValue(version);
    }

    private static BigDecimal money(String s) {
        if (FormValues.blank(s)) {
            return null;
        }
        try {
            return new BigDecimal(s.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new DomainException("station.yearlyFunding");
        }
    }
}
