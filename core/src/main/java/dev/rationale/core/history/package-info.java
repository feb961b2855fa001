// SPDX-License-Identifier: Apache-2.0
/**
 * Run history: every run (an evaluation or a single prompt run) and every completion it produced, kept in a
 * SQLite database at {@code WORKSPACE/.rationale/history.db} so any past result can be listed, reopened, compared
 * and rerun. {@link dev.rationale.core.history.HistoryStore} is the entry point: the runner calls
 * {@code startRun}, then {@code record} for each completion (from any thread), then {@code finishRun}.
 *
 * <p>What is stored is what was sent and what came back, never a secret: a request is kept as its
 * {@link dev.rationale.core.provider.CompletionRequest} (prompt, settings, seed), which has no headers or keys.
 * The schema is versioned with {@code PRAGMA user_version}; opening a store migrates an older database in one
 * transaction. A completion's request, texts and tokens are packed and compressed against the first completion of
 * its run, variant and target (see {@code docs/history.md}). All methods block on disk I/O; call them off the UI
 * thread.
 */
@NullMarked
package dev.rationale.core.history;

import org.jspecify.annotations.NullMarked;
