// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.pool;

import dev.rationale.core.provider.AdaptiveLimit;
import dev.rationale.core.provider.CompletionEvent;
import dev.rationale.core.provider.CompletionListener;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.Timings;
import java.util.ArrayList;
import java.util.List;

/**
 * One send of a pooled request to one member: passes the member's events to the caller, except a failure that
 * comes before anything else, which the pool may send to another member instead. Notices (what the member will
 * leave out) are held until the first other event, so a request moved to another member does not repeat them.
 * Called on the member's thread, one event at a time.
 */
final class PoolAttempt implements CompletionListener {
    final PoolRequest pooled;
    final Member member;
    final AdaptiveLimit.Permit permit;
    private final PoolProvider pool;
    private final List<CompletionEvent> held = new ArrayList<>();
    private boolean callerHeardAny;

    PoolAttempt(PoolProvider pool, PoolRequest pooled, Member member, AdaptiveLimit.Permit permit) {
        this.pool = pool;
        this.pooled = pooled;
        this.member = member;
        this.permit = permit;
    }

    @Override
    public void onEvent(CompletionEvent event) {
        switch (event) {
            case CompletionEvent.Notice notice -> held.add(notice);
            case CompletionEvent.Completed completed -> {
                pool.settle(this, null, true);
                pass(completed);
            }
            case CompletionEvent.Failed failed -> {
                if (!pool.settle(this, failed.error(), callerHeardAny)) {
                    pass(failed);
                }
            }
            default -> pass(event);
        }
    }

    /** The member refused the request before sending it (what it cannot do): the caller hears it as a failure. */
    void refusedBeforeSending(ProviderException error) {
        onEvent(new CompletionEvent.Failed(error, new Timings(null, 0)));
    }

    private void pass(CompletionEvent event) {
        if (!held.isEmpty()) {
            held.forEach(pooled.listener::onEvent);
            held.clear();
        }
        callerHeardAny = true;
        pooled.listener.onEvent(event);
    }
}
