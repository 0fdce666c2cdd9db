package cn.tierup.station;

import cn.tierup.shared.DomainException;
import cn.tierup.shared.StaleRecordException;
import cn.tierup.station.StationSession.Particulars;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of a station's record and of a learning session held at it. */
class StationTest {

    static final LocalDateTime NOW = LocalDateTime.of(2026, 6, 15, 10, 0);

    static StationDetails details(String name, LocalDate openedOn, BigDecimal funding) {
        return new StationDetails(name, "丽春镇天鹅村党群服务中心二楼", TerminalKind.SATELLITE, "电视机、卫星接收器各 1 台",
                EquipmentCondition.GOOD, "李桂芳", LocalDate.of(2024, 5, 10), "周一至周五 9:00—17:00", funding, "镇财政补助",
                openedOn, StationStatus.IN_USE);
    }

    static Station station() {
        Station s = new Station(7L, details("天鹅村远程教育站点", LocalDate.of(2010, 7, 1), new BigDecimal("3000")), "cun", NOW);
        ReflectionTestUtils.setField(s, "id", 11L);
        return s;
    }

    static Particulars session(LocalDate on, Integer members, Integer publicCount) {
        return new Particulars(on, "学习贯彻党的二十届三中全会精神", SessionKind.GROUP_STUDY, members, publicCount);
    }

    static String code(Runnable r) {
        try {
            r.run();
        } catch (DomainException e) {
            return e.code();
        }
        return null;
    }

    @Test
    void aStationIsRegisteredWithItsFactsAndAPinyinKey() {
        Station s = station();
        assertThat(s.getName()).isEqualTo("天鹅村远程教育站点");
        assertThat(s.getYearlyFunding()).isEqualByComparingTo("3000.00");
        assertThat(s.running(LocalDate.of(2026, 1, 1))).isTrue();
        assertThat(s.running(LocalDate.of(2009, 1, 1))).isFalse();
    }

    @Test
    void aStationNeedsItsNameAddressManagerKindConditionAndOpeningDay() {
        StationDetails ok = details("天鹅村站点", LocalDate.of(2010, 7, 1), null);
        assertThat(code(() -> new Station(7L, new StationDetails(" ", ok.address(), ok.terminalKind(), null,
                ok.equipmentCondition(), ok.managerName(), null, null, null, null, ok.openedOn(), ok.status()), "cun", NOW)))
                .isEqualTo("station.name");
        assertThat(code(() -> new Station(7L, new StationDetails(ok.name(), null, ok.terminalKind(), null,
                ok.equipmentCondition(), ok.managerName(), null, null, null, null, ok.openedOn(), ok.status()), "cun", NOW)))
                .isEqualTo("station.address");
        assertThat(code(() -> new Station(7L, new StationDetails(ok.name(), ok.address(), null, null,
                ok.equipmentCondition(), ok.managerName(), null, null, null, null, ok.openedOn(), ok.status()), "cun", NOW)))
                .isEqualTo("station.terminalKind");
        assertThat(code(() -> new Station(7L, new StationDetails(ok.name(), ok.address(), ok.terminalKind(), null,
                ok.equipmentCondition(), "", null, null, null, null, ok.openedOn(), ok.status()), "cun", NOW)))
                .isEqualTo("station.managerName");
        assertThat(code(() -> new Station(7L, new StationDetails(ok.name(), ok.address(), ok.terminalKind(), null,
                ok.equipmentCondition(), ok.managerName(), null, null, null, null, null, ok.status()), "cun", NOW)))
                .isEqualTo("station.openedOn");
    }

    @Test
    void noDayOfAStationLiesAheadOfToday() {
        assertThat(code(() -> new Station(7L, details("天鹅村站点", NOW.toLocalDate().plusDays(1), null), "cun", NOW)))
                .isEqualTo("station.openedOn.future");
    }

    @Test
    void fundingIsASumOfMoneyAStationCanHave() {
        assertThat(code(() -> new Station(7L, details("站点", LocalDate.of(2010, 7, 1), new BigDecimal("-1")), "cun", NOW)))
                .isEqualTo("station.yearlyFunding");
        assertThat(code(() -> new Station(7L, details("站点", LocalDate.of(2010, 7, 1), new BigDecimal("10000000.01")), "cun",
                NOW))).isEqualTo("station.yearlyFunding");
        assertThat(code(() -> new Station(7L, details("站点", LocalDate.of(2010, 7, 1), new BigDecimal("12.345")), "cun", NOW)))
                .isEqualTo("station.yearlyFunding");
    }

    @Test
    void aCorrectionOfAnOlderVersionIsRefused() {
        Station s = station();
        assertThatThrownBy(() -> s.correct(details("新名称", LocalDate.of(2010, 7, 1), null), 5, "cun", NOW))
                .isInstanceOf(StaleRecordException.class);
    }

    @Test
    void aRetiredStationIsNeitherCorrectedNorTakesSessions() {
        Station s = station();
        s.retire(LocalDate.of(2026, 3, 1), 0, "zhen", NOW);
        assertThat(s.retired()).isTrue();
        assertThat(s.running(NOW.toLocalDate())).isFalse();
        assertThat(code(() -> s.correct(details("新名称", LocalDate.of(2010, 7, 1), null), 0, "cun", NOW)))
                .isEqualTo("station.retired");
        assertThat(code(() -> new StationSession(s, session(LocalDate.of(2026, 2, 1), 5, 5), "cun", NOW)))
                .isEqualTo("station.retired");
        assertThat(code(() -> s.retire(LocalDate.of(2026, 3, 2), 0, "zhen", NOW))).isEqualTo("station.retired");
    }

    @Test
    void aStationIsRetiredOnADayBetweenItsOpeningAndToday() {
        assertThat(code(() -> station().retire(null, 0, "zhen", NOW))).isEqualTo("station.retiredOn");
        assertThat(code(() -> station().retire(NOW.toLocalDate().plusDays(1), 0, "zhen", NOW)))
                .isEqualTo("station.retiredOn.future");
        assertThat(code(() -> station().retire(LocalDate.of(2010, 6, 30), 0, "zhen", NOW)))
                .isEqualTo("station.retiredOn.beforeOpened");
    }

    @Test
    void aSessionCountsBetweenOneAndAThousandPeopleNobodyBelowZero() {
        Station s = station();
        StationSession x = new StationSession(s, session(LocalDate.of(2026, 3, 1), 12, 30), "cun", NOW);
        assertThat(x.attendance()).isEqualTo(42);
        assertThat(code(() -> new StationSession(s, session(LocalDate.of(2026, 3, 1), -1, 30), "cun", NOW)))
                .isEqualTo("station.session.attendance.negative");
        assertThat(code(() -> new StationSession(s, session(LocalDate.of(2026, 3, 1), 0, 0), "cun", NOW)))
                .isEqualTo("station.session.attendance.range");
        assertThat(code(() -> new StationSession(s, session(LocalDate.of(2026, 3, 1), 600, 401), "cun", NOW)))
                .isEqualTo("station.session.attendance.range");
        assertThat(new StationSession(s, session(LocalDate.of(2026, 3, 1), 1000, null), "cun", NOW).attendance())
                .isEqualTo(StationSession.MAX_ATTENDANCE);
    }

    @Test
    void aSessionIsHeldNotBeforeTheStationOpenedNorAheadOfToday() {
        Station s = station();
        assertThat(code(() -> new StationSession(s, session(null, 1, 1), "cun", NOW))).isEqualTo("station.session.heldOn");
        assertThat(code(() -> new StationSession(s, session(NOW.toLocalDate().plusDays(1), 1, 1), "cun", NOW)))
                .isEqualTo("station.session.heldOn.future");
        assertThat(code(() -> new StationSession(s, session(LocalDate.of(2010, 6, 30), 1, 1), "cun", NOW)))
                .isEqualTo("station.session.heldOn.beforeOpened");
    }

    @Test
    void aSessionNeedsItsTopicAndKind() {
        Station s = station();
        assertThat(code(() -> new StationSession(s, new Particulars(LocalDate.of(2026, 3, 1), " ", SessionKind.OTHER, 1, 1),
                "cun", NOW))).isEqualTo("station.session.topic");
        assertThat(code(() -> new StationSession(s, new Particulars(LocalDate.of(2026, 3, 1), "党课", null, 1, 1),
                "cun", NOW))).isEqualTo("station.session.kind");
    }

    @Test
    void aSessionCorrectionOfAnOlderVersionIsRefused() {
        Station s = station();
        StationSession x = new StationSession(s, session(LocalDate.of(2026, 3, 1), 12, 30), "cun", NOW);
        assertThatThrownBy(() -> x.correct(s, session(LocalDate.of(2026, 3, 2), 1, 1), 3, "cun", NOW))
                .isInstanceOf(StaleRecordException.class);
    }
}
