// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.clusters;

import dev.rationale.app.theme.Theme;
import dev.rationale.core.analysis.ClusteredChains;
import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.provider.ScoredToken;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Prints how long the aligned view of 40 samples x 30 steps takes: clustering and aligning them (off the FX
 * thread), drawing the grid (building the cells in sight, CSS and layout, on the FX thread) and scrolling it. The
 * issue's bar is 200 ms for the drawing; the figures are medians of several rounds, also as a ratio to that bar.
 * Not a test: it asserts nothing. Run it with {@code bench/aligned.sh} (headless, Monocle).
 */
public final class AlignedChainsBench {

    private static final int SAMPLES = 40;
    private static final int STEPS = 30;
    private static final int ROUNDS = 7;
    private static final double BAR_MILLIS = 200;
    private static final int SCROLLS = 20;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private AlignedChainsBench() {
    }

    public static void main(String[] args) throws Exception {
        int status = 0;
        try {
            run();
        } catch (Throwable e) {
            System.err.println("Aligned chains bench failed: " + e);
            e.printStackTrace();
            status = 1;
        }
        Platform.exit();
        System.exit(status);
    }

    private static void run() throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        List<ClusteredChains.Sample> samples = samples(new Random(15));
        double[] compute = new double[ROUNDS];
        double[] computeCpu = new double[ROUNDS];
        ClusteredChains result = null;
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            long cpu = CPU.getCurrentThreadCpuTime();
            result = ClusteredChains.of(samples, AnswerFormat.DEFAULT, "42");
            computeCpu[i] = (CPU.getCurrentThreadCpuTime() - cpu) / 1e6;
            compute[i] = (System.nanoTime() - start) / 1e6;
        }
        ClusteredChains shown = result;
        ClustersViewModel viewModel = new ClustersViewModel(Runnable::run, Runnable::run);
        AlignedChainsView view = onFx(() -> {
            AlignedChainsView made = new AlignedChainsView(viewModel);
            Stage stage = new Stage();
            Scene scene = new Scene(made, 1200, 800);
            scene.getStylesheets().add(Theme.LIGHT.getStylesheetUrl());
            stage.setScene(scene);
            stage.show();
            return made;
        });
        double[] draw = new double[ROUNDS];
        double[] drawCpu = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            int round = i;
            draw[i] = onFx(() -> {
                long start = System.nanoTime();
                long cpu = CPU.getCurrentThreadCpuTime();
                view.draw(shown);
                view.getScene().getRoot().applyCss();
                view.getScene().getRoot().layout();
                drawCpu[round] = (CPU.getCurrentThreadCpuTime() - cpu) / 1e6;
                return (System.nanoTime() - start) / 1e6;
            });
        }
        // Scrolling across remakes the cells in sight each time; the slowest of a sweep is what a user feels.
        double slowestScroll = 0;
        for (int i = 1; i <= SCROLLS; i++) {
            double position = (double) i / SCROLLS;
            slowestScroll = Math.max(slowestScroll, onFx(() -> {
                long start = System.nanoTime();
                view.setHvalue(position);
                view.setVvalue(position);
                view.getScene().getRoot().applyCss();
                view.getScene().getRoot().layout();
                return (System.nanoTime() - start) / 1e6;
            }));
        }
        System.out.printf(Locale.ROOT, "%d samples x %d steps: %d aligned columns, chains part at column %d%n",
                SAMPLES, STEPS, shown.aligned().columns(), shown.aligned().parting() + 1);
        // CPU time too: on a machine shared with other work the wall clock measures the others as well.
        System.out.printf(Locale.ROOT, "cluster and align (background): median %.0f ms wall, %.0f ms CPU%n",
                median(compute), median(computeCpu));
        System.out.printf(Locale.ROOT, "draw (FX thread, cells + CSS + layout): median %.0f ms wall, %.0f ms CPU;"
                + " CPU %.2f of the %.0f ms bar (cluster, align and draw: %.2f)%n", median(draw), median(drawCpu),
                median(drawCpu) / BAR_MILLIS, BAR_MILLIS, (median(drawCpu) + median(computeCpu)) / BAR_MILLIS);
        System.out.printf(Locale.ROOT, "scroll (FX thread, %d steps corner to corner): slowest %.0f ms%n", SCROLLS,
                slowestScroll);
    }

    /**
     * Forty chains of thirty steps: five opening steps all share, then four routes (a tenth of the samples part
     * from their route's wording), each step a sentence of ten to twenty words with scored tokens.
     */
    static List<ClusteredChains.Sample> samples(Random random) {
        String[] words = {"the", "boxes", "hold", "seven", "pens", "each", "so", "we", "add", "three", "more",
            "then", "multiply", "by", "six", "which", "gives", "total", "count", "left"};
        List<ClusteredChains.Sample> samples = new ArrayList<>();
        for (int s = 0; s < SAMPLES; s++) {
            int route = s % 4;
            StringBuilder text = new StringBuilder();
            List<ScoredToken> tokens = new ArrayList<>();
            for (int step = 0; step < STEPS; step++) {
                Random wording = new Random(step < 5 ? step : step * 31L + route + (s % 10 == 9 ? 1000 + s : 0));
                int length = 10 + wording.nextInt(11);
                for (int w = 0; w < length; w++) {
                    String word = (w == 0 ? "" : " ") + words[wording.nextInt(words.length)];
                    text.append(word);
                    tokens.add(new ScoredToken(word, List.of(), Math.log(0.3 + 0.7 * random.nextDouble()),
                            List.of()));
                }
                text.append(".\n");
                tokens.add(new ScoredToken(".\n", List.of(), -0.01, List.of()));
            }
            String answer = String.valueOf(40 + route);
            String ending = "So the answer is " + answer + ".";
            text.append(ending);
            tokens.add(new ScoredToken(ending, List.of(), -0.05, List.of()));
            samples.add(new ClusteredChains.Sample("", text.toString(), tokens, answer));
        }
        return samples;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static <T> T onFx(Supplier<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(120, TimeUnit.SECONDS);
    }
}
