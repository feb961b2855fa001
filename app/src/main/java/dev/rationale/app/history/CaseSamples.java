// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.history;

import dev.rationale.core.history.CompletionFilter;
import dev.rationale.core.history.RunCompletionKey;
import dev.rationale.core.history.CompletionRow;
import dev.rationale.core.history.HistoryException;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.history.StoredCompletion;
import java.util.List;

/** The samples of one case in one run, read from the history; blocks on the database, so call it off the FX thread. */
final class CaseSamples {

    private CaseSamples() {
    }

    /** The rows of every sample of {@code stored}'s case, on its endpoint and model, in its run. */
    static List<CompletionRow> of(HistoryStore store, StoredCompletion stored) {
        RunCompletionKey key = stored.record().key();
        // The filter's target is the endpoint; several models on one endpoint are told apart here.
        return store.completions(CompletionFilter.of(key.runId()).withVariant(key.variant())
                .withTarget(key.target().endpoint()).withCase(key.caseId()).page(0, CompletionPages.PAGE)).items()
                .stream().filter(row -> row.key().target().equals(key.target())).toList();
    }

    /** Completion {@code id} in full; fails when it has been deleted since it was listed. */
    static StoredCompletion whole(HistoryStore store, long id) {
        return store.completion(id).orElseThrow(() -> new HistoryException("completion " + id
                + " is no longer in the history"));
    }
}
