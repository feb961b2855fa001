// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    @Test
    void itemsQueuedDuringACommitShareTheNextOneAndEachCallerGetsItsOwnResult() throws Exception {
        CountDownLatch firstCommitEntered = new CountDownLatch(1);
        CountDownLatch releaseFirstCommit = new CountDownLatch(1);
        List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<Integer, String> commits = new GroupCommit<>(items -> {
            batches.add(items);
            if (batches.size() == 1) {
                firstCommitEntered.countDown();
                await(releaseFirstCommit);
            }
            return items.stream().map(i -> "row " + i).toList();
        });
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> first = threads.submit(() -> commits.submit(0));
            await(firstCommitEntered);
            List<Future<String>> others = new ArrayList<>();
            for (int i = 1; i <= 9; i++) {
                int item = i;
                others.add(threads.submit(() -> commits.submit(item)));
            }
            // All nine are queued behind the commit in progress before it is let go.
            while (queued(commits) < 9) {
                Thread.onSpinWait();
            }
            releaseFirstCommit.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("row 0");
            for (int i = 1; i <= 9; i++) {
                assertThat(others.get(i - 1).get(10, TimeUnit.SECONDS)).isEqualTo("row " + i);
            }
        }
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1)).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void aFailedBatchIsStoredItemByItemSoOnlyTheBadItemsCallerFails() throws Exception {
        CountDownLatch firstCommitEntered = new CountDownLatch(1);
        CountDownLatch releaseFirstCommit = new CountDownLatch(1);
        List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<Integer, Integer> commits = new GroupCommit<>(items -> {
            batches.add(items);
            if (batches.size() == 1) {
                firstCommitEntered.countDown();
                await(releaseFirstCommit);
            }
            if (items.contains(13)) {
                throw new IllegalStateException("13 is not stored");
            }
            return items.stream().map(i -> i * 10).toList();
        });
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Integer> first = threads.submit(() -> commits.submit(1));
            await(firstCommitEntered);
            Future<Integer> good = threads.submit(() -> commits.submit(2));
            Future<Integer> bad = threads.submit(() -> commits.submit(13));
            Future<Integer> alsoGood = threads.submit(() -> commits.submit(3));
            while (queued(commits) < 3) {
                Thread.onSpinWait();
            }
            releaseFirstCommit.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(10);
            assertThat(good.get(10, TimeUnit.SECONDS)).isEqualTo(20);
            assertThat(alsoGood.get(10, TimeUnit.SECONDS)).isEqualTo(30);
            assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class)
                    .cause().hasMessage("13 is not stored");
        }
        // The shared batch failed, then each of its items went alone.
        assertThat(batches.get(1)).containsExactlyInAnyOrder(2, 13, 3);
        assertThat(batches.subList(2, batches.size())).containsExactlyInAnyOrder(List.of(2), List.of(13), List.of(3));
    }

    @Test
    void aLoneCallerCommitsAloneAndAFailureReachesIt() {
        GroupCommit<String, String> commits = new GroupCommit<>(items -> {
            if (items.contains("bad")) {
                throw new IllegalArgumentException("bad item");
            }
            return items.stream().map(String::toUpperCase).toList();
        });
        assertThat(commits.submit("a")).isEqualTo("A");
        assertThatThrownBy(() -> commits.submit("bad")).hasMessage("bad item");
        assertThat(commits.submit("b")).isEqualTo("B");
    }

    private static int queued(GroupCommit<?, ?> commits) {
        return commits.queued();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
