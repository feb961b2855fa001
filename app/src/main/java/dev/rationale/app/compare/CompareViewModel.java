// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.compare;

import dev.rationale.app.clusters.ClustersViewModel;
import dev.rationale.app.fx.Failures;
import dev.rationale.app.output.FinishedCompletion;
import dev.rationale.app.output.OutputViewModel;
import dev.rationale.app.output.RunSpec;
import dev.rationale.app.output.RunState;
import dev.rationale.app.run.RunPlanner;
import dev.rationale.core.analysis.ClusteredChains;
import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.promptset.ChatLayout;
import dev.rationale.core.promptset.GenerationSettings;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.provider.TokenAlternative;
import dev.rationale.core.run.Branching;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * Compare: columns side by side, each a variant on an endpoint and model (or one configuration repeated as
 * samples with different seeds), run together on the same test case; the agreement of their answers; branch
 * columns opened from a token's popup; and columns showing completions that ended earlier (the samples of an
 * evaluated case), read back without a run. Touch it on the FX thread.
 */
public final class CompareViewModel {

    /**
     * What every column of a run shares: the prompt set, task and case, the run's own settings, and the chat layout
     * over the variants' (null keeps theirs).
     */
    public record Context(PromptSet set, Task task, TestCase testCase, GenerationSettings overrides,
            @Nullable ChatLayout layout) {
    }

    private final Executor fx;
    private final Executor background;
    private final RunPlanner planner;
    private final ObservableList<CompareColumn> columns = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper agreement = new ReadOnlyStringWrapper(this, "agreement", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ClustersViewModel clusters;

    /** @param background plans runs (which may load a model or ask a server about it); never the FX thread */
    public CompareViewModel(RunPlanner planner, Executor fx, Executor background) {
        this.planner = planner;
        this.fx = fx;
        this.background = background;
        this.clusters = new ClustersViewModel(fx, background);
    }

    /** Adds a column for {@code variantId} on {@code endpoint} and {@code model}. */
    public CompareColumn addColumn(@Nullable String variantId, @Nullable Endpoint endpoint, String model) {
        CompareColumn column = new CompareColumn(fx, background, variantId, endpoint, model, CompareColumn.Kind.RUN);
        watch(column);
        columns.add(column);
        return column;
    }

    public void removeColumn(CompareColumn column) {
        column.output().stop();
        columns.remove(column);
        updateAgreement();
    }

    /**
     * Replaces the columns with {@code n} copies of the first one's configuration, seeded 1..n, so that sampling
     * (temperature above 0) gives n different chains: self-consistency by eye.
     */
    public void repeatFirst(int n) {
        if (columns.isEmpty() || n < 1) {
            return;
        }
        CompareColumn first = columns.getFirst();
        if (first.isFinished()) {
            // A completion shown again has no variant, endpoint and model of its own to repeat.
            message.set("The first column cannot be repeated: it shows a finished completion. Add a column to"
                    + " repeat instead.");
            return;
        }
        List<CompareColumn> copies = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            CompareColumn copy = new CompareColumn(fx, background, first.variantIdProperty().get(),
                    first.endpointProperty().get(), first.modelProperty().get(), CompareColumn.Kind.RUN);
            copy.seedProperty().set((long) i);
            watch(copy);
            copies.add(copy);
        }
        stopAll();
        columns.setAll(copies);
        updateAgreement();
    }

    /**
     * Runs every column but branches and finished completions; a column that cannot run shows why in its own
     * output.
     */
    public void runAll(Context context) {
        message.set(columns.stream().anyMatch(CompareColumn::isRunnable) ? ""
                : "These columns show finished completions; add a column to run the prompt again.");
        for (CompareColumn column : columns) {
            if (column.isRunnable()) {
                run(column, context);
            }
        }
    }

    /**
     * Replaces the columns with one per completion, each showing a completion that ended earlier (the samples of an
     * evaluated case, say), and says how far their answers agree. Nothing is sent to a provider.
     */
    public void showFinished(List<FinishedCompletion> completions) {
        stopAll();
        List<CompareColumn> shown = new ArrayList<>();
        for (FinishedCompletion completion : completions) {
            CompareColumn column = new CompareColumn(fx, background, null, null, "", CompareColumn.Kind.FINISHED);
            column.titleProperty().set(completion.origin().label());
            watch(column);
            shown.add(column);
        }
        message.set("");
        // Shown once the columns are in the list: a column's view draws what changes after it was made.
        columns.setAll(shown);
        for (int i = 0; i < shown.size(); i++) {
            shown.get(i).output().show(completions.get(i));
        }
        updateAgreement();
    }

    private void run(CompareColumn column, Context context) {
        Variant variant = context.task().variants().stream()
                .filter(v -> v.id() != null && v.id().equals(column.variantIdProperty().get())).findFirst()
                .orElse(context.task().variants().isEmpty() ? null : context.task().variants().getFirst());
        Endpoint endpoint = column.endpointProperty().get();
        if (variant == null || endpoint == null || column.modelProperty().get().isBlank()) {
            column.titleProperty().set("choose a variant, an endpoint and a model");
            return;
        }
        GenerationSettings overrides = column.seedProperty().get() == null ? context.overrides()
                : context.overrides().overriddenBy(new GenerationSettings(null, null, null, List.of(),
                        column.seedProperty().get(), null));
        String model = column.modelProperty().get();
        String seed = column.seedProperty().get() == null ? "" : " · seed " + column.seedProperty().get();
        column.titleProperty().set(variant.effectiveLabel() + " · " + RunPlanner.shortModel(model) + seed + " …");
        CompletableFuture.supplyAsync(() -> planner.plan(context.set(), context.task(), variant, context.testCase(),
                endpoint, model, overrides, context.layout()), background).whenCompleteAsync((spec, error) -> {
                    if (!columns.contains(column)) {
                        return;
                    }
                    if (error != null || spec == null) {
                        column.titleProperty().set(variant.effectiveLabel() + ": " + Failures.messageOf(error));
                        return;
                    }
                    column.titleProperty().set(spec.label() + seed);
                    column.output().start(spec);
                }, fx);
    }

    /**
     * Opens a column continuing {@code source}'s answer from token {@code index} with its alternative number
     * {@code alternative}, and starts it. Returns the new column, or null when the source cannot branch.
     */
    public @Nullable CompareColumn branch(OutputViewModel source, int index, int alternative) {
        RunSpec spec = source.getSpec();
        if (spec == null || !source.getBranches().canBranch()) {
            message.set("This answer cannot be branched: it needs the embedded engine, or a raw text prompt on a "
                    + "backend that takes one.");
            return null;
        }
        Branching.Point point = source.getBranches().point(index, alternative);
        TokenAlternative chosen = point.chosen();
        CompareColumn column = new CompareColumn(fx, background, null, null, "", CompareColumn.Kind.BRANCH);
        column.titleProperty().set("Branch of " + spec.label() + " at token " + (index + 1) + ": \""
                + chosen.text().strip() + "\"");
        watch(column);
        columns.add(column);
        column.output().startBranch(spec, point);
        return column;
    }

    public void stopAll() {
        columns.forEach(column -> column.output().stop());
    }

    private void watch(CompareColumn column) {
        column.output().stateProperty().addListener((obs, old, now) -> {
            if (!now.isRunning()) {
                updateAgreement();
            }
        });
    }

    // The finished columns are the samples that the agreement and the clusters read.
    private void updateAgreement() {
        List<@Nullable String> answers = new ArrayList<>();
        List<ClusteredChains.Sample> samples = new ArrayList<>();
        AnswerFormat format = AnswerFormat.DEFAULT;
        @Nullable String expected = null;
        for (CompareColumn column : columns) {
            OutputViewModel output = column.output();
            AnswerFormat shown = output.getAnswerFormat();
            if (output.getState() != RunState.IDLE && !output.getState().isRunning() && shown != null) {
                format = shown;
                String answer = output.getGrade() == null ? null : output.getGrade().extracted();
                answers.add(answer);
                samples.add(new ClusteredChains.Sample(output.getReasoning(), output.getText(),
                        List.copyOf(output.getTokens()), answer));
                expected = expected == null ? output.getExpected() : expected;
            }
        }
        agreement.set(AgreementText.of(answers, format));
        if (samples.isEmpty()) {
            clusters.clear();
        } else {
            clusters.show(samples, format, expected);
        }
    }

    /** The finished columns' answers as clusters and their chains aligned. */
    public ClustersViewModel getClusters() {
        return clusters;
    }

    public ObservableList<CompareColumn> getColumns() {
        return columns;
    }

    /** The majority answer among finished columns and its share, e.g. "42: 3 of 4 (75 %)". */
    public ReadOnlyStringProperty agreementProperty() {
        return agreement.getReadOnlyProperty();
    }

    /** Why the last action did nothing; empty when it worked. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
