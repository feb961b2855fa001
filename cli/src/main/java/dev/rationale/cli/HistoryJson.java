// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rationale.core.analysis.AtK;
import dev.rationale.core.eval.RunComparison;
import dev.rationale.core.eval.paired.RunVerdicts;
import dev.rationale.core.history.CaseComparison;
import dev.rationale.core.cost.TokenTotals;
import dev.rationale.core.history.CellTally;
import dev.rationale.core.history.RunCosts;
import dev.rationale.core.history.Run;
import dev.rationale.core.history.RunTarget;
import dev.rationale.core.history.Tally;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The objects {@code rationale history list --json}, {@code history show --json} and {@code history compare --json}
 * print. Their field names and
 * order are part of the CLI contract; every field is always present (null when unknown), so scripts can rely on
 * the shape. Times are ISO-8601 in UTC.
 */
final class HistoryJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HistoryJson() {
    }

    /** A run as {@code history list --json} prints it, one per array element. */
    @JsonPropertyOrder({"id", "kind", "status", "startedAt", "finishedAt", "promptSetName", "promptSetFile", "task",
            "variants", "targets", "appVersion", "planned", "counts"})
    record RunEntry(String id, String kind, String status, String startedAt, @Nullable String finishedAt,
            @Nullable String promptSetName, @Nullable String promptSetFile, @Nullable String task,
            List<String> variants, List<TargetEntry> targets, String appVersion, int planned, Counts counts) {
        static RunEntry of(Run run) {
            return new RunEntry(run.id(), run.kind().id(), run.status().id(), time(run.startedAt()),
                    run.finishedAt() == null ? null : time(run.finishedAt()), run.promptSetName(),
                    run.promptSetFile(), run.task(), run.variants(),
                    run.targets().stream().map(TargetEntry::of).toList(), run.appVersion(), run.planned(),
                    Counts.of(run.tally()));
        }
    }

    @JsonPropertyOrder({"endpoint", "kind", "model"})
    record TargetEntry(String endpoint, String kind, String model) {
        static TargetEntry of(RunTarget target) {
            return new TargetEntry(target.endpoint(), target.kind().id(), target.model());
        }
    }

    /** @param accuracy correct over correct + wrong + noAnswer; null when none of those */
    @JsonPropertyOrder({"total", "correct", "wrong", "noAnswer", "ungraded", "failed", "accuracy"})
    record Counts(int total, int correct, int wrong, int noAnswer, int ungraded, int failed,
            @Nullable Double accuracy) {
        static Counts of(Tally tally) {
            return new Counts(tally.total(), tally.correct(), tally.wrong(), tally.noAnswer(), tally.ungraded(),
                    tally.failed(), tally.accuracy());
        }
    }

    /**
     * @param tokens the tokens the provider reported, sent alone and through a batch
     * @param cost dollars at the price table's prices, computed now from those tokens; null without a price
     */
    @JsonPropertyOrder({"variant", "target", "counts", "atK", "tokens", "cost"})
    record CellEntry(String variant, TargetEntry target, Counts counts, List<AtK> atK, Tokens tokens,
            @Nullable Double cost) {
        static CellEntry of(CellTally cell, RunCosts costs) {
            return new CellEntry(cell.variant(), TargetEntry.of(cell.target()), Counts.of(cell.tally()),
                    cell.atK(), new Tokens(cell.liveTokens(), cell.batchTokens()), costs.cost(cell));
        }
    }

    @JsonPropertyOrder({"live", "batch"})
    record Tokens(TokenTotals live, TokenTotals batch) {
    }

    /** A run's cost: the total of its priced cells, the day the prices were checked, the targets without. */
    @JsonPropertyOrder({"total", "currency", "pricesChecked", "unpriced"})
    record Cost(double total, String currency, String pricesChecked, List<String> unpriced) {
        static Cost of(List<CellTally> cells, RunCosts costs) {
            return new Cost(costs.total(cells), "USD", costs.checked(), costs.unpriced());
        }
    }

    /**
     * What {@code history show --json} prints: the run, its counts per variant x target, and each other variant
     * against the first (the baseline; null for a run without variants) on each target.
     */
    @JsonPropertyOrder({"run", "cells", "cost", "baseline", "comparisons"})
    record RunReport(RunEntry run, List<CellEntry> cells, Cost cost, @Nullable String baseline,
            List<VariantComparison> comparisons) {
    }

    /** A variant against the baseline on one target ({@link PairedJson}; A is the baseline). */
    @JsonPropertyOrder({"variant", "target", "paired"})
    record VariantComparison(String variant, String target, Map<String, Object> paired) {
        static VariantComparison of(RunVerdicts.Row row) {
            return new VariantComparison(row.variant(), row.target(), PairedJson.of(row.paired()));
        }
    }

    /**
     * One variant x target in both runs of {@code history compare --json}; delta is B minus A over completions,
     * paired its cases compared ({@link PairedJson}).
     */
    @JsonPropertyOrder({"variant", "target", "a", "b", "delta", "paired"})
    record ComparedCell(String variant, String target, Counts a, Counts b, @Nullable Double delta,
            Map<String, Object> paired) {
        static ComparedCell of(RunComparison.Cell cell) {
            return new ComparedCell(cell.variant(), cell.target(), Counts.of(cell.inA()), Counts.of(cell.inB()),
                    cell.delta(), PairedJson.of(cell.paired()));
        }
    }

    /** A grid position whose grade changed; a grade is null where that run has no completion there. */
    @JsonPropertyOrder({"change", "variant", "target", "model", "case", "sample", "a", "b"})
    record ChangedCase(String change, String variant, String target, String model,
            @JsonProperty("case") String caseId, int sample, @Nullable String a,
            @Nullable String b) {
        static ChangedCase of(RunComparison.Change change) {
            CaseComparison p = change.position();
            return new ChangedCase(change.direction().name().toLowerCase(Locale.ROOT), p.variant(), p.target(),
                    p.model(), p.caseId(), p.sample(), p.inA() == null ? null : p.inA().id(),
                    p.inB() == null ? null : p.inB().id());
        }
    }

    /** What {@code history compare --json} prints: A is the older run, deltas are B minus A. */
    @JsonPropertyOrder({"a", "b", "verdict", "delta", "paired", "fixed", "broke", "cells", "changes"})
    record ComparisonReport(RunEntry a, RunEntry b, String verdict, @Nullable Double delta,
            Map<String, Object> paired, long fixed, long broke, List<ComparedCell> cells, List<ChangedCase> changes) {
        static ComparisonReport of(RunComparison comparison) {
            return new ComparisonReport(RunEntry.of(comparison.a()), RunEntry.of(comparison.b()),
                    comparison.verdict(), comparison.delta(), PairedJson.of(comparison.paired()), comparison.fixed(),
                    comparison.broke(), comparison.cells().stream().map(ComparedCell::of).toList(),
                    comparison.changes().stream().map(ChangedCase::of).toList());
        }
    }

    /**
     * Writes {@link ComparisonReport} of {@code comparison} to {@code out}, its {@code changes} one at a time as
     * {@code changes} hands them over (in grid order), so that every change of two large runs is listed without
     * holding them. Leaves {@code out} open.
     */
    static void writeComparison(RunComparison comparison, Consumer<Consumer<RunComparison.Change>> changes,
            Writer out) {
        ObjectNode head = JSON.valueToTree(ComparisonReport.of(comparison));
        head.remove("changes");
        try (JsonGenerator json = JSON.getFactory().createGenerator(out)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            json.writeStartObject();
            for (Map.Entry<String, JsonNode> field : head.properties()) {
                json.writeFieldName(field.getKey());
                json.writeTree(field.getValue());
            }
            json.writeArrayFieldStart("changes");
            changes.accept(change -> {
                try {
                    json.writeObject(ChangedCase.of(change));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String time(Instant at) {
        return at.toString();
    }
}
