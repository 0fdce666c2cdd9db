package cn.tierup.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fixture's years: one per test class, never one twice, none already in use. */
class CampaignYearsTest {

    static class First {
    }

    static class Second {
    }

    static class Third {
    }

    @Test
    void eachClassGetsItsOwnYearAndKeepsIt() {
        CampaignYears years = new CampaignYears(2024, 2004);

        int first = years.claim(First.class, Set::of);
        int second = years.claim(Second.class, Set::of);

        assertThat(first).isEqualTo(2024);
        assertThat(second).isEqualTo(2023);
        assertThat(years.claim(First.class, () -> Set.of(2024))).as("asked again").isEqualTo(first);
    }

    @Test
    void aYearAlreadyInUseIsSkipped() {
        CampaignYears years = new CampaignYears(2024, 2004);

        assertThat(years.claim(First.class, () -> Set.of(2024, 2023, 2025))).isEqualTo(2022);
        assertThat(years.claim(Second.class, Set::of)).isEqualTo(2021);
    }

    @Test
    void runningOutSaysSoInsteadOfReusingAYear() {
        CampaignYears years = new CampaignYears(2005, 2004);
        years.claim(First.class, Set::of);
        years.claim(Second.class, Set::of);

        assertThatThrownBy(() -> years.claim(Third.class, Set::of))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no campaign year left").hasMessageContaining("Third");
    }

    @Test
    void classesAskingAtOnceNeverShareAYear() throws Exception {
        CampaignYears years = new CampaignYears(2100, 2000);
        List<Class<?>> classes = List.of(First.class, Second.class, Third.class, String.class, Integer.class,
                Long.class, Double.class, Object.class);
        Set<Integer> handedOut = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> asked = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (Class<?> c : classes) {
                    asked.add(pool.submit(() -> years.claim(c, Set::of)));
                }
            }
            for (Future<Integer> f : asked) {
                handedOut.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(handedOut).as("one year per class, however often and concurrently asked").hasSize(classes.size());
    }
}
