package cn.tierup.shared;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FirstInOrderTest {

    @Test
    void keepsExactlyTheFirstNOfManyInAnyArrivalOrder() {
        Random random = new Random(20261207L);
        for (int round = 0; round < 50; round++) {
            List<String> items = new ArrayList<>(IntStream.range(0, 500).mapToObj(i -> String.format("%05x", random.nextInt(1 << 20))).toList());
            Collections.shuffle(items, random);
            FirstInOrder<String> first = new FirstInOrder<>(Comparator.naturalOrder(), 100);
            items.forEach(first::offer);
            assertThat(first.list()).containsExactlyElementsOf(items.stream().sorted().limit(100).toList());
        }
    }

    @Test
    void arrivingAlreadyInOrderOrReversedGivesTheSame() {
        List<Integer> ascending = IntStream.range(0, 1000).boxed().toList();
        FirstInOrder<Integer> a = new FirstInOrder<>(Comparator.naturalOrder(), 200);
        ascending.forEach(a::offer);
        FirstInOrder<Integer> d = new FirstInOrder<>(Comparator.naturalOrder(), 200);
        List<Integer> descending = new ArrayList<>(ascending);
        Collections.reverse(descending);
        descending.forEach(d::offer);
        assertThat(a.list()).isEqualTo(d.list()).isEqualTo(ascending.subList(0, 200));
    }

    @Test
    void fewerThanNAreAllKeptInOrder() {
        FirstInOrder<Integer> first = new FirstInOrder<>(Comparator.reverseOrder(), 10);
        List.of(3, 1, 2).forEach(first::offer);
        assertThat(first.list()).containsExactly(3, 2, 1);
        assertThat(new FirstInOrder<Integer>(Comparator.naturalOrder(), 5).list()).isEmpty();
        assertThatThrownBy(() -> new FirstInOrder<Integer>(Comparator.naturalOrder(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
