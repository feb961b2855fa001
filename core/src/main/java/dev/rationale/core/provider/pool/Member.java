// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.pool;

import dev.rationale.core.provider.AdaptiveLimit;
import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.provider.MemberHealth;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.SharedBackoff;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One server of a pool and what the pool knows of it: its {@link AdaptiveLimit} (a 429 lowers it, answers grow it
 * back), its {@link SharedBackoff} (how long it stays out after failing), whether it is serving, and its counts.
 * Guarded by the pool's lock: every method is called holding it.
 */
final class Member {
    /** Failures in a row (5xx, cut streams, dropped connections) that take a member out. */
    static final int FAILURES_TO_TAKE_OUT = 3;

    final String name;
    final CompletionProvider provider;
    final AdaptiveLimit limit;
    private final SharedBackoff backoff;
    private final RateMeter rate = new RateMeter();
    private MemberHealth.State state = MemberHealth.State.SERVING;
    // System.nanoTime() values are compared by their difference only, so this starts as a real one: now.
    private long availableAt = System.nanoTime();
    private int failuresInARow;
    private long answered;
    private long failed;
    private long rateLimited;
    private long lastStarted = Long.MIN_VALUE;
    private @Nullable String lastError;

    Member(String name, CompletionProvider provider, int concurrency, SharedBackoff backoff) {
        this.name = name;
        this.provider = provider;
        this.limit = new AdaptiveLimit(concurrency);
        this.backoff = backoff;
    }

    /**
     * How busy it is for its limit, or NaN when it takes nothing now: out, resting after a 429 that named a wait,
     * at its limit, or being probed with the probe in flight. An out member whose back-off is over becomes probed.
     */
    double load(long now) {
        if (now - availableAt < 0) {
            return Double.NaN;
        }
        if (state == MemberHealth.State.OUT) {
            state = MemberHealth.State.PROBING;
        }
        int allowed = state == MemberHealth.State.PROBING ? 1 : limit.limit();
        int busy = limit.inFlight();
        return busy >= allowed ? Double.NaN : busy / (double) allowed;
    }

    /** When it will take requests again, if it is waiting; else null. */
    @Nullable Long waitingUntil(long now) {
        return now - availableAt < 0 ? availableAt : null;
    }

    long lastStarted() {
        return lastStarted;
    }

    void started(long now) {
        lastStarted = now;
    }

    void answered(AdaptiveLimit.Permit permit, long now) {
        permit.answered();
        answered++;
        rate.mark(now);
        failuresInARow = 0;
        backoff.answered();
        state = MemberHealth.State.SERVING;
    }

    /** A 429: the limit falls (once per window); a wait the server named keeps requests off it meanwhile. */
    void overloaded(AdaptiveLimit.Permit permit, ProviderException error, long now) {
        permit.overloaded();
        rateLimited++;
        lastError = error.getMessage();
        state = MemberHealth.State.SERVING;
        ProviderException.Repeat repeat = error.repeat();
        if (repeat != null && repeat.after() != null) {
            availableAt = Math.max(availableAt, now + repeat.after().toNanos());
        }
    }

    /**
     * A failure that says the server is in trouble: a refused connection takes it out at once, other failures
     * after {@value #FAILURES_TO_TAKE_OUT} in a row, and a failed probe at once.
     */
    void failed(AdaptiveLimit.Permit permit, ProviderException error, long now) {
        permit.released();
        failed++;
        failuresInARow++;
        lastError = error.getMessage();
        boolean refused = error.kind() == ProviderException.Kind.UNREACHABLE && error.repeat() != null;
        if (refused || failuresInARow >= FAILURES_TO_TAKE_OUT || state == MemberHealth.State.PROBING) {
            takeOut(now);
        }
    }

    /** A failure of the request itself (a bad request, a missing model): counted, the member stays. */
    void refused(AdaptiveLimit.Permit permit, ProviderException error) {
        permit.released();
        failed++;
        lastError = error.getMessage();
    }

    /** Its request was cancelled: nothing learned. */
    void released(AdaptiveLimit.Permit permit) {
        permit.released();
    }

    private void takeOut(long now) {
        // Already out (requests in flight when it went down end one by one): one back-off step, not one per request.
        if (state != MemberHealth.State.OUT || now - availableAt >= 0) {
            availableAt = now + backoff.failed().toNanos();
        }
        state = MemberHealth.State.OUT;
    }

    MemberHealth health(long now) {
        Duration backIn = state == MemberHealth.State.OUT ? Duration.ofNanos(Math.max(0, availableAt - now)) : null;
        return new MemberHealth(name, state, limit.limit(), limit.ceiling(), limit.inFlight(), answered, failed,
                rateLimited, rate.perSecond(now), lastError, backIn);
    }
}
