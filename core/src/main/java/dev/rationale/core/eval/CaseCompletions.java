// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.history.CaseQuery;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.history.StoredCompletion;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The completions behind the samples of one evaluated case, found again in the run history. The results file says
 * which completions count; the history keeps what the file does not (the request as sent, the scored tokens with
 * their alternatives). An evaluation stopped and resumed wrote each session into a run of its own, so the case is
 * looked for across every run of the prompt set's task, and each sample is matched to the newest stored completion
 * with its sample number, text and grade: a later evaluation of the same case with other answers, or an older one
 * the results file no longer holds, is not taken for it.
 */
public final class CaseCompletions {

    /**
     * A sample of the case and its stored completion.
     *
     * @param stored null when the history has none that matches (it was deleted, or the evaluation kept none)
     */
    public record Found(SampleRecord record, @Nullable StoredCompletion stored) {
    }

    private CaseCompletions() {
    }

    /**
     * Pairs each of {@code samples} (the records of one case, as the results file holds them) with its stored
     * completion. Blocks on the database.
     *
     * @param promptSetFile the set's file as the evaluation's runs stored it; null for an unsaved set
     */
    public static List<Found> find(HistoryStore store, @Nullable String promptSetFile, List<SampleRecord> samples) {
        if (samples.isEmpty()) {
            return List.of();
        }
        SampleRecord first = samples.getFirst();
        List<StoredCompletion> stored = store.completionsOfCase(new CaseQuery(promptSetFile, first.task(),
                first.variant(), first.endpoint(), first.model(), first.testCase()));
        List<Found> found = new ArrayList<>();
        for (SampleRecord record : samples) {
            found.add(new Found(record, stored.stream().filter(s -> matches(s, record)).findFirst().orElse(null)));
        }
        return found;
    }

    private static boolean matches(StoredCompletion stored, SampleRecord record) {
        var kept = stored.record();
        return kept.key().sample() == record.sample()
                && kept.text().equals(Objects.requireNonNullElse(record.text(), ""))
                && kept.grade() == record.status();
    }
}
