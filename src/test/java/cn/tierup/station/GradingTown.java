package cn.tierup.station;

import cn.tierup.station.internal.StationRepository;
import cn.tierup.testsupport.OwnTown;
import cn.tierup.testsupport.TestUsers;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A town of a test's own with villages that host 远程教育站点, the stations put straight through the {@link Station}
 * aggregate (so the grading tests stand apart from the registry's API).
 */
final class GradingTown extends OwnTown {

    final StationRepository stations;
    final TransactionTemplate tx;

    GradingTown(MockMvc mvc, TestUsers users, JdbcClient jdbc, JsonMapper json, StationRepository stations,
                PlatformTransactionManager transactions, String name) throws Exception {
        super(mvc, users, jdbc, json, name);
        this.stations = stations;
        this.tx = new TransactionTemplate(transactions);
    }

    /** A station in use since {@code openedOn}, hosted by {@code host}. */
    long station(long host, String name, LocalDate openedOn) {
        return tx.execute(t -> stations.saveAndFlush(new Station(host, new StationDetails(name, name.replace("远教站点", "") + "村委会",
                TerminalKind.INTERNET, "电视机、机顶盒、电脑", EquipmentCondition.GOOD, "李建国", openedOn, "每周一、三、五下午",
                new BigDecimal("3000.00"), "县级财政", openedOn, StationStatus.IN_USE), "admin", LocalDateTime.now())).getId());
    }

    /** A station retired on {@code retiredOn}: off the registry from then on. */
    long retiredStation(long host, String name, LocalDate openedOn, LocalDate retiredOn) {
        long s = station(host, name, openedOn);
        tx.executeWithoutResult(t -> {
            Station st = stations.findById(s).orElseThrow();
            st.retire(retiredOn, st.getVersion(), "admin", LocalDateTime.now());
            stations.saveAndFlush(st);
        });
        return s;
    }
}
