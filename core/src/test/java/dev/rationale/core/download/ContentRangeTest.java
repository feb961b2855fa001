// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.download;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentRangeTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "'bytes 100-999/1000', 100, 1000",
        "'bytes 0-0/1', 0, 1",
        "'bytes 100-999/*', 100, -1",
        "'bytes */1000', -1, 1000",
        "' bytes 5-9/10 ', 5, 10"})
    void readsTheFirstByteAndTheTotal(String header, long first, long total) {
        assertThat(ContentRange.parse(header)).isEqualTo(new ContentRange(first, total));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {"null", "''", "'items 1-2/3'", "'bytes 1-/3'",
        "'bytes 1-2/99999999999999999999999'"})
    void anythingElseIsNoRange(String header) {
        assertThat(ContentRange.parse(header)).isNull();
    }
}
