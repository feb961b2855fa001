// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.output;

import dev.rationale.app.clusters.ClustersViewModel;
import dev.rationale.app.fx.Failures;
import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.Grade;
import dev.rationale.core.cost.CostText;
import dev.rationale.core.cost.PriceTable;
import dev.rationale.core.cost.TokenTotals;
import dev.rationale.core.history.RunTarget;
import dev.rationale.core.provider.Cancellable;
import dev.rationale.core.provider.CompletionEvent;
import dev.rationale.core.provider.CompletionListener;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.Timings;
import dev.rationale.core.provider.TokenIdListener;
import dev.rationale.core.provider.Usage;
import dev.rationale.core.run.Branching;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * One run's output as it streams: the answer and reasoning text, the scored tokens (for the heat map), notices,
 * and at the end the extracted answer, its grade, timings and usage. Events arrive on a provider thread and are
 * applied in batches on the FX executor ({@link LiveStream}), so thousands of tokens a second cost a few updates a
 * frame. Sample 0 is the answer shown; a run of several samples also shows them all as answer clusters
 * ({@link RunSamples}). It can also show a completion that ended earlier (from an evaluation or the history) with
 * where it came from and the request it sent ({@link OutputSource}). Touch it on the FX thread only.
 */
public final class OutputViewModel {

    private final LiveStream stream;
    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(this, "state", RunState.IDLE);
    private final StreamedAnswer answer = new StreamedAnswer();
    private final ReadOnlyStringWrapper cost = new ReadOnlyStringWrapper(this, "cost", "");
    private final Executor fx;
    private final Executor background;
    private final Supplier<@Nullable Path> pricesFolder;
    // Which answer a cost being worked out is for: a later one replaces it.
    private int costFor;
    private final ObservableList<ScoredToken> tokens = answer.tokens;
    // Kept, not made per call: an unmodifiable view listens to its list weakly, so a discarded one stops updating.
    private final ObservableList<ScoredToken> readOnlyTokens = FXCollections.unmodifiableObservableList(tokens);
    private final ObservableList<String> readOnlyNotices = FXCollections.unmodifiableObservableList(answer.notices);
    private final ReadOnlyObjectWrapper<@Nullable RunSpec> spec = new ReadOnlyObjectWrapper<>(this, "spec");
    // The format of the completion shown, set before its grade; null while a run or nothing is shown.
    private @Nullable AnswerFormat shownFormat;
    private final ReadOnlyObjectWrapper<@Nullable FinishedCompletion> finished =
            new ReadOnlyObjectWrapper<>(this, "finished");
    private final OutputSource source = new OutputSource();
    private final ReadOnlyStringWrapper expected = new ReadOnlyStringWrapper(this, "expected");
    private final ResampleViewModel resample;
    private final OutputBranches branches = new OutputBranches(this);
    private final RunSamples samples;
    private final StepsAnalysis steps;

    /**
     * @param fx the FX thread's executor ({@code Platform::runLater}; {@code Runnable::run} in tests)
     * @param background where a run's samples are clustered and aligned
     */
    public OutputViewModel(Executor fx, Executor background) {
        this(fx, background, () -> null);
    }

    /**
     * @param fx the FX thread's executor ({@code Platform::runLater}; {@code Runnable::run} in tests)
     * @param background where a run's samples are clustered and aligned, and its cost is priced
     * @param pricesFolder asked on the FX thread for the workspace folder whose {@code prices.json} is read (off it)
     *     over the user's and the shipped ones; null for none
     */
    public OutputViewModel(Executor fx, Executor background, Supplier<@Nullable Path> pricesFolder) {
        this.fx = fx;
        this.background = background;
        this.pricesFolder = pricesFolder;
        this.stream = new LiveStream(fx);
        this.resample = new ResampleViewModel(this, fx);
        this.samples = new RunSamples(fx, background);
        this.steps = new StepsAnalysis(fx, background);
    }

    /**
     * Starts {@code run}, replacing what was shown. A request the backend refuses up front (UNSUPPORTED) ends the
     * run as FAILED at once, with the backend's message.
     */
    public void start(RunSpec run) {
        begin(run, List.of(), (listener, ids) -> run.provider().brancher()
                .map(brancher -> brancher.stream(run.request(), listener, ids))
                .orElseGet(() -> run.provider().stream(run.request(), listener)));
    }

    /**
     * Starts a branch of a run: shows {@code point}'s kept tokens, then streams the continuation from the chosen
     * alternative (see {@link Branching}).
     */
    public void startBranch(RunSpec run, Branching.Point point) {
        begin(run, point.kept(), (listener, ids) -> Branching.start(run.provider(), run.request(), point, listener,
                ids));
    }

    /** Branching this answer, and the token ids a branch or resample reuses. */
    public OutputBranches getBranches() {
        return branches;
    }

    /** The answer clusters and aligned chains of a run's samples, when it asked for several; empty otherwise. */
    public ClustersViewModel getClusters() {
        return samples.clusters();
    }

    /** Resampling this answer from its tokens and steps. */
    public ResampleViewModel getResample() {
        return resample;
    }

    // starter: starts the stream whose events and token ids go to this view model.
    private void begin(RunSpec run, List<ScoredToken> kept,
            BiFunction<CompletionListener, TokenIdListener, Cancellable> starter) {
        stop();
        clear();
        spec.set(run);
        source.describe(run);
        expected.set(run.expected());
        state.set(RunState.RUNNING);
        answer.keep(kept);
        samples.begin(run.request().samples());
        try {
            stream.follow(starter, branches.fresh(), this::apply);
        } catch (ProviderException e) {
            stream.ended();
            answer.failure.set(e.getMessage());
            state.set(RunState.FAILED);
        }
    }

    /**
     * Shows that a run could not start, e.g. because its prompt does not render or no model is chosen; what the
     * last run showed is cleared, so the message cannot be mistaken for a comment on it.
     */
    public void showFailure(String message) {
        detach();
        answer.failure.set(message);
        state.set(RunState.FAILED);
    }

    /**
     * Shows {@code completion}, which ended earlier (in an evaluation, or a run kept in the history), in place of
     * what was shown, without calling a provider. It cannot be branched: no backend is attached to it.
     */
    public void show(FinishedCompletion completion) {
        detach();
        source.describe(completion);
        expected.set(completion.expected());
        // Before its grade, which is read with the format that says a score's scale and threshold.
        shownFormat = completion.format();
        answer.showWhole(completion);
        price(completion.billedTo(), completion.usage(), completion.batch());
        // Set once the rest is, so that what listens to it reads the completion whole.
        finished.set(completion);
        state.set(completion.failure() != null ? RunState.FAILED : RunState.COMPLETED);
        analyseSteps();
    }

    // Stops and forgets the run shown: what it still sends is dropped, as its generation is over.
    private void detach() {
        stop();
        clear();
        stream.forget();
        spec.set(null);
    }

    /** Cancels the run; its end arrives as a CANCELLED finish. Does nothing when nothing runs. */
    public void stop() {
        if (state.get().isRunning()) {
            stream.cancel();
        }
    }

    private void clear() {
        costFor++;
        cost.set("");
        steps.clear();
        answer.clear();
        samples.clear();
        finished.set(null);
        shownFormat = null;
        source.clear();
        expected.set(null);
    }

    private void apply(List<CompletionEvent> batch) {
        CompletionEvent end = answer.add(batch);
        samples.add(batch);
        if (end instanceof CompletionEvent.Completed c) {
            finish(c.timings(), null);
        } else if (end instanceof CompletionEvent.Failed f) {
            finish(f.timings(), f.error());
        }
    }

    private void finish(Timings ended, @Nullable ProviderException error) {
        stream.ended();
        RunSpec run = spec.get();
        AnswerFormat format = run == null ? null : run.answerFormat();
        String expectedAnswer = run == null ? null : run.expected();
        samples.end(format, expectedAnswer);
        state.set(answer.end(ended, error, format, expectedAnswer));
        price(run == null ? null : run.subject().target(), answer.usage, false);
        analyseSteps();
    }

    // Prices the answer's reported usage off the FX thread: the table may be read from disk.
    private void price(@Nullable RunTarget target, @Nullable Usage usage, boolean batch) {
        int request = ++costFor;
        cost.set("");
        if (target == null || usage == null) {
            return;
        }
        Path folder = pricesFolder.get();
        CompletableFuture.supplyAsync(() -> {
            PriceTable table = PriceTable.forUser(folder);
            return CostText.completion(table.find(target.endpoint(), target.kind(), target.model()),
                    TokenTotals.of(usage), batch, table.checked());
        }, background).whenCompleteAsync((text, error) -> {
            if (request == costFor) {
                cost.set(error != null ? "cost not known: " + Failures.messageOf(error) : text);
            }
        }, fx);
    }

    /**
     * What the answer shown cost: its reported tokens at the prices in force, e.g. "cost $0.00042 at the prices
     * checked 2026-12-07"; empty until it ended, or when the backend reported no usage.
     */
    public ReadOnlyStringProperty costProperty() {
        return cost.getReadOnlyProperty();
    }

    private void analyseSteps() {
        AnswerFormat format = getAnswerFormat();
        if (format != null) {
            steps.analyse(format, getReasoning(), getText(), answer.tokensCopy());
        }
    }

    /**
     * The reasoning steps of the answer shown, found off the FX thread once a run ended or a completion is shown;
     * null while a run streams and until they are found.
     */
    ReadOnlyObjectProperty<@Nullable ShownSteps> shownStepsProperty() {
        return steps.stepsProperty();
    }

    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public RunState getState() {
        return state.get();
    }

    /** The index of sample 0's first answer token: those before it are the thinking's (where the backend scores it). */
    public ReadOnlyIntegerProperty answerStartProperty() {
        return answer.answerStart.getReadOnlyProperty();
    }

    public int getAnswerStart() {
        return answer.answerStart.get();
    }

    /** The scored tokens of sample 0, reasoning tokens included where the backend scores them; grows in batches. */
    public ObservableList<ScoredToken> getTokens() {
        return readOnlyTokens;
    }

    /** What the backend could not do as asked, and how it adapted. */
    public ObservableList<String> getNotices() {
        return readOnlyNotices;
    }

    public ReadOnlyStringProperty textProperty() {
        return answer.text.getReadOnlyProperty();
    }

    public String getText() {
        return answer.text.get();
    }

    public ReadOnlyStringProperty reasoningProperty() {
        return answer.reasoning.getReadOnlyProperty();
    }

    public String getReasoning() {
        return answer.reasoning.get();
    }

    /** The title of the folded thinking: "Thinking", then its tokens and time once the run ended. */
    public ReadOnlyStringProperty thinkingTitleProperty() {
        return answer.thinkingTitle.getReadOnlyProperty();
    }

    /** The failure's one-line message; empty unless FAILED. */
    public ReadOnlyStringProperty failureProperty() {
        return answer.failure.getReadOnlyProperty();
    }

    /** Timings, token counts and the finish reason, once the run ended. */
    public ReadOnlyStringProperty statisticsProperty() {
        return answer.statistics.getReadOnlyProperty();
    }

    /** Why sample 0 of the run ended, once it did; null before, and for a finished completion shown. */
    public @Nullable FinishReason getFinishReason() {
        return answer.finishReason;
    }

    /** The tokens the run's backend counted, once reported; null before, and for a finished completion shown. */
    public @Nullable Usage getUsage() {
        return answer.usage;
    }

    /** How long the run took, once it ended; null before, and for a finished completion shown. */
    public @Nullable Timings getTimings() {
        return answer.timings;
    }

    /** The extracted answer and its verdict, once the run ended; null before. */
    public ReadOnlyObjectProperty<@Nullable Grade> gradeProperty() {
        return answer.grade.getReadOnlyProperty();
    }

    public @Nullable Grade getGrade() {
        return answer.grade.get();
    }

    /** The finished completion shown in place of a run, or null while a run is shown. */
    public ReadOnlyObjectProperty<@Nullable FinishedCompletion> finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    public @Nullable FinishedCompletion getFinished() {
        return finished.get();
    }

    /** What the answer shown is of: where it came from, and the request as sent. */
    public OutputSource getSource() {
        return source;
    }

    public @Nullable String getExpected() {
        return expected.get();
    }

    /** How the shown answer is compared with others: the run's format or the finished completion's; null when idle. */
    public @Nullable AnswerFormat getAnswerFormat() {
        RunSpec run = spec.get();
        return run != null ? run.answerFormat() : shownFormat;
    }

    /** The run being shown, or null before the first. */
    public ReadOnlyObjectProperty<@Nullable RunSpec> specProperty() {
        return spec.getReadOnlyProperty();
    }

    public @Nullable RunSpec getSpec() {
        return spec.get();
    }
}
