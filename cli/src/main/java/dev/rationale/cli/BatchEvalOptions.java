// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import dev.rationale.core.RationaleException;
import dev.rationale.core.batch.BatchOptions;
import dev.rationale.core.batch.BatchRunner;
import dev.rationale.core.grading.GradingContext;
import dev.rationale.core.endpoint.ProviderFactory;
import dev.rationale.core.eval.BatchRecord;
import dev.rationale.core.eval.ResultsFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * {@code rationale eval}'s options for the providers' batch APIs ({@link BatchRunner}): {@code --batch} to run
 * through them, {@code --submit-only} to hand the work over and exit, {@code --cancel-batch} to cancel it at the
 * provider, {@code --poll-interval}. A {@code --resume} of a results file whose batches are still open runs as a
 * batch without being told.
 */
final class BatchEvalOptions {

    @Option(names = "--batch", description = "Send the requests through the provider's batch API (OpenAI, Anthropic,"
            + " Gemini): about half the price, answers within 24 hours. Work above a batch's limits is split into"
            + " several batches; their ids are kept in the results file and the history.")
    boolean batch;

    @Option(names = "--submit-only", description = "With --batch: submit the batches and exit; a later --resume"
            + " polls them and imports their answers.")
    boolean submitOnly;

    @Option(names = "--cancel-batch", description = "Cancel the open batches of the results file at the provider,"
            + " then import what they had finished (the rest is recorded failed; --resume sends it again).")
    boolean cancelBatch;

    @Option(names = "--poll-interval", paramLabel = "SECONDS",
            description = "Seconds between two looks at open batches (default: 30).")
    @Nullable Double pollSeconds;

    /** Whether the run goes through batch APIs: asked for, or a resume of a file with batches still open. */
    boolean active(boolean resume, Path results) {
        return batch || submitOnly || cancelBatch || resume && BatchRunner.hasOpenBatches(results);
    }

    /** Whether the run continues its results file: {@code --cancel-batch} works on the one there is. */
    boolean resumes(boolean resume) {
        return resume || cancelBatch;
    }

    /**
     * The runner of a batch run.
     *
     * @throws RationaleException for a poll interval below zero, or nothing to cancel
     */
    BatchRunner runner(ProviderFactory providers, Path results, GradingContext grading) {
        if (pollSeconds != null && (pollSeconds < 0 || pollSeconds.isNaN() || pollSeconds.isInfinite())) {
            throw new RationaleException("--poll-interval must be 0 or more seconds, got " + pollSeconds);
        }
        if (cancelBatch && !BatchRunner.hasOpenBatches(results)) {
            throw new RationaleException("no open batches to cancel in " + results);
        }
        Duration poll = pollSeconds == null ? BatchOptions.DEFAULT_POLL
                : Duration.ofNanos(Math.round(pollSeconds * 1e9));
        return new BatchRunner(providers::batchApi, BatchOptions.DEFAULTS.withPollInterval(poll)
                .submittingOnly(submitOnly).cancellingRemote(cancelBatch), grading);
    }

    /** What a run that ended with batches still open tells: which batches, and how to go on. */
    static String stillOpen(Path results, String resumeCommand) {
        List<BatchRecord> open = ResultsFile.openBatches(results);
        StringBuilder text = new StringBuilder("rationale: " + open.size()
                + (open.size() == 1 ? " batch is" : " batches are") + " open at the provider:");
        open.forEach(b -> text.append("\n  ").append(b.describe()));
        return text.append("\nTo collect the answers: ").append(resumeCommand)
                .append("\nTo cancel them: ").append(resumeCommand).append(" --cancel-batch").toString();
    }

    /** The arguments of this run as a resume: {@code --resume} added, the flags that only start a batch removed. */
    static List<String> resumeArgs(List<String> args) {
        List<String> kept = new java.util.ArrayList<>(args.stream()
                .filter(a -> !a.equals("--submit-only") && !a.equals("--cancel-batch")).toList());
        if (!kept.contains("--resume")) {
            kept.add("--resume");
        }
        return kept;
    }
}
