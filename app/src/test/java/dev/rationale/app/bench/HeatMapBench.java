// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.bench;

import dev.rationale.app.fx.SceneSnapshot;
import dev.rationale.app.output.OutputView;
import dev.rationale.app.output.OutputViewModel;
import dev.rationale.app.output.RunSpec;
import dev.rationale.app.output.RunState;
import dev.rationale.app.output.Subjects;
import dev.rationale.app.theme.Theme;
import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.provider.Cancellable;
import dev.rationale.core.provider.Capabilities;
import dev.rationale.core.provider.CompletionEvent;
import dev.rationale.core.provider.CompletionListener;
import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.ModelInfo;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.render.RenderedPrompt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.jspecify.annotations.Nullable;

/**
 * Prints how fast Output's heat map shows scored tokens: 10,000 and 100,000 tokens arriving at once, and the goal
 * of issue 16, a reasoning model streaming at 2,000 tokens a second with its slowest frame within
 * {@link #GOAL_MILLIS}. The tokens go the way the app's go: a provider thread emits events one token at a time,
 * the Output view model batches them onto the FX thread, and a whole Output view (heat map, folded thinking,
 * reasoning steps, answer bar) shows them. The stream runs {@link #STREAM_RUNS} times: the first on a cold JVM is
 * printed apart, and the goal is judged on the slowest frame of the later runs, as a user's second run in a
 * session would be. Not a test: figures vary by machine, so it reports, and asserts nothing. Run it with
 * {@code bench/heatmap.sh} (headless, Monocle); {@code HEAT_MAP_BENCH_SNAPSHOT=FILE} also saves a PNG of the window
 * half-way through the last stream, to look at. When a measurement cannot finish (an exception on any thread, a run
 * that ends short, or a wait past {@link #TIMEOUT_SECONDS}) it prints why and exits with status 1.
 */
public final class HeatMapBench {

    static final int STREAM_RATE = 2_000;
    private static final int THINKING_TOKENS = 4_000;
    private static final int ANSWER_TOKENS = 6_000;
    private static final int STREAM_RUNS = 3;
    private static final double GOAL_MILLIS = 33;
    private static final long TIMEOUT_SECONDS = 120;

    /** Where the Output view model clusters samples and analyses steps: the app's is a virtual-thread executor. */
    private static final ExecutorService BACKGROUND = Executors.newVirtualThreadPerTaskExecutor();

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
        double warmSlowest = 0;
        double warmWork = 0;
        for (int run = 1; run <= STREAM_RUNS; run++) {
            FrameTimes frames = measureStream(run);
            if (run > 1) {
                warmSlowest = Math.max(warmSlowest, frames.millis(1));
                warmWork = Math.max(warmWork, frames.workMillis(1));
            }
        }
        // HEAT_MAP_BENCH_STREAMS_ONLY=1 leaves out the answers at once, e.g. to profile the streams alone.
        boolean streamsOnly = System.getenv("HEAT_MAP_BENCH_STREAMS_ONLY") != null;
        for (int count : streamsOnly ? new int[0] : new int[] {10_000, 100_000}) {
            measureAtOnce(count);
        }
        OperatingSystemMXBean machine = ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(Locale.ROOT, "machine: %d processors, load average %.1f (other processes' load lengthens "
                + "frames; the FX thread's processor time does not)%n", machine.getAvailableProcessors(),
                machine.getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "goal (issue 16): streaming %,d tokens/s, slowest frame <= %.0f ms; "
                + "slowest of runs 2..%d: %.1f ms (FX thread's processor time: at most %.1f ms a frame): %s%n",
                STREAM_RATE, GOAL_MILLIS, STREAM_RUNS, warmSlowest, warmWork,
                warmSlowest <= GOAL_MILLIS ? "met" : "NOT MET");
    }

    private static void measureAtOnce(int count) throws Exception {
        Fixture fixture = Fixture.create();
        List<CompletionEvent> events = new ArrayList<>();
        List<ScoredToken> tokens = new ArrayList<>();
        for (CompletionEvent event : new ReasoningStream(count).events(0, count)) {
            if (event instanceof CompletionEvent.TokensScored scored) {
                tokens.addAll(scored.tokens());
            } else if (!(event instanceof CompletionEvent.TextDelta)) {
                events.add(event);
            }
        }
        StringBuilder text = new StringBuilder();
        tokens.forEach(token -> text.append(token.text()));
        events.addAll(0, List.of(new CompletionEvent.TextDelta(0, text.toString()),
                new CompletionEvent.TokensScored(0, tokens)));
        fixture.provider.events = events;
        fixture.provider.paced = false;
        long start = System.nanoTime();
        Platform.runLater(() -> fixture.output.start(fixture.spec()));
        fixture.awaitShown(count);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%,d tokens at once: shown in %.2f s (%,.0f tokens/s)%n", count, seconds,
                count / seconds);
        fixture.close();
    }

    /** Streams a reasoning model's answer into Output; prints and returns its frames. */
    private static FrameTimes measureStream(int run) throws Exception {
        Fixture fixture = Fixture.create();
        fixture.provider.events = new ReasoningStream(run).events(THINKING_TOKENS, ANSWER_TOKENS);
        fixture.provider.paced = true;
        FrameTimes frames = new FrameTimes();
        int[] batches = new int[1];
        onFx(() -> {
            frames.start();
            return null;
        }, "the frame clock to start");
        // The window's first frames (its first CSS pass and layout) are the window's, not the stream's.
        fixture.awaitFrames(frames, 10);
        long start = System.nanoTime();
        onFx(() -> {
            frames.reset();
            fixture.output.start(fixture.spec());
            fixture.output.getTokens().addListener((ListChangeListener<ScoredToken>) change -> batches[0]++);
            return null;
        }, "the run to start");
        String snapshot = System.getenv("HEAT_MAP_BENCH_SNAPSHOT");
        if (snapshot != null && run == STREAM_RUNS) {
            fixture.snapshotMidStream(Path.of(snapshot));
        }
        fixture.awaitShown(ANSWER_TOKENS);
        double seconds = (System.nanoTime() - start) / 1e9;
        onFx(() -> {
            frames.stop();
            return null;
        }, "the frame clock to stop");
        int count = THINKING_TOKENS + ANSWER_TOKENS;
        System.out.printf(Locale.ROOT, "stream %d%s: %,d tokens (%,d thinking, %,d answer) at %,d tokens/s, shown "
                + "in %.2f s (ideal %.2f s), in %,d batches of tokens;%n    %s; %d frames over %.0f ms;%n    %s%n", run,
                run == 1 ? " (cold JVM)" : "", count, THINKING_TOKENS, ANSWER_TOKENS, STREAM_RATE, seconds,
                count / (double) STREAM_RATE, batches[0], frames.summary(), frames.slowerThan(GOAL_MILLIS),
                GOAL_MILLIS, frames.details());
        fixture.close();
        return frames;
    }

    /** A stage with an Output view of a view model, fed by a generator, as the Output tab shows it. */
    private record Fixture(Stage stage, OutputViewModel output, OutputView view, Generator provider) {

        static Fixture create() throws Exception {
            return onFx(() -> {
                OutputViewModel output = new OutputViewModel(Platform::runLater, BACKGROUND);
                OutputView view = new OutputView(output);
                Stage stage = new Stage();
                Scene scene = new Scene(view, 1200, 800);
                scene.getStylesheets().add(Theme.LIGHT.getStylesheetUrl());
                stage.setScene(scene);
                stage.show();
                return new Fixture(stage, output, view, new Generator());
            }, "the Output view's stage");
        }

        RunSpec spec() {
            return new RunSpec(provider, CompletionRequest.of("bench", new RenderedPrompt.Text("")).withLogprobs(5),
                    AnswerFormat.DEFAULT, null, "bench", Subjects.of("bench"));
        }

        void awaitFrames(FrameTimes frames, int count) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            while (onFx(frames::frames, "the frame count") < count) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("no " + count + " frames after " + TIMEOUT_SECONDS + " s");
                }
                TimeUnit.MILLISECONDS.sleep(5);
            }
        }

        /**
         * Saves what the window shows to {@code target} once half the answer is in the heat map; the stream goes
         * on meanwhile, and the snapshot costs a frame of its own.
         */
        void snapshotMidStream(Path target) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            while (onFx(() -> view.heatMap().tokenCount(), "the heat map's token count") < ANSWER_TOKENS / 2) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("no half answer to photograph after " + TIMEOUT_SECONDS + " s");
                }
                TimeUnit.MILLISECONDS.sleep(2);
            }
            onFx(() -> {
                try {
                    SceneSnapshot.save(stage.getScene(), target);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            }, "the snapshot");
            System.out.println("snapshot of the Output view mid-stream: " + target.toAbsolutePath());
        }

        /**
         * Waits until {@code count} answer tokens are in the heat map, the run has ended, its reasoning steps are
         * listed and one more frame has been laid out; fails when the run ends with fewer, or after
         * {@link #TIMEOUT_SECONDS}.
         */
        void awaitShown(int count) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            while (true) {
                Progress progress = onFx(() -> new Progress(view.heatMap().tokenCount(), output.getState(),
                        output.failureProperty().get()), "the heat map's token count");
                boolean ended = progress.state() != RunState.IDLE && !progress.state().isRunning();
                if (progress.shown() >= count && ended) {
                    break;
                }
                // A batch adds its tokens and ends the run in one go, so an ended run shows all it will.
                if (ended) {
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
            // The steps are shown a frame or two after the run ends (in a frame of their own): the frames until they
            // are count too.
            ListView<?> steps = (ListView<?>) stage.getScene().lookup("#output-steps");
            while (onFx(() -> steps.getItems().isEmpty(), "the reasoning steps")) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("no reasoning steps shown after " + TIMEOUT_SECONDS + " s");
                }
                TimeUnit.MILLISECONDS.sleep(2);
            }
            onFx(() -> {
                view.layout();
                return null;
            }, "the Output view's layout");
        }

        void close() throws Exception {
            onFx(() -> {
                stage.close();
                return null;
            }, "the stage to close");
        }
    }

    /** How far a run has got: answer tokens in the heat map, the run's state, and its failure if it failed. */
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

    /**
     * Emits prepared events from its own thread, as a provider does: all at once, or paced so that each scored
     * token (its text, then its score) comes when it is due at {@link #STREAM_RATE} tokens a second.
     */
    private static final class Generator implements CompletionProvider {
        List<CompletionEvent> events = List.of();
        boolean paced;

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
            int scored = 0;
            for (CompletionEvent event : events) {
                if (paced && (event instanceof CompletionEvent.TextDelta
                        || event instanceof CompletionEvent.ReasoningDelta)) {
                    long due = start + scored++ * 1_000_000_000L / STREAM_RATE;
                    // Parked, not spinning: a provider's thread waits on its socket and leaves the cores to the UI.
                    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                }
                listener.onEvent(event);
            }
        }

        @Override
        public List<ModelInfo> listModels() {
            return List.of();
        }
    }
}
