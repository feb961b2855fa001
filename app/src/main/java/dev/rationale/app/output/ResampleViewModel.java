// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.output;

import dev.rationale.core.analysis.ReasoningChain;
import dev.rationale.core.analysis.ResampleTally;
import dev.rationale.core.provider.Cancellable;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.TokenIds;
import dev.rationale.core.run.ResamplePoint;
import dev.rationale.core.run.Resampler;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * "Resample ×K" on an Output answer: continues it K times from a token or a reasoning step, or from the start of
 * every step, and holds what the continuations answered beside the original answer (see {@link Resampler}). The
 * work runs off the FX thread; results arrive through the FX executor. A new run in the Output it belongs to
 * cancels and clears it. Touch it on the FX thread only.
 */
public final class ResampleViewModel {

    /** The most continuations per point the spinner offers. */
    public static final int MAX_SAMPLES = 100;

    /** One point and what its continuations answered. */
    public record Row(ResamplePoint point, ResampleTally tally) {
    }

    private final OutputViewModel output;
    private final Executor fx;
    private final IntegerProperty samples = new SimpleIntegerProperty(this, "samples", 10);
    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(this, "state", RunState.IDLE);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper perStep = new ReadOnlyBooleanWrapper(this, "perStep", false);
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private @Nullable Cancellable running;
    private int generation;

    /** @param fx the FX thread's executor ({@code Platform::runLater}; {@code Runnable::run} in tests) */
    ResampleViewModel(OutputViewModel output, Executor fx) {
        this.output = output;
        this.fx = fx;
        output.stateProperty().addListener((obs, old, now) -> {
            if (now.isRunning()) {
                clear();
            }
        });
        output.finishedProperty().addListener((obs, old, now) -> clear());
    }

    /** Whether the answer shown can be resampled now: a run started here (a backend attached) that has ended. */
    public boolean available() {
        return output.getSpec() != null && !output.getState().isRunning() && output.getState() != RunState.IDLE
                && !state.get().isRunning();
    }

    /** Continues the answer K times from before token {@code index}. */
    public void resampleAtToken(int index) {
        List<TokenIds> ids = output.getBranches().tokenIds();
        start(List.of(ResamplePoint.atToken(output.getTokens(), index, ids.isEmpty() ? null : ids)), false);
    }

    /** Continues the answer K times from the start of reasoning step {@code index} (0 for the first). */
    public void resampleAtStep(int index) {
        String label = "step " + (index + 1);
        List<ResamplePoint> points = stepPoints().stream().filter(p -> p.label().equals(label)).toList();
        if (points.isEmpty()) {
            fail("Step " + (index + 1) + " is not in the answer text, so it cannot be continued from.");
            return;
        }
        start(points, false);
    }

    /** Continues the answer K times from the start of every reasoning step: which step decided the answer. */
    public void resamplePerStep() {
        List<ResamplePoint> points = stepPoints();
        if (points.isEmpty()) {
            fail("This answer has no reasoning steps before its answer to continue from.");
            return;
        }
        start(points, true);
    }

    /** Stops the continuations; what is tallied stays. */
    public void cancel() {
        Cancellable handle = running;
        if (handle != null) {
            handle.cancel();
        }
    }

    private List<ResamplePoint> stepPoints() {
        var format = output.getAnswerFormat();
        if (format == null) {
            return List.of();
        }
        ReasoningChain chain = ShownSteps.of(format, output.getReasoning(), output.getText(), output.getTokens())
                .chain();
        List<TokenIds> ids = output.getBranches().tokenIds();
        return ResamplePoint.stepStarts(chain, output.getText(), output.getTokens(), ids.isEmpty() ? null : ids);
    }

    private void start(List<ResamplePoint> points, boolean eachStep) {
        RunSpec spec = output.getSpec();
        if (spec == null || !available()) {
            fail("Only an answer run here, once it has ended, can be resampled (a finished completion has no backend"
                    + " attached).");
            return;
        }
        cancel();
        int thisJob = ++generation;
        int k = Math.clamp(samples.get(), 1, MAX_SAMPLES);
        rows.clear();
        message.set("");
        progress.set(0);
        perStep.set(eachStep);
        Resampler resampler = new Resampler(spec.provider(), spec.request(), null, spec.answerFormat(),
                output.getText());
        heading.set((eachStep ? "Every step" : "From " + points.getFirst().label()) + " ×" + k + " at temperature "
                + String.format(Locale.ROOT, "%.2f", resampler.temperature()));
        state.set(RunState.RUNNING);
        running = resampler.start(points, k, new Resampler.Listener() {
            @Override
            public void progress(int done, int total) {
                fx.execute(() -> {
                    if (thisJob == generation) {
                        progress.set((double) done / total);
                    }
                });
            }

            @Override
            public void tallied(int index, ResamplePoint point, ResampleTally tally) {
                fx.execute(() -> {
                    if (thisJob == generation) {
                        rows.add(new Row(point, tally));
                    }
                });
            }

            @Override
            public void ended(@Nullable ProviderException failure, boolean cancelled, List<String> notices) {
                fx.execute(() -> end(thisJob, failure, cancelled, notices));
            }
        });
    }

    private void end(int job, @Nullable ProviderException failure, boolean cancelled, List<String> notices) {
        if (job != generation) {
            return;
        }
        running = null;
        if (failure != null) {
            message.set(failure.getMessage());
            state.set(RunState.FAILED);
        } else {
            message.set(cancelled ? "Cancelled; " + rows.size() + " point(s) tallied." : String.join(" ", notices));
            state.set(cancelled ? RunState.CANCELLED : RunState.COMPLETED);
        }
    }

    private void fail(String why) {
        rows.clear();
        heading.set("");
        message.set(why);
        state.set(RunState.FAILED);
    }

    private void clear() {
        cancel();
        ++generation;
        running = null;
        rows.clear();
        heading.set("");
        message.set("");
        progress.set(0);
        perStep.set(false);
        state.set(RunState.IDLE);
    }

    /** Continuations per point, K (default 10). */
    public IntegerProperty samplesProperty() {
        return samples;
    }

    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public RunState getState() {
        return state.get();
    }

    /** The share of continuations ended, 0..1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What is resampled, e.g. "From token 5 ×10 at temperature 1.00"; empty when nothing is. */
    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    /** Why it failed or what the backend noted; empty otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether the rows are every step of the chain (the sensitivity chart) rather than one point. */
    public ReadOnlyBooleanProperty perStepProperty() {
        return perStep.getReadOnlyProperty();
    }

    /** The points tallied so far, in order. */
    public ObservableList<Row> getRows() {
        return readOnlyRows;
    }

    /** The original answer as extracted, or null when it has none or nothing ended yet. */
    public @Nullable String getOriginal() {
        var grade = output.getGrade();
        return grade == null ? null : grade.extracted();
    }
}
