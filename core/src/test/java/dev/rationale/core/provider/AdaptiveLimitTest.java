// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdaptiveLimitTest {

    private static List<AdaptiveLimit.Permit> acquireAll(AdaptiveLimit limit) {
        List<AdaptiveLimit.Permit> permits = new ArrayList<>();
        for (AdaptiveLimit.Permit p = limit.tryAcquire(); p != null; p = limit.tryAcquire()) {
            permits.add(p);
        }
        return permits;
    }

    @Test
    void startsAtTheCeilingAndGivesNoMorePermitsThanTheLimit() {
        AdaptiveLimit limit = new AdaptiveLimit(8);

        List<AdaptiveLimit.Permit> permits = acquireAll(limit);

        assertThat(limit.limit()).isEqualTo(8);
        assertThat(permits).hasSize(8);
        assertThat(limit.inFlight()).isEqualTo(8);
        permits.getFirst().released();
        assertThat(limit.inFlight()).isEqualTo(7);
        assertThat(limit.tryAcquire()).isNotNull();
    }

    @Test
    void aBurstOf429sFromOneWindowLowersTheLimitOnce() {
        AdaptiveLimit limit = new AdaptiveLimit(8);
        List<AdaptiveLimit.Permit> window = acquireAll(limit);

        List<AdaptiveLimit.Change> changes = new ArrayList<>();
        for (AdaptiveLimit.Permit permit : window) {
            AdaptiveLimit.Change change = permit.overloaded();
            if (change != null) {
                changes.add(change);
            }
        }

        assertThat(changes).containsExactly(new AdaptiveLimit.Change(8, 7));
        assertThat(limit.limit()).isEqualTo(7);
        assertThat(limit.inFlight()).isZero();
    }

    @Test
    void a429ForARequestSentAfterTheLoweringLowersItAgain() {
        AdaptiveLimit limit = new AdaptiveLimit(8);
        AdaptiveLimit.Permit before = limit.tryAcquire();
        AdaptiveLimit.Permit alsoBefore = limit.tryAcquire();
        assertThat(before.overloaded()).isEqualTo(new AdaptiveLimit.Change(8, 7));

        AdaptiveLimit.Permit after = limit.tryAcquire();
        assertThat(alsoBefore.overloaded()).isNull();
        AdaptiveLimit.Change again = after.overloaded();

        assertThat(again).isNotNull();
        assertThat(again.from()).isEqualTo(7);
        assertThat(again.to()).isEqualTo(6);
        assertThat(limit.limit()).isEqualTo(6);
    }

    @Test
    void answersRaiseTheLimitBackToTheCeilingAndNoFurther() {
        AdaptiveLimit limit = new AdaptiveLimit(8);
        for (int i = 0; i < 5; i++) {
            limit.tryAcquire().overloaded();
        }
        int lowered = limit.limit();
        assertThat(lowered).isLessThan(8);

        List<Integer> seen = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            limit.tryAcquire().answered();
            seen.add(limit.limit());
        }

        assertThat(seen).isSorted();
        assertThat(seen.getFirst()).isLessThanOrEqualTo(lowered + 1);
        assertThat(seen.getLast()).isEqualTo(8);
        assertThat(acquireAll(limit)).hasSize(8);
    }

    @Test
    void aServerThatKeepsAnswering429GetsOneRequestAtATimeAndNeverFewer() {
        AdaptiveLimit limit = new AdaptiveLimit(8);
        List<Integer> seen = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            AdaptiveLimit.Change change = limit.tryAcquire().overloaded();
            assertThat(change).isNotNull();
            seen.add(change.to());
        }

        assertThat(seen).isSortedAccordingTo((a, b) -> b - a);
        assertThat(seen.subList(0, 4)).containsExactly(7, 6, 5, 4);
        assertThat(seen.getLast()).isEqualTo(1);
        assertThat(limit.limit()).isEqualTo(1);
        assertThat(acquireAll(limit)).hasSize(1);
    }

    @Test
    void failuresThatSayNothingAboutLoadLeaveTheLimit() {
        AdaptiveLimit limit = new AdaptiveLimit(4);
        for (int i = 0; i < 10; i++) {
            limit.tryAcquire().released();
        }
        assertThat(limit.limit()).isEqualTo(4);
    }

    @Test
    void aPermitIsReleasedOnce() {
        AdaptiveLimit limit = new AdaptiveLimit(2);
        AdaptiveLimit.Permit permit = limit.tryAcquire();
        permit.answered();

        assertThatThrownBy(permit::released).isInstanceOf(IllegalStateException.class);
        assertThat(limit.inFlight()).isZero();
    }

    @Test
    void refusesACeilingBelowOne() {
        assertThatThrownBy(() -> new AdaptiveLimit(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
