// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.evaluate;

import dev.rationale.app.output.FinishedCompletion;
import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.eval.CaseCompletions;
import dev.rationale.core.eval.EvalPlan;
import dev.rationale.core.eval.SampleRecord;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.promptset.Variant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The completions of one evaluated case read back to be shown again: from the workspace's run history, which keeps
 * the request and the scored tokens (whichever session of a resumed evaluation made them), else as the results file
 * holds them. Blocks on the database; call it off the FX thread.
 */
final class EvaluatedCase {

    private EvaluatedCase() {
    }

    /**
     * @param workspace the folder whose history the evaluation wrote to
     * @param setFile the prompt set's file as the evaluation was given it; null for an unsaved set
     * @param samples the case's records from the results file, in sample order
     */
    static List<FinishedCompletion> read(Path workspace, @Nullable Path setFile, EvalPlan plan,
            List<SampleRecord> samples) {
        List<CaseCompletions.Found> found;
        if (HistoryStore.exists(workspace)) {
            try (HistoryStore store = HistoryStore.open(workspace)) {
                found = CaseCompletions.find(store, setFile == null ? null : setFile.toString(), samples);
            }
        } else {
            found = samples.stream().map(record -> new CaseCompletions.Found(record, null)).toList();
        }
        AnswerFormat format = plan.task().effectiveAnswer();
        List<FinishedCompletion> completions = new ArrayList<>();
        for (CaseCompletions.Found each : found) {
            SampleRecord record = each.record();
            String variant = plan.variants().stream().filter(v -> record.variant().equals(v.id()))
                    .map(Variant::effectiveLabel).findFirst().orElse(record.variant());
            FinishedCompletion.Origin origin = new FinishedCompletion.Origin(
                    each.stored() == null ? null : each.stored().record().key().runId(), variant,
                    record.endpoint() + "/" + record.model(), record.testCase(), record.sample(), samples.size());
            completions.add(each.stored() == null ? FinishedCompletion.of(record, origin, format)
                    : FinishedCompletion.of(each.stored(), origin, format));
        }
        return completions;
    }
}
