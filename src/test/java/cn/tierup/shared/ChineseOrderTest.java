package cn.tierup.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChineseOrderTest {

    @Test
    void namesSortByPinyinNotByCharacterCode() {
        // by character code 三 (U+4E09) comes before 工 (U+5DE5); by pinyin gong comes before san
        List<String> towns = new ArrayList<>(List.of("三界镇", "工业开发区", "濛阳镇", "丽春镇", "天彭镇", "致和镇"));
        towns.sort(Comparator.naturalOrder());
        assertThat(towns.get(0)).isEqualTo("三界镇");
        towns.sort(ChineseOrder.NAMES);
        assertThat(towns).containsExactly("工业开发区", "丽春镇", "濛阳镇", "三界镇", "天彭镇", "致和镇");
    }

    @Test
    void peopleSortByPinyinOfTheSurnameFirst() {
        List<String> people = new ArrayList<>(List.of("赵六", "王五", "张三", "李四", "欧阳明", "陈静"));
        people.sort(ChineseOrder.NAMES);
        assertThat(people).containsExactly("陈静", "李四", "欧阳明", "王五", "张三", "赵六");
    }

    @Test
    void keysCompareAsTheNamesDo() {
        List<String> names = List.of("中共彭州市工业开发区委员会", "中共彭州市三界镇委员会", "中共彭州市濛阳镇委员会",
                "中共彭州市丽春镇太平村支部委员会", "中共彭州市丽春镇建设村支部委员会", "张三", "李四", "");
        for (String a : names) {
            assertThat(ChineseOrder.key(a)).hasSize(ChineseOrder.KEY_LENGTH).matches("[0-9a-f]+");
            for (String b : names) {
                int byName = Integer.signum(ChineseOrder.NAMES.compare(a, b));
                int byKey = Integer.signum(ChineseOrder.key(a).compareTo(ChineseOrder.key(b)));
                if (byKey != 0) {
                    assertThat(byKey).as(a + " vs " + b).isEqualTo(byName);
                }
            }
        }
        assertThat(ChineseOrder.key("工业开发区")).isLessThan(ChineseOrder.key("三界镇"));
    }
}
