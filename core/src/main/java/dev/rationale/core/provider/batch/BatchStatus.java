// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.batch;

import org.jspecify.annotations.Nullable;

/**
 * A batch as its provider last reported it.
 *
 * @param id the provider's id of the batch, e.g. {@code batch_abc123}, {@code msgbatch_01…}, {@code batches/…}
 * @param state where it is
 * @param providerState the provider's own word, e.g. {@code finalizing}
 * @param total requests in the batch, as the provider counts them (0 while it has not counted)
 * @param finished requests answered or failed so far (some providers say only at the end)
 * @param failed of {@code finished}, those that failed
 * @param detail why the whole batch failed, when it did; else null
 */
public record BatchStatus(String id, BatchState state, String providerState, int total, int finished, int failed,
        @Nullable String detail) {

    /** One line for a progress display, e.g. {@code batch_abc: running (120 of 400 done, 3 failed)}. */
    public String describe() {
        String counts = total > 0 ? " (" + finished + " of " + total + " done" + (failed > 0 ? ", " + failed
                + " failed" : "") + ")" : "";
        return id + ": " + providerState + counts + (detail == null ? "" : ": " + detail);
    }
}
