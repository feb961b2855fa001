// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameIndexTest {

    @Test
    void findsEveryNameAddedAndNoOther() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            names.add("c" + i);
        }
        NameIndex index = new NameIndex(names::get, 10);

        for (int i = 0; i < names.size(); i++) {
            assertThat(index.add(i, names.get(i))).isEqualTo(-1);
        }

        assertThat(index.size()).isEqualTo(names.size());
        assertThat(index.positionOf("c0")).isZero();
        assertThat(index.positionOf("c99999")).isEqualTo(99_999);
        assertThat(index.positionOf("c100000")).isEqualTo(-1);
        assertThat(index.positionOf("")).isEqualTo(-1);
    }

    @Test
    void tellsApartNamesWithTheSameHashAndReportsTheFirstOfTwoEqualNames() {
        // "Aa" and "BB" have the same String hash code.
        List<String> names = List.of("Aa", "BB", "Aa");
        NameIndex index = new NameIndex(names::get, 3);

        assertThat(index.add(0, "Aa")).isEqualTo(-1);
        assertThat(index.add(1, "BB")).isEqualTo(-1);
        assertThat(index.add(2, "Aa")).isZero();

        assertThat(index.positionOf("BB")).isEqualTo(1);
        assertThat(index.size()).isEqualTo(2);
    }
}
