// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval.paired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CaseIndexTest {

    @Test
    void numbersEachIdOnceInTheOrderFirstSeen() {
        CaseIndex index = new CaseIndex();
        int count = 100_000;

        for (int i = 0; i < count; i++) {
            assertThat(index.add("case-" + i)).isEqualTo(i);
        }
        // Asked again with other String objects of the same text, in another order.
        for (int i = count - 1; i >= 0; i -= 7) {
            assertThat(index.add(new String("case-" + i))).isEqualTo(i);
        }

        assertThat(index.size()).isEqualTo(count);
        assertThat(index.caseId(0)).isEqualTo("case-0");
        assertThat(index.caseId(count - 1)).isEqualTo("case-" + (count - 1));
    }

    @Test
    void idsWithTheSameHashAreTwoCases() {
        CaseIndex index = new CaseIndex();
        // "Aa" and "BB" have the same String hash code.
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());

        assertThat(index.add("Aa")).isEqualTo(0);
        assertThat(index.add("BB")).isEqualTo(1);
        assertThat(index.add("Aa")).isEqualTo(0);
        assertThat(index.add("")).isEqualTo(2);
        assertThat(index.size()).isEqualTo(3);
        assertThatThrownBy(() -> index.caseId(3)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
