// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReadAheadTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, ReadAhead.BATCH - 1, ReadAhead.BATCH, 5 * ReadAhead.BATCH + 7})
    void everyItemReachesTheSinkInOrder(int count) {
        List<Integer> seen = new ArrayList<>();

        long handed = ReadAhead.<Integer>run(items -> {
            for (int i = 0; i < count; i++) {
                items.accept(i);
            }
        }, seen::add);

        assertThat(handed).isEqualTo(count);
        assertThat(seen).hasSize(count);
        for (int i = 0; i < count; i++) {
            assertThat(seen.get(i)).isEqualTo(i);
        }
    }

    @Test
    void theReadersFailureReachesTheCallerAfterWhatItReadBefore() {
        IllegalStateException broken = new IllegalStateException("the database is gone");
        List<Integer> seen = new ArrayList<>();

        assertThatThrownBy(() -> ReadAhead.<Integer>run(items -> {
            for (int i = 0; i < 2 * ReadAhead.BATCH; i++) {
                items.accept(i);
            }
            throw broken;
        }, seen::add)).isSameAs(broken);
        assertThat(seen).hasSize(2 * ReadAhead.BATCH);
    }

    @Test
    void aWriterThatFailsStopsTheReader() {
        int total = 1_000 * ReadAhead.BATCH;
        AtomicInteger produced = new AtomicInteger();

        assertThatThrownBy(() -> ReadAhead.<Integer>run(items -> {
            for (int i = 0; i < total; i++) {
                items.accept(i);
                produced.incrementAndGet();
            }
        }, item -> {
            if (item == 3) {
                throw new IOException("disk full");
            }
        })).isInstanceOf(UncheckedIOException.class).hasMessageContaining("disk full");
        // run returns once the reader has ended; it read a few batches ahead at most, not the whole source.
        assertThat(produced.get()).isLessThan(total);
    }
}
