package cn.tierup.acceptance;

import cn.tierup.grading.Grade;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

import static cn.tierup.grading.Grade.ADVANCED;
import static cn.tierup.grading.Grade.AVERAGE;
import static cn.tierup.grading.Grade.LAGGING;
import static org.assertj.core.api.Assertions.assertThat;

class TransitionMatrixTest {

    record Pair(Grade from, Grade to) {
    }

    static final List<Grade> AXIS = Arrays.asList(Grade.values());

    static TransitionMatrix of(Pair... pairs) {
        return TransitionMatrix.count(List.of(pairs), Pair::from, Pair::to, AXIS, AXIS, Grade::name);
    }

    @Test
    void onlyOrganisationsWithBothGradesAreInTheCellsAndTotals() {
        TransitionMatrix m = of(new Pair(ADVANCED, ADVANCED), new Pair(AVERAGE, ADVANCED), new Pair(AVERAGE, ADVANCED),
                new Pair(LAGGING, AVERAGE), new Pair(AVERAGE, null), new Pair(null, LAGGING), new Pair(null, null));
        assertThat(m.cell(0, 0)).isEqualTo(1);
        assertThat(m.cell(1, 0)).isEqualTo(2);
        assertThat(m.cell(2, 1)).isEqualTo(1);
        assertThat(m.total()).isEqualTo(4);
        assertThat(m.rowTotals()).containsExactly(1L, 2L, 1L);
        assertThat(m.columnTotals()).containsExactly(3L, 1L, 0L);
        assertThat(m.rowsWithoutColumn()).containsExactly(0L, 1L, 0L);
        assertThat(m.columnsWithoutRow()).containsExactly(0L, 0L, 1L);
        assertThat(m.withoutColumn()).isEqualTo(1);
        assertThat(m.withoutRow()).isEqualTo(1);
    }

    @Test
    void rowAndColumnTotalsAddUpToTheTotal() {
        TransitionMatrix m = of(new Pair(ADVANCED, LAGGING), new Pair(LAGGING, LAGGING), new Pair(AVERAGE, AVERAGE));
        assertThat(m.rowTotals().stream().mapToLong(Long::longValue).sum()).isEqualTo(m.total());
        assertThat(m.columnTotals().stream().mapToLong(Long::longValue).sum()).isEqualTo(m.total());
        assertThat(m.chartValues()).isEqualTo("0,0,1|0,1,0|0,0,1");
    }

    @Test
    void aGradeOffTheAxisIsNotCountedAnywhere() {
        TransitionMatrix m = TransitionMatrix.count(List.of(new Pair(ADVANCED, LAGGING)), Pair::from, Pair::to,
                List.of(ADVANCED), List.of(ADVANCED, AVERAGE), Grade::name);
        assertThat(m.total()).isZero();
        assertThat(m.withoutColumn()).isZero();
        assertThat(m.withoutRow()).isZero();
    }
}
