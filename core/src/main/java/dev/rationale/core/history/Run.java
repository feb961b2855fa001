// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import dev.rationale.core.RationaleVersion;
import dev.rationale.core.promptset.GenerationSettings;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * One execution stored in the history: what was run (prompt set, task, variants, targets, settings), by which
 * version of Rationale, when, how it ended, and its completions counted by outcome.
 *
 * @param id unique in the workspace; {@link #newId} makes short ones that sort by time
 * @param promptSetFile the prompt set's path as the user gave it; null for a prompt typed in directly
 * @param variants the ids of the variants run, in grid order
 * @param targets the endpoints and models run, in grid order
 * @param settings the run's default generation settings (variants and targets may override them per call; each
 *     completion keeps the exact request)
 * @param planned completions the grid holds (variants x targets x cases x samples); 0 when not known
 * @param tally the completions recorded so far, kept up to date by every {@code record} call
 * @param scope the dataset, case limit and samples an evaluation ran with; {@link RunScope#NONE} for a prompt run
 */
public record Run(
        String id,
        RunKind kind,
        RunStatus status,
        Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable String promptSetFile,
        @Nullable String promptSetName,
        @Nullable String task,
        List<String> variants,
        List<RunTarget> targets,
        GenerationSettings settings,
        String appVersion,
        int planned,
        Tally tally,
        RunScope scope) {

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    public Run {
        variants = List.copyOf(variants);
        targets = List.copyOf(targets);
    }

    /** A run that starts now with this build's version, status {@link RunStatus#RUNNING} and nothing recorded. */
    public static Run started(String id, RunKind kind, Instant startedAt, @Nullable String promptSetFile,
            @Nullable String promptSetName, @Nullable String task, List<String> variants, List<RunTarget> targets,
            GenerationSettings settings, int planned) {
        return new Run(id, kind, RunStatus.RUNNING, startedAt, null, promptSetFile, promptSetName, task, variants,
                targets, settings, RationaleVersion.current(), planned, Tally.ZERO, RunScope.NONE);
    }

    /** This run with {@code newScope}, e.g. a {@link #started} evaluation with the dataset it reads. */
    public Run withScope(RunScope newScope) {
        return new Run(id, kind, status, startedAt, finishedAt, promptSetFile, promptSetName, task, variants, targets,
                settings, appVersion, planned, tally, newScope);
    }

    /** This run ended at {@code at} with {@code newStatus}, e.g. a {@link #started} prompt run kept once it ended. */
    public Run ended(RunStatus newStatus, Instant at) {
        return new Run(id, kind, newStatus, startedAt, at, promptSetFile, promptSetName, task, variants, targets,
                settings, appVersion, planned, tally, scope);
    }

    /**
     * A fresh id such as {@code 20260105-100000-3fa2}: the UTC start time, so ids sort like runs, and a random
     * part, so two runs started in the same second differ. Short enough to type after {@code history show}.
     */
    public static String newId(Instant startedAt) {
        return ID_TIME.format(startedAt) + "-" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current()
                .nextInt());
    }
}
