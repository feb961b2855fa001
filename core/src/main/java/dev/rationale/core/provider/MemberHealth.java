// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How one server of a pool is doing, at one moment.
 *
 * @param endpoint the member's endpoint name
 * @param state serving, taken out after failures, or being probed back in
 * @param limit requests it may have in flight now (lowered by 429s, growing back to {@code ceiling})
 * @param ceiling the concurrency the user gave it
 * @param inFlight requests on it now
 * @param answered requests it answered so far
 * @param failed requests that failed on it (and were sent elsewhere, or reported)
 * @param rateLimited 429s it answered
 * @param perSecond answers per second over the last few seconds
 * @param lastError the last failure's message, or null
 * @param backIn for a member taken out, how long until it is probed; null otherwise
 */
public record MemberHealth(String endpoint, State state, int limit, int ceiling, int inFlight, long answered,
        long failed, long rateLimited, double perSecond, @Nullable String lastError, @Nullable Duration backIn) {

    /** Whether a member takes requests. */
    public enum State {
        /** Taking requests up to its limit. */
        SERVING,
        /** Taken out after failing; probed again after its back-off. */
        OUT,
        /** Its back-off is over: one request is sent to it, and how it ends decides. */
        PROBING
    }
}
