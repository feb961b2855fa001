// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.evaluate;

import dev.rationale.app.history.HistoryPlace;
import dev.rationale.core.dataset.DatasetCase;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.eval.CaseSelection;
import dev.rationale.core.eval.EvalPlan;
import dev.rationale.core.eval.EvalTarget;
import dev.rationale.core.eval.EvaluationSession;
import dev.rationale.core.eval.ResultsFile;
import dev.rationale.core.promptset.ChatLayout;
import dev.rationale.core.promptset.Variant;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one start of an evaluation runs and where it writes: the plan (the setup's variants in the chosen chat
 * layout, on each model, over the chosen cases), the results file and the workspace history the run goes to.
 *
 * @param workspace the folder whose history the run joins
 */
record EvalLaunch(EvalPlan plan, Path results, Path workspace, EvaluationSession.History history) {

    /**
     * The launch of {@code setup} over {@code chosen}.
     *
     * @param layout the chat layout over the variants' own; null keeps each variant's
     * @param models the models to evaluate, the run bar's first
     * @param samples answers per case over the variants' own; null keeps each variant's
     * @param scratchFolder where results and history go for a prompt set never saved
     * @param batch whether it runs through a batch API, which grades completions only (no likelihood pass)
     */
    static EvalLaunch of(EvaluateViewModel.Setup setup, CaseSelection selection, List<DatasetCase> chosen,
            @Nullable ChatLayout layout, List<String> models, @Nullable Integer samples, Path scratchFolder,
            Clock clock, boolean batch) {
        List<Variant> variants = layout == null ? setup.variants()
                : setup.variants().stream().map(v -> v.withChatLayout(layout)).toList();
        Endpoint endpoint = Objects.requireNonNull(setup.endpoint());
        EvalPlan plan = EvalPlan.of(setup.set(), setup.task(), variants,
                models.stream().map(m -> EvalTarget.of(endpoint, m)).toList(), chosen, samples, !batch);
        Path workspace = HistoryPlace.of(setup.setFile(), scratchFolder).folder();
        // Kept with the history run, so that History can run it again the same way.
        var history = new EvaluationSession.History(workspace, setup.setFile(), selection.scope(samples), clock);
        return new EvalLaunch(plan, resultsFile(setup, selection.dataset(), scratchFolder), workspace, history);
    }

    /** Where {@code setup}'s evaluation keeps its results, as {@link #of} names the file. */
    static Path resultsFile(EvaluateViewModel.Setup setup, CaseSelection selection, Path scratchFolder) {
        return resultsFile(setup, selection.dataset(), scratchFolder);
    }

    // Named as `rationale eval` names it, so that either can resume the other's run; an unsaved set's in scratch.
    private static Path resultsFile(EvaluateViewModel.Setup setup, @Nullable Path datasetFile, Path scratchFolder) {
        Path file = setup.setFile();
        Path set = file == null ? scratchFolder.resolve("untitled.rationale.json") : file.toAbsolutePath();
        return ResultsFile.defaultPath(set, String.valueOf(setup.task().id()), datasetFile);
    }
}
