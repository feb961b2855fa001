// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenOffsetsTest {

    @Test
    void findsTheTokenUnderEachCharacterSkippingEmptyTokens() {
        TokenOffsets offsets = new TokenOffsets();
        for (int length : new int[] {3, 0, 2, 1}) {
            offsets.add(length);
        }

        assertThat(offsets.end()).isEqualTo(6);
        assertThat(new int[] {offsets.tokenAt(0), offsets.tokenAt(2), offsets.tokenAt(3), offsets.tokenAt(4),
            offsets.tokenAt(5)}).containsExactly(0, 0, 2, 2, 3);
        assertThat(offsets.tokenAt(6)).isEqualTo(-1);
        assertThat(offsets.tokenAt(-1)).isEqualTo(-1);
        assertThat(offsets.start(2)).isEqualTo(3);
        assertThat(offsets.end(2)).isEqualTo(5);
    }

    @Test
    void growsPastItsFirstCapacity() {
        TokenOffsets offsets = new TokenOffsets();
        for (int i = 0; i < 10_000; i++) {
            offsets.add(2);
        }

        assertThat(offsets.size()).isEqualTo(10_000);
        assertThat(offsets.tokenAt(19_999)).isEqualTo(9_999);
        assertThat(offsets.tokenAt(10_001)).isEqualTo(5_000);
    }
}
