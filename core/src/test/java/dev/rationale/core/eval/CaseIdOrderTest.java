// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Case ids sorted as people number them. */
class CaseIdOrderTest {

    @ParameterizedTest
    @CsvSource({
        "c2, c10",
        "c9, c10",
        "#9, #10",
        "c1, c1a",
        "c1a, c2",
        "q7-part2, q7-part10",
        "c02, c2",
        "c02, c3",
        "item, item1",
        "a10, b2",
        "c99999999999999999999, c100000000000000000000",
        "case 2, case 10",
    })
    void theFirstComesBeforeTheSecond(String first, String second) {
        assertThat(CaseIdOrder.NATURAL.compare(first, second)).isNegative();
        assertThat(CaseIdOrder.NATURAL.compare(second, first)).isPositive();
    }

    @Test
    void onlyEqualIdsCompareEqual() {
        assertThat(CaseIdOrder.NATURAL.compare("c10", "c10")).isZero();
        assertThat(CaseIdOrder.NATURAL.compare("c010", "c10")).isNotZero();
    }

    @Test
    void sortingShuffledIdsGivesThemInTheirNumbersOrder() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            ids.add("c" + i);
        }
        List<String> shuffled = new ArrayList<>(ids);
        Collections.shuffle(shuffled, new Random(4));

        shuffled.sort(CaseIdOrder.NATURAL);

        assertThat(shuffled).isEqualTo(ids);
    }
}
