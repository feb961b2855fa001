// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.history;

import dev.rationale.core.answer.Verdict;
import dev.rationale.core.history.CompletionFilter;
import dev.rationale.core.history.CompletionRow;
import dev.rationale.core.history.Page;
import dev.rationale.core.history.Run;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The completions of one run as History lists them: a page at a time, filtered by grade and by cell; the count of
 * all that match. Each page starts after the last row loaded (a keyset), so the thousandth page of a run of a
 * million costs what the first does. A page that arrives for an older listing is dropped. Touch it on the FX thread.
 */
final class CompletionPages {

    /** Completions loaded per page; the table is virtualised and asks for the next page near its end. */
    static final int PAGE = 500;

    private final HistoryQueries queries;
    private final ObservableList<CompletionRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper(this, "completionsTotal");
    private boolean loading;
    // Bumped whenever the list's query changes, so a page that arrives for an older query is dropped.
    private int listing;
    private @Nullable CompletionFilter query;

    CompletionPages(HistoryQueries queries) {
        this.queries = queries;
    }

    /** Lists the first page of {@code run}'s completions of {@code grade} in {@code cell}; no run lists none. */
    void list(@Nullable Run run, @Nullable Verdict grade, @Nullable CellChoice cell) {
        int current = ++listing;
        rows.clear();
        total.set(0);
        loading = false;
        query = null;
        if (run != null) {
            CompletionFilter filter = CompletionFilter.of(run.id()).withGrade(grade);
            query = cell == null ? filter : cell.narrow(filter);
            load(current);
        }
    }

    /** Loads the next page, unless one is loading or all are loaded. */
    void loadMore() {
        if (query != null && !loading && rows.size() < total.get()) {
            load(listing);
        }
    }

    /** A query failed: the next {@link #loadMore} may try again. */
    void failed() {
        loading = false;
    }

    private void load(int current) {
        loading = true;
        CompletionFilter page = query.after(rows.isEmpty() ? null : rows.getLast(), rows.size(), PAGE);
        queries.ask(store -> store.completions(page), (Page<CompletionRow> loaded) -> {
            if (current == listing) {
                loading = false;
                rows.addAll(loaded.items());
                total.set(loaded.total());
            }
        });
    }

    ObservableList<CompletionRow> rows() {
        return rows;
    }

    ReadOnlyLongProperty totalProperty() {
        return total.getReadOnlyProperty();
    }
}
