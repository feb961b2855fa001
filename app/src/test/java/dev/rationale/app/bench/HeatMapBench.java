// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.bench;

import dev.rationale.app.output.HeatLevels;
import dev.rationale.app.output.HeatMapView;
import dev.rationale.app.output.OutputViewModel;
import dev.rationale.app.output.RunSpec;
import dev.rationale.app.output.RunState;
import dev.rationale.app.output.Subjects;
import dev.rationale.app.output.TokenPopup;
import dev.rationale.app.theme.Theme;
import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.provider.Cancellable;
import dev.rationale.core.provider.Capabilities;
import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.provider.CompletionEvent;
import dev.rationale.core.provider.CompletionListener;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.ModelInfo;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.Timings;
import dev.rationale.core.provider.TokenAlternative;
import dev.rationale.core.render.RenderedPrompt;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.jspecify.annotations.Nullable;

/**
 * Prints how fast the heat map shows scored tokens: 10,000 and 100,000 tokens arriving at once, and a stream at
 * 2,000 tokens a second, with the slowest frame while it streams. Not a test: figures vary by machine, so it
 * reports, and asserts nothing. Run it with {@code bench/heatmap.sh} (headless, Monocle). When a measurement
 * cannot finish (an exception on any thread, a run that ends short, or a wait past {@link #TIMEOUT_SECONDS}) it
 * prints why and exits with status 1.
 */
public final class HeatMapBench {

    private static final int STREAM_RATE = 2_000;
    private static final int STREAM_SECONDS = 5;
    private static final long TIMEOUT_SECONDS = 120;

    /** The first exception thrown on any thread: JavaFX only prints those of its thread, and carries on. */
    private static final AtomicReference<@Nullable Throwable> FAILURE = new AtomicReference<>();

    private HeatMapBench() {
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            run();
        } catch (Throwable e) {
            System.out.flush();
            System.err.println("Heat map bench failed: " + e);
            e.printStackTrace();
            status = 1;
        }
        Platform.exit();
        System.exit(status);
    }

    private static void run() throws Exception {
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            FAILURE.compareAndSet(null, e);
            System.err.println("Exception in thread \"" + thread.getName() + "\":");
            e.printStackTrace();
        });
        // Each measurement closes its stage; closing the last one must not shut JavaFX down before the next, which
        // would drop every later runLater without a word.
        Platform.setImplicitExit(false);
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        await(started, "JavaFX to start");
        for (int count : new int[] {10_000, 100_000}) {
            measureAtOnce(count);
        }
        measureStream();
    }

    private static void measureAtOnce(int count) throws Exception {
        Fixture fixture = Fixture.create();
        List<ScoredToken> tokens = tokens(count);
        long start = System.nanoTime();
        fixture.provider.burst = tokens;
        Platform.runLater(() -> fixture.output.start(fixture.spec()));
        fixture.awaitShown(count);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%,d tokens at once: shown in %.2f s (%,.0f tokens/s)%n", count, seconds,
                count / seconds);
        fixture.close();
    }

    private static void measureStream() throws Exception {
        Fixture fixture = Fixture.create();
        int count = STREAM_RATE * STREAM_SECONDS;
        fixture.provider.stream = tokens(count);
        AtomicLong slowestFrame = new AtomicLong();
        AnimationTimer frames = new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                if (last != 0) {
                    slowestFrame.accumulateAndGet(now - last, Math::max);
                }
                last = now;
            }
        };
        Platform.runLater(frames::start);
        long start = System.nanoTime();
        Platform.runLater(() -> fixture.output.start(fixture.spec()));
        fixture.awaitShown(count);
        double seconds = (System.nanoTime() - start) / 1e9;
        Platform.runLater(frames::stop);
        System.out.printf(Locale.ROOT, "stream of %,d tokens at %,d tokens/s: shown in %.2f s (ideal %d s, ratio "
                + "%.2f); slowest frame %.0f ms%n", count, STREAM_RATE, seconds, STREAM_SECONDS,
                seconds / STREAM_SECONDS, slowestFrame.get() / 1e6);
        fixture.close();
    }

    /** Tokens like a real answer's: short words, a line break now and then, five alternatives each. */
    static List<ScoredToken> tokens(int count) {
        List<ScoredToken> tokens = new ArrayList<>(count);
        String[] words = {" the", " answer", " is", " 42", ".", " so", " we", " add", " 3", "\n"};
        for (int i = 0; i < count; i++) {
            double logprob = -((i * 7919L) % 1000) / 250.0;
            List<TokenAlternative> top = List.of(new TokenAlternative(words[i % words.length], logprob),
                    new TokenAlternative(" a", logprob - 1), new TokenAlternative(" b", logprob - 2),
                    new TokenAlternative(" c", logprob - 3), new TokenAlternative(" d", logprob - 4));
            tokens.add(new ScoredToken(words[i % words.length], List.of(), logprob, top));
        }
        return tokens;
    }

    /** A stage with a heat map on an output view model, fed by a generator. */
    private record Fixture(Stage stage, OutputViewModel output, HeatMapView view, Generator provider) {

        static Fixture create() throws Exception {
            return onFx(() -> {
                OutputViewModel output = new OutputViewModel(Platform::runLater, Runnable::run);
                ToIntFunction<ScoredToken> levels = token -> (int) Math.min(HeatLevels.COUNT - 1,
                        (1 - token.probability()) * HeatLevels.COUNT);
                HeatMapView view = new HeatMapView(output, new SimpleObjectProperty<>(levels), new TokenPopup());
                Stage stage = new Stage();
                Scene scene = new Scene(view, 1200, 800);
                scene.getStylesheets().add(Theme.LIGHT.getStylesheetUrl());
                stage.setScene(scene);
                stage.show();
                return new Fixture(stage, output, view, new Generator());
            }, "the heat map's stage");
        }

        RunSpec spec() {
            return new RunSpec(provider, CompletionRequest.of("bench", new RenderedPrompt.Text("")).withLogprobs(5),
                    AnswerFormat.DEFAULT, null, "bench", Subjects.of("bench"));
        }

        /**
         * Waits until {@code count} tokens are in the heat map and one more frame has been laid out; fails when the
         * run ends with fewer, or after {@link #TIMEOUT_SECONDS}.
         */
        void awaitShown(int count) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            while (true) {
                Progress progress = onFx(() -> new Progress(view.tokenCount(), output.getState(),
                        output.failureProperty().get()), "the heat map's token count");
                if (progress.shown() >= count) {
                    break;
                }
                // A batch adds its tokens and ends the run in one go, so an ended run shows all it will.
                if (progress.state() != RunState.IDLE && !progress.state().isRunning()) {
                    throw new IllegalStateException(String.format(Locale.ROOT,
                            "the run ended %s%s with %,d of %,d tokens in the heat map", progress.state(),
                            progress.failure().isEmpty() ? "" : " (" + progress.failure() + ")", progress.shown(),
                            count));
                }
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException(String.format(Locale.ROOT,
                            "after %d s the heat map shows %,d of %,d tokens", TIMEOUT_SECONDS, progress.shown(),
                            count));
                }
                TimeUnit.MILLISECONDS.sleep(2);
            }
            onFx(() -> {
                view.layout();
                return null;
            }, "the heat map's layout");
        }

        void close() throws Exception {
            onFx(() -> {
                stage.close();
                return null;
            }, "the stage to close");
        }
    }

    /** How far a run has got: tokens in the heat map, the run's state, and its failure if it failed. */
    private record Progress(int shown, RunState state, String failure) {
    }

    /** Runs {@code task} on the FX thread and returns its result; fails as {@link #await} does. */
    private static <T> T onFx(Supplier<T> task, String what) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                result.set(task.get());
            } finally {
                done.countDown();
            }
        });
        await(done, what);
        return result.get();
    }

    /**
     * Waits for {@code latch}; fails, naming {@code what}, after {@link #TIMEOUT_SECONDS} or as soon as any thread
     * has thrown.
     */
    private static void await(CountDownLatch latch, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!latch.await(100, TimeUnit.MILLISECONDS)) {
            checkNoFailure();
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("gave up after " + TIMEOUT_SECONDS + " s waiting for " + what);
            }
        }
        checkNoFailure();
    }

    private static void checkNoFailure() {
        Throwable failure = FAILURE.get();
        if (failure != null) {
            throw new IllegalStateException("an exception was thrown on another thread", failure);
        }
    }

    /** Emits prepared tokens: all at once, or paced at {@link #STREAM_RATE} tokens a second. */
    private static final class Generator implements CompletionProvider {
        List<ScoredToken> burst = List.of();
        List<ScoredToken> stream = List.of();

        @Override
        public ProviderKind kind() {
            return ProviderKind.EMBEDDED;
        }

        @Override
        public Capabilities capabilities() {
            return Capabilities.builder().chat().rawText().maxTopLogprobs(5).build();
        }

        @Override
        public Cancellable stream(CompletionRequest request, CompletionListener listener) {
            Thread thread = Thread.ofPlatform().daemon().start(() -> emit(listener));
            return thread::interrupt;
        }

        private void emit(CompletionListener listener) {
            long start = System.nanoTime();
            if (!burst.isEmpty()) {
                listener.onEvent(new CompletionEvent.TokensScored(0, burst));
            }
            for (int i = 0; i < stream.size(); i++) {
                long due = start + i * 1_000_000_000L / STREAM_RATE;
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                }
                listener.onEvent(new CompletionEvent.TextDelta(0, stream.get(i).text()));
                listener.onEvent(new CompletionEvent.TokensScored(0, List.of(stream.get(i))));
            }
            listener.onEvent(new CompletionEvent.SampleFinished(0, FinishReason.STOP));
            listener.onEvent(new CompletionEvent.Completed(new Timings(null, 0)));
        }

        @Override
        public List<ModelInfo> listModels() {
            return List.of();
        }
    }
}
