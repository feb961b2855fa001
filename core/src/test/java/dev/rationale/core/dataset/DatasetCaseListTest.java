// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.promptset.Choice;
import dev.rationale.core.promptset.TestCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatasetCaseListTest {

    @Test
    void givesBackEachCaseWithItsLineAndEveryAcceptedAnswer() {
        List<DatasetCase> original = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            original.add(new DatasetCase(new TestCase("r" + i, Map.of("input", "row " + i), "a" + i), List.of("a" + i),
                    i + 2));
        }
        original.set(5, new DatasetCase(new TestCase(null, Map.of("input", "tied"), "x",
                List.of(Choice.of("x", 1), Choice.of("y", 1))), List.of("x", "y"), 7));
        original.set(6, DatasetCase.of(new TestCase(null, Map.of("input", "ungraded"), null)));
        original.set(7, new DatasetCase(new TestCase("odd", Map.of("input", "?"), "b"), List.of("c", "b"), 9));

        DatasetCaseList list = DatasetCaseList.copyOf(original);

        assertThat(list).isEqualTo(original);
        assertThat(list.get(5).answers()).containsExactly("x", "y");
        assertThat(list.get(6).answers()).isEmpty();
        assertThat(list.get(7).answers()).containsExactly("c", "b");
        assertThat(list.get(2999).line()).isEqualTo(3001);
        assertThat(DatasetCaseList.copyOf(list)).isSameAs(list);
    }
}
