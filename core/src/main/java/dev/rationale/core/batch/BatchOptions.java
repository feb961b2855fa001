// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.batch;

import dev.rationale.core.provider.batch.BatchLimits;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How a batch evaluation runs.
 *
 * @param pollInterval how long to wait between two looks at the open batches
 * @param limits the most one batch may hold; null for each provider's own ({@code BatchApi#limits})
 * @param submitOnly submit the missing completions and end without waiting for the batches (a later resume
 *     collects them)
 * @param cancelRemote cancel the batches the results file has open, submit none, and import what they finished
 */
public record BatchOptions(Duration pollInterval, @Nullable BatchLimits limits, boolean submitOnly,
        boolean cancelRemote) {

    /** Half a minute: batches take minutes to hours, and a poll is one small GET per open batch. */
    public static final Duration DEFAULT_POLL = Duration.ofSeconds(30);

    public static final BatchOptions DEFAULTS = new BatchOptions(DEFAULT_POLL, null, false, false);

    public BatchOptions {
        if (pollInterval.isNegative()) {
            throw new IllegalArgumentException("the poll interval cannot be negative: " + pollInterval);
        }
    }

    public BatchOptions withPollInterval(Duration interval) {
        return new BatchOptions(interval, limits, submitOnly, cancelRemote);
    }

    public BatchOptions withLimits(@Nullable BatchLimits newLimits) {
        return new BatchOptions(pollInterval, newLimits, submitOnly, cancelRemote);
    }

    public BatchOptions submittingOnly(boolean submit) {
        return new BatchOptions(pollInterval, limits, submit, cancelRemote);
    }

    public BatchOptions cancellingRemote(boolean cancel) {
        return new BatchOptions(pollInterval, limits, submitOnly, cancel);
    }
}
