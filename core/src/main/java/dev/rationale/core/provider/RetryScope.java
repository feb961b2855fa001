// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import java.util.function.Supplier;

/**
 * Marks requests whose caller schedules its own retries, so that the HTTP layer sends each of them once. An
 * evaluation does this: a request that must wait (a 429, a 500) gives its concurrency slot to the next job instead
 * of sleeping in it, and comes back later; a retry inside the HTTP call would hold the slot all along. Interactive
 * runs are not marked and keep the HTTP layer's own retrying.
 *
 * <p>The mark is a {@link ScopedValue}: it holds for what {@code start} does on the calling thread, which is where a
 * provider's {@link CompletionProvider#stream} builds and enqueues its call; a failure that a retry could fix then
 * carries {@link ProviderException#repeat()}.
 */
public final class RetryScope {
    private static final ScopedValue<Boolean> CALLER_RETRIES = ScopedValue.newInstance();

    private RetryScope() {
    }

    /** Runs {@code start} (typically {@code provider.stream(...)}) with retries left to the caller. */
    public static <T> T callerRetries(Supplier<T> start) {
        return ScopedValue.where(CALLER_RETRIES, Boolean.TRUE).call(start::get);
    }

    /** Whether the current code runs inside {@link #callerRetries}. */
    public static boolean isCallerRetrying() {
        return CALLER_RETRIES.isBound();
    }
}
