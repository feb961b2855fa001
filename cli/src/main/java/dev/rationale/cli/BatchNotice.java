// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

/** The line {@code rationale eval} prints on standard error when one of its batches changes. */
final class BatchNotice {

    private BatchNotice() {
    }

    /** E.g. {@code batch batch_abc (OpenAI Batch, 400 requests): in_progress, 120 done}. */
    static String text(dev.rationale.core.eval.BatchRecord batch) {
        return "batch " + batch.describe();
    }
}
