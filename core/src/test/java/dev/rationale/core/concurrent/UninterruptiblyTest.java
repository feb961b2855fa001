// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class UninterruptiblyTest {

    @Test
    void aJoinWaitsForTheThreadThoughTheCallerIsInterruptedAndKeepsTheInterrupt() {
        AtomicBoolean finished = new AtomicBoolean();
        Thread worker = Thread.ofPlatform().start(() -> {
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            finished.set(true);
        });
        Thread.currentThread().interrupt();

        Uninterruptibly.join(worker);

        assertThat(Thread.interrupted()).as("the interrupt, kept").isTrue();
        assertThat(finished).as("the thread, over").isTrue();
    }

    @Test
    void aPutWaitsForRoomThoughTheCallerIsInterruptedAndKeepsTheInterrupt() throws Exception {
        BlockingQueue<String> queue = new ArrayBlockingQueue<>(1);
        queue.add("first");
        Thread taker = Thread.ofPlatform().start(() -> {
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            queue.poll();
        });
        Thread.currentThread().interrupt();

        Uninterruptibly.put(queue, "second");

        assertThat(Thread.interrupted()).as("the interrupt, kept").isTrue();
        assertThat(queue).containsExactly("second");
        taker.join();
    }
}
