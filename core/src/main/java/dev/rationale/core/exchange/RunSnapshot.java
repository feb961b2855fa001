// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import dev.rationale.core.analysis.ReasoningSteps;
import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.history.CellTally;
import dev.rationale.core.history.CompletionRecord;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.history.Run;
import dev.rationale.core.history.RunCellScores;
import dev.rationale.core.history.StoredCompletion;
import dev.rationale.core.promptset.PromptSetFiles;
import dev.rationale.core.provider.CompletionResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One run of the history read whole, for the HTML report (the CSV and JSONL results stream, see
 * {@link StreamedRun}): the run, its counts per variant
 * x target, and every completion with request, texts and tokens, in grid order.
 *
 * @param format the task's answer format, read from the run's prompt set file when it is still there (for the
 *     answer's confidence); the default format otherwise
 * @param scores the scores of each cell, for a run whose answer format scores; empty otherwise
 */
public record RunSnapshot(Run run, List<CellTally> cells, List<StoredCompletion> completions,
        AnswerFormat format, List<RunCellScores> scores) {

    public RunSnapshot {
        cells = List.copyOf(cells);
        completions = List.copyOf(completions);
        scores = List.copyOf(scores);
    }

    /**
     * The run {@code runId} of {@code store}, or empty when it has none. Blocks on the database.
     *
     * @throws dev.rationale.core.history.HistoryException when the history cannot be read
     */
    public static Optional<RunSnapshot> read(HistoryStore store, String runId) {
        Optional<Run> found = store.run(runId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Run run = found.get();
        List<StoredCompletion> completions = store.completionsOfRun(runId);
        Path workspace = store.file().toAbsolutePath().getParent().getParent();
        return Optional.of(new RunSnapshot(run, store.cells(runId), completions, answerFormat(run, workspace),
                store.cellScores(runId)));
    }

    /**
     * The mean probability of the answer's tokens in a completion, where the backend scored them; null otherwise
     * and for a failed completion.
     */
    public @Nullable Double confidence(CompletionRecord record) {
        return confidence(format, record);
    }

    static @Nullable Double confidence(AnswerFormat format, CompletionRecord record) {
        return confidence(format, new CompletionResult.Sample(record.text(), record.reasoning(), record.tokens(),
                record.finishReason()), record.failure() != null);
    }

    static @Nullable Double confidence(AnswerFormat format, CompletionResult.Sample sample, boolean failed) {
        if (sample.tokens().isEmpty() || failed) {
            return null;
        }
        return ReasoningSteps.of(format).analyze(sample).answerConfidence();
    }

    // A set moved or changed since the run leaves the default format: the grades are stored, only the confidence
    // of answers in another format is then not found.
    static AnswerFormat answerFormat(Run run, Path workspace) {
        Optional<Path> file = promptSetFile(run, workspace);
        if (file.isEmpty() || run.task() == null) {
            return AnswerFormat.DEFAULT;
        }
        // Only the task's answer format: the set of a large run holds hundreds of thousands of cases.
        return PromptSetFiles.answerFormat(file.get(), run.task()).orElse(AnswerFormat.DEFAULT);
    }

    /**
     * The prompt set the run was made from: where the run found it, else a file of that name in {@code workspace}
     * (a workspace moved or cloned since); empty when neither is there.
     */
    public static Optional<Path> promptSetFile(Run run, Path workspace) {
        if (run.promptSetFile() == null) {
            return Optional.empty();
        }
        Path given = Path.of(run.promptSetFile());
        Path file = Files.isRegularFile(given) ? given : workspace.resolve(given.getFileName());
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }
}
