// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.evaluate;

import dev.rationale.core.eval.EvalPlan;
import dev.rationale.core.eval.EvalSummary;
import dev.rationale.core.eval.VariantComparison;
import dev.rationale.core.eval.paired.PairedComparison;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The grid's paired significance: the user picks a baseline among the last evaluation's variants, and every other
 * variant is compared with it on the same cases and model ({@link VariantComparison}: McNemar's test and the
 * bootstrap interval). The comparisons are computed off the FX thread (ten thousand resamples per cell) and only
 * the latest is shown. The first variant is the baseline until the user picks another; a pick survives the next
 * evaluation when that one has the variant too. Touch it on the FX thread.
 */
public final class BaselineViewModel {

    /** A variant the baseline can be: its id and its label as the grid shows it. */
    public record Choice(String id, String label) {
    }

    /** One row of the grid: a variant on a target. */
    record Cell(String variant, String target) {
    }

    private final Executor fx;
    private final Executor background;
    private final Supplier<@Nullable EvalPlan> plan;
    private final ObservableList<Choice> choices = FXCollections.observableArrayList();
    private final ObjectProperty<@Nullable Choice> baseline = new SimpleObjectProperty<>(this, "baseline");
    private final ReadOnlyObjectWrapper<Map<Cell, PairedComparison>> comparisons = new ReadOnlyObjectWrapper<>(this,
            "comparisons", Map.of());
    private @Nullable EvalSummary report;
    // The id of the last baseline, kept while an evaluation runs and the choices are empty.
    private @Nullable String picked;
    // Which computation is the latest; an older one that finishes later is dropped.
    private int asked;

    /**
     * @param reports the last finished evaluation's report (null while none)
     * @param plan the plan of that evaluation, for the variants' labels
     */
    BaselineViewModel(ReadOnlyObjectProperty<@Nullable EvalSummary> reports, Supplier<@Nullable EvalPlan> plan,
            Executor fx, Executor background) {
        this.fx = fx;
        this.background = background;
        this.plan = plan;
        reports.addListener((obs, old, now) -> show(now));
        baseline.addListener((obs, old, now) -> {
            if (now != null) {
                picked = now.id();
            }
            compare();
        });
    }

    private void show(@Nullable EvalSummary now) {
        report = now;
        EvalPlan shown = plan.get();
        List<Choice> variants = now == null || shown == null ? List.of()
                : shown.variants().stream().map(v -> new Choice(String.valueOf(v.id()), v.effectiveLabel())).toList();
        Choice next = variants.stream().filter(c -> c.id().equals(picked)).findFirst()
                .orElse(variants.isEmpty() ? null : variants.getFirst());
        // Replacing the picker's items may clear its value (and so the baseline): set it again after.
        choices.setAll(variants);
        if (Objects.equals(baseline.get(), next)) {
            compare();
        } else {
            baseline.set(next);
        }
    }

    private void compare() {
        int ask = ++asked;
        EvalSummary shown = report;
        Choice base = baseline.get();
        if (shown == null || base == null) {
            comparisons.set(Map.of());
            return;
        }
        CompletableFuture.supplyAsync(() -> {
            Map<Cell, PairedComparison> byCell = new HashMap<>();
            VariantComparison.against(shown, base.id()).forEach(c -> byCell.put(new Cell(c.variant(), c.target()),
                    c.paired()));
            return Map.copyOf(byCell);
        }, background).thenAcceptAsync(result -> {
            if (ask == asked) {
                comparisons.set(result);
            }
        }, fx);
    }

    /** The variants of the last evaluation, in its order; empty before one ended. */
    public ObservableList<Choice> getChoices() {
        return choices;
    }

    /** The variant the others are compared with; null while there is nothing to compare. */
    public ObjectProperty<@Nullable Choice> baselineProperty() {
        return baseline;
    }

    /** Each non-baseline row's comparison with the baseline on the same model. */
    public ReadOnlyObjectProperty<Map<Cell, PairedComparison>> comparisonsProperty() {
        return comparisons.getReadOnlyProperty();
    }

    /** What the grid shows for {@code variant} on {@code target}. */
    public PairedText textOf(String variant, String target) {
        Choice base = baseline.get();
        if (base == null) {
            return PairedText.NONE;
        }
        if (base.id().equals(variant)) {
            return PairedText.BASELINE;
        }
        PairedComparison paired = comparisons.get().get(new Cell(variant, target));
        return paired == null ? PairedText.NONE : PairedText.brief(paired, base.label(), labelOf(variant));
    }

    private String labelOf(String variant) {
        return choices.stream().filter(c -> c.id().equals(variant)).map(Choice::label).findFirst().orElse(variant);
    }
}
