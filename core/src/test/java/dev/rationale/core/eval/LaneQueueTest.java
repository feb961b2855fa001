// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.provider.AdaptiveLimit;
import dev.rationale.core.provider.SharedBackoff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The queue on a clock the test moves: a job sent back waits off its slot until its time, while others take the
 * slot. The jobs themselves run at once, so only the order they ran in is asserted.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class LaneQueueTest {
    private final AtomicLong now = new AtomicLong();
    private final List<String> ran = Collections.synchronizedList(new ArrayList<>());
    private final List<AdaptiveLimit.Change> heard = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean cancelled = new AtomicBoolean();

    private LaneQueue queue(int ceiling) {
        return new LaneQueue(new AdaptiveLimit(ceiling), new SharedBackoff(now::get, () -> 0L), cancelled::get,
                heard::add, now::get);
    }

    /** A job's name with its attempt number, e.g. "a2". */
    private record Job(String name, int attempt) {
        Job next() {
            return new Job(name, attempt + 1);
        }

        @Override
        public String toString() {
            return name + attempt;
        }
    }

    private static List<Job> jobs(String... names) {
        return java.util.Arrays.stream(names).map(n -> new Job(n, 1)).toList();
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }

    @Test
    void aJobWaitingForItsRetryAfterGivesItsSlotToTheNextJobs() throws InterruptedException {
        queue(1).run(jobs("a", "b", "c"), job -> {
            ran.add(job.toString());
            if (job.toString().equals("a1")) {
                return new LaneQueue.Step.Again<>(job.next(), LaneQueue.Reply.OVERLOADED, Duration.ofSeconds(30));
            }
            if (job.name().equals("c")) {
                // Time passes only here: a1's wait cannot have ended before c1 ran.
                advance(Duration.ofSeconds(30));
            }
            return new LaneQueue.Step.Done<>(LaneQueue.Reply.ANSWERED);
        });

        assertThat(ran).containsExactly("a1", "b1", "c1", "a2");
    }

    @Test
    void aJobDueAgainGoesBeforeFreshOnes() throws InterruptedException {
        queue(1).run(jobs("a", "b", "c"), job -> {
            ran.add(job.toString());
            return job.toString().equals("a1")
                    ? new LaneQueue.Step.Again<>(job.next(), LaneQueue.Reply.FAILED, Duration.ZERO)
                    : new LaneQueue.Step.Done<>(LaneQueue.Reply.ANSWERED);
        });

        assertThat(ran).containsExactly("a1", "a2", "b1", "c1");
    }

    @Test
    void withoutAServerWaitTheJobWaitsTheEndpointsSharedBackoff() throws InterruptedException {
        queue(1).run(jobs("a", "b", "c"), job -> {
            ran.add(job.toString());
            if (job.toString().equals("a1")) {
                return new LaneQueue.Step.Again<>(job.next(), LaneQueue.Reply.FAILED, null);
            }
            if (job.name().equals("b")) {
                advance(SharedBackoff.INITIAL.dividedBy(2));
            }
            if (job.name().equals("c")) {
                advance(SharedBackoff.INITIAL.dividedBy(2));
            }
            return new LaneQueue.Step.Done<>(LaneQueue.Reply.ANSWERED);
        });

        // Half the back-off after b1, a1 is not due yet; after c1 it is.
        assertThat(ran).containsExactly("a1", "b1", "c1", "a2");
    }

    @Test
    void a429LowersTheLimitAndIsHeardOncePerNewLow() throws InterruptedException {
        LaneQueue queue = queue(4);
        queue.run(jobs("a", "b", "c", "d", "e", "f", "g", "h"), job -> {
            ran.add(job.toString());
            return job.attempt() == 1 && job.name().compareTo("c") < 0
                    ? new LaneQueue.Step.Again<>(job.next(), LaneQueue.Reply.OVERLOADED, Duration.ZERO)
                    : new LaneQueue.Step.Done<>(LaneQueue.Reply.ANSWERED);
        });

        assertThat(ran).hasSize(10).contains("a2", "b2");
        assertThat(heard).isNotEmpty();
        assertThat(heard.getFirst()).isEqualTo(new AdaptiveLimit.Change(4, 3));
        assertThat(heard).extracting(AdaptiveLimit.Change::to).doesNotHaveDuplicates();
        assertThat(queue.limit().inFlight()).isZero();
    }

    @Test
    void onceCancelledItStartsNothingAndDropsTheJobsWaiting() throws InterruptedException {
        queue(1).run(jobs("a", "b", "c"), job -> {
            ran.add(job.toString());
            if (job.name().equals("b")) {
                cancelled.set(true);
            }
            return job.toString().equals("a1")
                    ? new LaneQueue.Step.Again<>(job.next(), LaneQueue.Reply.FAILED, Duration.ofHours(1))
                    : new LaneQueue.Step.Done<>(LaneQueue.Reply.ANSWERED);
        });

        assertThat(ran).containsExactly("a1", "b1");
    }
}
