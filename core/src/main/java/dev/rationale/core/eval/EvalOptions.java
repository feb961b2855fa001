// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How an evaluation runs.
 *
 * @param concurrency requests in flight per endpoint; null for {@link ConcurrencyLimits}' default
 * @param requestTimeout the longest one request may take before it is cancelled and recorded as failed
 */
public record EvalOptions(@Nullable Integer concurrency, Duration requestTimeout) {

    /** Default limits and a 30-minute request timeout (reasoning models think long). */
    public static final EvalOptions DEFAULTS = new EvalOptions(null, Duration.ofMinutes(30));

    public EvalOptions withConcurrency(@Nullable Integer limit) {
        return new EvalOptions(limit, requestTimeout);
    }
}
