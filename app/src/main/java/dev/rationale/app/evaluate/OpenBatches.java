// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.evaluate;

import dev.rationale.core.eval.BatchRecord;
import java.util.List;

/** How Evaluate words the batches a task's last run left open at the provider. */
final class OpenBatches {
    private OpenBatches() {
    }

    /** E.g. "The last run left 2 batches open at OpenAI Batch (in_progress): Resume collects their answers." */
    static String notice(List<BatchRecord> open) {
        BatchRecord first = open.getFirst();
        boolean oneApi = open.stream().allMatch(b -> b.api().equals(first.api()));
        boolean oneState = open.stream().allMatch(b -> b.providerState().equals(first.providerState()));
        return "The last run left " + (open.size() == 1 ? "a batch" : open.size() + " batches") + " open at "
                + (oneApi ? first.api() : "the provider") + (oneState ? " (" + first.providerState() + ")" : "")
                + ": Resume collects " + (open.size() == 1 ? "its" : "their") + " answers.";
    }
}
