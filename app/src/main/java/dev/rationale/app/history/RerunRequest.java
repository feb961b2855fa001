// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.history;

import dev.rationale.app.evaluate.EvaluateViewModel;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A stored evaluation made ready to run again on the Evaluate tab: what it ran (set as saved now, task, variants,
 * endpoint and first model) and the Evaluate settings it ran with.
 *
 * @param extraModels the run's other models on the same endpoint, in grid order
 * @param samples completions per case for every variant; null for each variant's own
 * @param limit only the first N cases; null for all
 * @param dataset the dataset file the cases came from; null for the task's own
 */
public record RerunRequest(String runId, EvaluateViewModel.Setup setup, List<String> extraModels,
        @Nullable Integer samples, @Nullable Integer limit, @Nullable Path dataset) {

    public RerunRequest {
        extraModels = List.copyOf(extraModels);
    }
}
