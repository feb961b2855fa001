// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.tour;

import dev.rationale.app.AppContext;
import dev.rationale.app.TestContexts;
import dev.rationale.app.clusters.ClusterPane;
import dev.rationale.app.clusters.ClustersViewModel;
import dev.rationale.app.clusters.FiveSamples;
import dev.rationale.app.compare.CannedCompletions;
import dev.rationale.app.evaluate.CodeExecutionConfirmation;
import dev.rationale.app.fx.ScriptedDialogs;
import dev.rationale.app.output.HeatMapView;
import dev.rationale.app.output.OutputView;
import dev.rationale.app.run.ThinkingChoice;
import dev.rationale.app.shell.MainWindow;
import dev.rationale.app.theme.ThemeViewModel;
import dev.rationale.app.shell.CentreTab;
import dev.rationale.app.shell.MainWindowViewModel;
import dev.rationale.app.theme.Theme;
import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.grading.code.CodeExecutionConsent;
import dev.rationale.core.provider.ModelSize;
import dev.rationale.core.provider.ProviderKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * Walks through the app as a user would and photographs each screen: the arithmetic sample in Compose, a run on
 * the embedded model in Output with a token's popup open, Compare with two variants and a branch, an evaluation, its
 * history, its rerun compared with it, in the light and the dark theme. Not a test: run it under Xvfb with
 * {@code bench/screenshots.sh OUT_DIR}; it takes whole-screen pictures with ImageMagick's {@code import}, so popups
 * are in them.
 */
public final class ScreenshotTour {

    private static final AtomicReference<Stage> STAGE = new AtomicReference<>();

    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        walk(args, ScreenshotTour::tour);
    }

    /** A walk through some screens, photographing them into a folder. */
    @FunctionalInterface
    interface Walk {
        void photograph(Path out) throws Exception;
    }

    /** Starts the toolkit, takes {@code walk} into the folder {@code args[0]}, then ends the process. */
    static void walk(String[] args, Walk walk) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "screenshots");
        Files.createDirectories(out);
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(() -> {
            STAGE.set(new Stage());
            started.countDown();
        });
        started.await(30, TimeUnit.SECONDS);
        try {
            walk.photograph(out);
        } finally {
            Platform.exit();
        }
        System.exit(0);
    }

    /** The window the walks show the app in. */
    static Stage stage() {
        return STAGE.get();
    }

    private static void tour(Path out) throws Exception {
        Path dir = Files.createTempDirectory("tour");
        AppContext context = TestContexts.in(dir, TestContexts.sharedModels().toAbsolutePath());
        ThemeViewModel look = new ThemeViewModel();
        // A copy, because an evaluation writes its results and history beside the prompt set.
        Path samples = Files.createDirectories(dir.resolve("sample-prompts"));
        try (var files = Files.list(Path.of("../sample-prompts"))) {
            for (Path file : files.toList()) {
                Files.copy(file, samples.resolve(file.getFileName()));
            }
        }
        MainWindowViewModel workbench = onFx(() -> context.mainWindowViewModel(new ScriptedDialogs(), samples));
        MainWindow window = onFx(() -> {
            MainWindow w = new MainWindow(look, workbench, context, Platform::exit);
            Stage stage = STAGE.get();
            stage.setX(0);
            stage.setY(0);
            w.showIn(stage);
            workbench.getRunSettings().reloadEndpoints();
            return w;
        });
        onFx(workbench.getSession()::start).get(30, TimeUnit.SECONDS);
        waitFor("the sample set", () -> workbench.getCompose().hasTaskProperty().get());
        waitFor("the embedded model", () -> workbench.getRunSettings().getModels().stream()
                .anyMatch(m -> m.contains("stories260K")));
        onFx(() -> {
            // The tiny model's context holds 512 tokens: the zero-shot variants fit, the few-shot ones do not.
            workbench.getCompose().selectVariant("zero-shot-cot");
            workbench.getRunSettings().maxTokensProperty().set(80);
            workbench.getRunSettings().temperatureProperty().set(0.0);
            return null;
        });
        pause(1500);
        shoot(out.resolve("1-compose.png"));

        onFx(() -> {
            workbench.getRuns().runOutput();
            return null;
        });
        waitFor("the run to end", () -> !workbench.getOutput().getState().isRunning()
                && workbench.getOutput().getState() != dev.rationale.app.output.RunState.IDLE);
        System.out.println("run: " + workbench.getOutput().getState() + " " + workbench.getOutput().getTokens().size()
                + " tokens " + workbench.getOutput().failureProperty().get());
        pause(800);
        onFx(() -> {
            OutputView output = (OutputView) lookupOutput(window);
            HeatMapView heat = output.heatMap();
            heat.showPopup(hottest(workbench));
            return null;
        });
        pause(800);
        shoot(out.resolve("2-output.png"));

        int branchAt = onFx(() -> hottest(workbench));
        onFx(() -> {
            Endpoint endpoint = workbench.getRunSettings().endpointProperty().get();
            String model = workbench.getRunSettings().modelProperty().get();
            workbench.getCompare().addColumn("zero-shot", endpoint, model);
            workbench.getCompare().addColumn("zero-shot-cot", endpoint, model);
            workbench.getRuns().runCompare();
            return null;
        });
        waitFor("the compare columns", () -> workbench.getCompare().getColumns().stream()
                .noneMatch(c -> c.output().getState().isRunning() || c.output().getTokens().isEmpty()));
        onFx(() -> {
            workbench.getRuns().branch(branchAt, 1);
            return null;
        });
        waitFor("the branch", () -> workbench.getCompare().getColumns().size() == 3 && workbench.getCompare()
                .getColumns().stream().noneMatch(c -> c.output().getState().isRunning()));
        pause(800);
        shoot(out.resolve("3-compare.png"));
        onFx(() -> {
            workbench.selectedTabProperty().set(CentreTab.EVALUATE);
            var task = workbench.getCompose().currentTask();
            workbench.getEvaluate().limitProperty().set(6);
            workbench.getEvaluate().start(workbench.getRuns().evaluateSetup(List.of(
                    task.variant("zero-shot").orElseThrow(),
                    task.variant("zero-shot-cot").orElseThrow())), false);
            return null;
        });
        waitFor("the evaluation", () -> !workbench.getEvaluate().runningProperty().get());
        System.out.println("evaluation: " + onFx(() -> workbench.getEvaluate().progressTextProperty().get() + " / "
                + workbench.getEvaluate().messageProperty().get()));
        pause(800);
        shoot(out.resolve("7-evaluate.png"));
        // The embedded model's weights are counted once it is loaded, so its size is measured, not read off its name.
        waitFor("the model sizes", () -> workbench.getEvaluate().getModels().stream()
                .anyMatch(m -> m.size() != null && m.size().source() == ModelSize.Source.MEASURED));
        onFx(() -> {
            TabPane charts = (TabPane) window.lookup("#evaluate-charts");
            charts.getTabs().stream().filter(t -> t.getText().equals("By model")).findFirst()
                    .ifPresent(t -> charts.getSelectionModel().select(t));
            return null;
        });
        pause(800);
        shoot(out.resolve("7b-evaluate-by-model.png"));
        openedCases(out, workbench, window);
        onFx(() -> {
            workbench.selectedTabProperty().set(CentreTab.HISTORY);
            return null;
        });
        waitFor("the history", () -> !workbench.getHistory().getRuns().isEmpty());
        onFx(() -> {
            workbench.getHistory().select(List.of(workbench.getHistory().getRuns().getFirst()));
            return null;
        });
        waitFor("the completions", () -> !workbench.getHistory().getCompletions().isEmpty());
        onFx(() -> {
            ((TableView<?>) window.lookup("#history-completions")).getSelectionModel().select(1);
            return null;
        });
        waitFor("the completion", () -> workbench.getHistory().completionProperty().get() != null);
        pause(800);
        shoot(out.resolve("8-history.png"));
        // Rerun the evaluation from History, then compare the two runs.
        int runsBefore = onFx(() -> workbench.getHistory().getRuns().size());
        onFx(() -> {
            workbench.getHistory().rerunSelected();
            return null;
        });
        waitFor("the rerun to start", () -> workbench.selectedTabProperty().get() == CentreTab.EVALUATE
                && workbench.getEvaluate().runningProperty().get());
        waitFor("the rerun", () -> !workbench.getEvaluate().runningProperty().get());
        onFx(() -> {
            workbench.selectedTabProperty().set(CentreTab.HISTORY);
            workbench.getHistory().refresh();
            return null;
        });
        waitFor("the rerun in the list", () -> workbench.getHistory().getRuns().size() == runsBefore + 1);
        onFx(() -> {
            ((TableView<?>) window.lookup("#history-runs")).getSelectionModel().selectIndices(0, 1);
            workbench.getHistory().compareSelected();
            return null;
        });
        // Opening the tab lists the runs again too; the two picked stay picked and compared.
        waitFor("the comparison", () -> workbench.getHistory().comparisonProperty().get() != null);
        pause(800);
        shoot(out.resolve("9-history-compare.png"));
        onFx(() -> {
            workbench.selectedTabProperty().set(CentreTab.COMPARE);
            look.setTheme(Theme.DARK);
            return null;
        });
        settle();
        shoot(out.resolve("4-compare-dark.png"));
        onFx(() -> {
            workbench.selectedTabProperty().set(CentreTab.OUTPUT);
            return null;
        });
        pause(800);
        shoot(out.resolve("5-output-dark.png"));
        onFx(() -> {
            workbench.selectedTabProperty().set(CentreTab.COMPOSE);
            return null;
        });
        pause(800);
        shoot(out.resolve("6-compose-dark.png"));
        Endpoint embedded = workbench.getRunSettings().endpointProperty().get();
        evaluateMultipleChoice(workbench, look, samples, out);
        evaluateCode(workbench, samples, out);
        resampled(out, workbench);
        clustered(out, workbench, window);
        adaptedForChat(workbench, window, context, samples, out);
        thinkingOutput(workbench, window, context, out);
        evaluateTranslation(workbench, window, embedded, samples, out);
        Endpoint endpoint = workbench.getRunSettings().endpointProperty().get();
        System.out.println("Screens of " + (endpoint == null ? "?" : endpoint.name()) + " saved in "
                + out.toAbsolutePath());
        context.close();
    }

    // Resample ×10 from the least sure token, then from every step: the bars beside the answer. On the
    // multiple-choice set, whose letters the tiny model does write, so the continuations disagree.
    private static void resampled(Path out, MainWindowViewModel workbench) throws Exception {
        BooleanSupplier ended = () -> {
            var state = workbench.getOutput().getResample().getState();
            return state != dev.rationale.app.output.RunState.IDLE && !state.isRunning();
        };
        var before = onFx(() -> workbench.getOutput().getSpec());
        onFx(() -> {
            workbench.getCompose().selectVariant("zero-shot-cot");
            workbench.getRuns().runOutput();
            return null;
        });
        waitFor("the multiple-choice run", () -> workbench.getOutput().getSpec() != before
                && !workbench.getOutput().getState().isRunning()
                && workbench.getOutput().getState() != dev.rationale.app.output.RunState.IDLE);
        onFx(() -> {
            workbench.getOutput().getResample().resampleAtToken(hottest(workbench));
            return null;
        });
        waitFor("the resample", ended);
        System.out.println("resample: " + onFx(() -> workbench.getOutput().getResample().getState() + " "
                + workbench.getOutput().getResample().messageProperty().get()));
        pause(800);
        shoot(out.resolve("2b-output-resample.png"));
        onFx(() -> {
            workbench.getOutput().getResample().resamplePerStep();
            return null;
        });
        waitFor("the resample of every step", ended);
        pause(800);
        shoot(out.resolve("2c-output-resample-steps.png"));
    }

    // Five samples of one run at temperature 0.9: Output's answer clusters and the chains aligned under the answer.
    private static void clustered(Path out, MainWindowViewModel workbench, MainWindow window) throws Exception {
        var before = onFx(() -> workbench.getOutput().getSpec());
        onFx(() -> {
            workbench.getCompose().selectVariant("zero-shot-cot");
            workbench.getCompose().getVariantControls().samplesProperty().set(5);
            workbench.getRunSettings().temperatureProperty().set(0.9);
            workbench.getRuns().runOutput();
            return null;
        });
        waitFor("the 5-sample run", () -> workbench.getOutput().getSpec() != before
                && workbench.getOutput().getClusters().getResult().clusters().total() == 5);
        onFx(() -> {
            // Left open by an earlier shot; folded, as a user reading the clusters would have it.
            window.lookupAll("#output-request-pane").forEach(pane -> ((TitledPane) pane).setExpanded(false));
            return null;
        });
        pause(1000);
        shoot(out.resolve("2d-output-clusters.png"));
        onFx(() -> {
            workbench.getCompose().getVariantControls().samplesProperty().set(1);
            workbench.getRunSettings().temperatureProperty().set(0.0);
            return null;
        });
    }

    // A raw-text variant on a chat-only endpoint: the preview and Output's request show the messages sent.
    private static void adaptedForChat(MainWindowViewModel workbench, MainWindow window, AppContext context,
            Path samples, Path out) throws Exception {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new CannedCompletions());
        server.start();
        context.endpoints().put(new Endpoint("chat-server", ProviderKind.OPENAI, server.url("/v1").toString(),
                "instruct-model", null));
        onFx(() -> {
            workbench.getDocuments().open(samples.resolve("arithmetic.rationale.json"));
            workbench.getRunSettings().reloadEndpoints("chat-server");
            return null;
        });
        waitFor("the arithmetic set on the chat server", () -> workbench.getCompose().hasTaskProperty().get()
                && "arithmetic".equals(String.valueOf(workbench.getCompose().currentTask().id()))
                && "instruct-model".equals(workbench.getRunSettings().modelProperty().get()));
        onFx(() -> {
            workbench.selectedTabProperty().set(CentreTab.COMPOSE);
            workbench.getCompose().selectVariant("cot-4-random");
            return null;
        });
        waitFor("the adapted preview", () -> workbench.getCompose().getPreview().getAdaptation()
                .startsWith("sent as"));
        pause(800);
        shoot(out.resolve("10-compose-adapted.png"));
        onFx(() -> {
            workbench.getRuns().runOutput();
            return null;
        });
        waitFor("the chat run", () -> !workbench.getOutput().getState().isRunning()
                && workbench.getOutput().getState() != dev.rationale.app.output.RunState.IDLE);
        onFx(() -> {
            ((TitledPane) window.lookup("#output-request-pane")).setExpanded(true);
            return null;
        });
        pause(800);
        shoot(out.resolve("11-output-adapted.png"));
        onFx(() -> {
            ((TitledPane) window.lookup("#output-request-pane")).setExpanded(false);
            workbench.getOutput().getResample().resamplePerStep();
            return null;
        });
        waitFor("the refused resample", () -> workbench.getOutput().getResample().getState()
                == dev.rationale.app.output.RunState.FAILED);
        pause(800);
        shoot(out.resolve("12-output-resample-refused.png"));
        server.close();
    }

    // A task answered with a letter: the grid shows the likelihood columns beside generation accuracy.
    // A reasoning model on a chat endpoint, thinking "high" from the run bar: the thinking folds above the answer.
    private static void thinkingOutput(MainWindowViewModel workbench, MainWindow window, AppContext context,
            Path out) throws Exception {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String thinking = "Priya picks 14 and her dad picks 23, and the question wants both together. "
                        + "14 + 23: 14 + 20 = 34, then 34 + 3 = 37. Check the other way: 23 + 14 = 23 + 10 + 4 = 37. "
                        + "The instruction wants the line \\\"The answer is N.\\\" at the end.";
                return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(
                        "data: {\"choices\":[{\"index\":0,\"delta\":{\"reasoning_content\":\"" + thinking
                        + "\"}}]}\n\ndata: {\"choices\":[{\"index\":0,\"delta\":{\"content\":"
                        + "\"Together they pick 14 + 23 = 37 strawberries. The answer is 37.\"},"
                        + "\"finish_reason\":\"stop\"}]}\n\n"
                        + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":212,\"completion_tokens\":71,"
                        + "\"completion_tokens_details\":{\"reasoning_tokens\":58}}}\n\ndata: [DONE]\n\n")
                        // Sent slowly, so the thinking takes a moment as it would.
                        .throttleBody(48, 60, TimeUnit.MILLISECONDS).build();
            }
        });
        server.start();
        context.endpoints().put(new Endpoint("reasoning-server", ProviderKind.OPENAI, server.url("/v1").toString(),
                "reasoning-model", null));
        onFx(() -> {
            workbench.getRunSettings().reloadEndpoints("reasoning-server");
            return null;
        });
        waitFor("the reasoning server", () -> "reasoning-model".equals(workbench.getRunSettings().modelProperty()
                .get()));
        onFx(() -> {
            workbench.getRunSettings().thinkingProperty().set(ThinkingChoice.HIGH);
            workbench.getCompose().selectVariant("zero-shot");
            workbench.getRuns().runOutput();
            return null;
        });
        waitFor("the thinking run", () -> !workbench.getOutput().getState().isRunning()
                && workbench.getOutput().getState() != dev.rationale.app.output.RunState.IDLE);
        onFx(() -> {
            ((TitledPane) window.lookup("#output-request-pane")).setExpanded(false);
            ((TitledPane) window.lookup("#output-thinking-pane")).setExpanded(true);
            return null;
        });
        pause(800);
        shoot(out.resolve("12-output-thinking.png"));
        server.close();
    }

    // The translation set graded by chrF: the grid's Score column, the case list's scores, a case's verdict in Output.
    private static void evaluateTranslation(MainWindowViewModel workbench, MainWindow window, Endpoint embedded,
            Path samples, Path out) throws Exception {
        onFx(() -> {
            workbench.getRunSettings().endpointProperty().set(embedded);
            return null;
        });
        zeroShotEvaluated(workbench, samples.resolve("translation.rationale.json"), "en-fr");
        System.out.println("translation: " + onFx(() -> workbench.getEvaluate().progressTextProperty().get()
                + " / " + workbench.getEvaluate().messageProperty().get()));
        firstCaseOpened(workbench, window, out.resolve("13-evaluate-translation-chrf.png"),
                out.resolve("13b-output-translation-verdict.png"));
    }

    // The set opened at its task, and its zero-shot variant evaluated on four cases on the run bar's endpoint.
    private static void zeroShotEvaluated(MainWindowViewModel workbench, Path set, String taskId) throws Exception {
        onFx(() -> {
            workbench.getDocuments().open(set);
            return null;
        });
        waitFor(set.getFileName().toString(), () -> workbench.getCompose().hasTaskProperty().get()
                && taskId.equals(String.valueOf(workbench.getCompose().currentTask().id())));
        onFx(() -> {
            workbench.selectedTabProperty().set(CentreTab.EVALUATE);
            var task = workbench.getCompose().currentTask();
            workbench.getEvaluate().limitProperty().set(4);
            workbench.getEvaluate().samplesProperty().set(1);
            workbench.getEvaluate().start(workbench.getRuns().evaluateSetup(List.of(
                    task.variant("zero-shot").orElseThrow())), false);
            return null;
        });
        waitFor("the evaluation of " + taskId, () -> !workbench.getEvaluate().runningProperty().get()
                && !workbench.getEvaluate().getCells().isEmpty());
    }

    // The grid's first cell picked and its cases photographed, then its first case opened in Output and photographed.
    private static void firstCaseOpened(MainWindowViewModel workbench, MainWindow window, Path casesShot,
            Path outputShot) throws Exception {
        onFx(() -> {
            ((TableView<?>) window.lookup("#evaluate-grid")).getSelectionModel().select(0);
            return null;
        });
        waitFor("the cases", () -> !((TableView<?>) window.lookup("#evaluate-cases")).getItems().isEmpty());
        System.out.println("cases: " + onFx(() -> ((TableView<?>) window.lookup("#evaluate-cases")).getItems()
                .size()));
        pause(800);
        shoot(casesShot);
        onFx(() -> {
            var evaluate = workbench.getEvaluate();
            var cases = evaluate.getCases();
            cases.openCase(cases.casesOf(evaluate.getCells().getFirst()).getFirst(),
                    workbench.getRuns()::openCompletions);
            return null;
        });
        waitFor("the case in Output", () -> workbench.selectedTabProperty().get() == CentreTab.OUTPUT);
        pause(800);
        shoot(outputShot);
    }

    // The code-generation set graded by its tests, in a workspace that allows running the model's code: the line
    // under the estimate says how the code is isolated.
    private static void evaluateCode(MainWindowViewModel workbench, Path samples, Path out) throws Exception {
        CodeExecutionConsent.set(samples, true, java.time.Clock.systemUTC());
        zeroShotEvaluated(workbench, samples.resolve("code-generation.rationale.json"), "python-functions");
        System.out.println("code: " + onFx(() -> workbench.getEvaluate().codeExecutionProperty().get() + " / "
                + workbench.getEvaluate().messageProperty().get()));
        pause(800);
        shoot(out.resolve("13c-evaluate-code-tests.png"));
        // The question Evaluate asks in a workspace not yet allowed, shown without waiting for an answer.
        javafx.scene.control.Alert question = onFx(() -> {
            var alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                    CodeExecutionConfirmation.message(samples, "unshare (no network)"),
                    javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
            alert.initOwner(STAGE.get());
            alert.setTitle(CodeExecutionConfirmation.TITLE);
            alert.setHeaderText(CodeExecutionConfirmation.TITLE);
            alert.getDialogPane().getStylesheets().setAll(STAGE.get().getScene().getStylesheets());
            alert.show();
            return alert;
        });
        pause(1000);
        shoot(out.resolve("13d-evaluate-code-question.png"));
        onFx(() -> {
            question.close();
            return null;
        });
    }

    private static void evaluateMultipleChoice(MainWindowViewModel workbench, ThemeViewModel look, Path samples,
            Path out)
            throws Exception {
        onFx(() -> {
            look.setTheme(Theme.LIGHT);
            workbench.getDocuments().open(samples.resolve("multiple-choice.rationale.json"));
            return null;
        });
        waitFor("the multiple-choice set", () -> workbench.getCompose().hasTaskProperty().get()
                && "everyday-logic".equals(String.valueOf(workbench.getCompose().currentTask().id())));
        onFx(() -> {
            workbench.selectedTabProperty().set(CentreTab.EVALUATE);
            var task = workbench.getCompose().currentTask();
            workbench.getEvaluate().limitProperty().set(8);
            workbench.getEvaluate().start(workbench.getRuns().evaluateSetup(List.of(
                    task.variant("zero-shot").orElseThrow(),
                    task.variant("zero-shot-cot").orElseThrow())), false);
            return null;
        });
        waitFor("the multiple-choice evaluation", () -> !workbench.getEvaluate().runningProperty().get()
                && !workbench.getEvaluate().getCells().isEmpty());
        System.out.println("multiple choice: " + onFx(() -> workbench.getEvaluate().progressTextProperty().get()
                + " / " + workbench.getEvaluate().messageProperty().get()));
        pause(800);
        shoot(out.resolve("9-evaluate-multiple-choice.png"));
    }

    // Evaluate's cases list, a case opened in Output (request folded, then unfolded), three samples in Compare.
    private static void openedCases(Path out, MainWindowViewModel workbench, MainWindow window) throws Exception {
        firstCaseOpened(workbench, window, out.resolve("7b-evaluate-cases.png"),
                out.resolve("9-output-of-a-case.png"));
        onFx(() -> {
            ((TitledPane) window.lookupAll(".output-view").stream().filter(n -> n instanceof OutputView view
                    && view.viewModel() == workbench.getOutput()).findFirst().orElseThrow()
                    .lookup("#output-request-pane")).setExpanded(true);
            return null;
        });
        pause(800);
        shoot(out.resolve("9b-output-request.png"));
        onFx(() -> {
            workbench.selectedTabProperty().set(CentreTab.EVALUATE);
            var evaluate = workbench.getEvaluate();
            evaluate.limitProperty().set(1);
            evaluate.samplesProperty().set(3);
            evaluate.start(workbench.getRuns().evaluateSetup(List.of(workbench.getCompose().currentTask()
                    .variant("zero-shot-cot").orElseThrow())), false);
            return null;
        });
        waitFor("the sampled evaluation", () -> !workbench.getEvaluate().runningProperty().get()
                && !workbench.getEvaluate().getCells().isEmpty());
        onFx(() -> {
            var evaluate = workbench.getEvaluate();
            var cases = evaluate.getCases();
            cases.openCase(cases.casesOf(evaluate.getCells().getFirst()).getFirst(),
                    workbench.getRuns()::openCompletions);
            return null;
        });
        waitFor("the samples in Compare", () -> workbench.selectedTabProperty().get() == CentreTab.COMPARE);
        waitFor("their clusters", () -> workbench.getCompare().getClusters().getResult().clusters().total() > 1);
        settle();
        shoot(out.resolve("10-compare-samples.png"));
        onFx(() -> {
            workbench.selectedTabProperty().set(CentreTab.EVALUATE);
            ((TableView<?>) window.lookup("#evaluate-grid")).getSelectionModel().select(0);
            ((TableView<?>) window.lookup("#evaluate-cases")).getSelectionModel().select(0);
            return null;
        });
        waitFor("the case's clusters", () -> workbench.getEvaluate().getCases().getClusters().getResult()
                .clusters().total() > 0);
        pause(800);
        shoot(out.resolve("10b-evaluate-clusters.png"));
        fiveSamples(out);
    }

    // The tiny model's chains say little; five hand-written samples show what the cluster pane is for.
    private static void fiveSamples(Path out) throws Exception {
        ClustersViewModel clusters = onFx(() -> new ClustersViewModel(Platform::runLater, ForkJoinPool.commonPool()));
        Stage stage = onFx(() -> {
            Stage shown = new Stage();
            Scene scene = new Scene(new ClusterPane(clusters), 1440, 900);
            scene.getStylesheets().add(Theme.LIGHT.getStylesheetUrl());
            shown.setScene(scene);
            shown.setX(0);
            shown.setY(0);
            shown.show();
            clusters.show(FiveSamples.of(), AnswerFormat.DEFAULT, "42");
            return shown;
        });
        waitFor("the five samples' clusters", () -> clusters.getResult().clusters().total() == 5);
        pause(800);
        shoot(out.resolve("10c-clusters-five-samples.png"));
        onFx(() -> {
            clusters.select(1);
            return null;
        });
        pause(500);
        shoot(out.resolve("10d-clusters-selected.png"));
        onFx(() -> {
            stage.close();
            return null;
        });
    }

    // The token the model was least sure of, where a branch is most interesting.
    private static int hottest(MainWindowViewModel workbench) {
        var tokens = workbench.getOutput().getTokens();
        int best = 0;
        double lowest = Double.MAX_VALUE;
        for (int i = 0; i < tokens.size(); i++) {
            Double logprob = tokens.get(i).logprob();
            if (logprob != null && logprob < lowest && tokens.get(i).top().size() > 1) {
                lowest = logprob;
                best = i;
            }
        }
        return best;
    }

    private static Node lookupOutput(MainWindow window) {
        return window.lookupAll(".output-view").stream().filter(n -> n instanceof OutputView).findFirst()
                .orElseThrow();
    }

    private static void shoot(Path png) throws IOException, InterruptedException {
        shootScreen(png);
    }

    /** The whole screen as {@code png}, with ImageMagick's {@code import}; shared with {@link PoolTour}. */
    static void shootScreen(Path png) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("import", "-window", "root", png.toString()).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IOException("import failed for " + png);
        }
        System.out.println("saved " + png);
    }

    static void waitFor(String what, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (!onFx(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            pause(100);
        }
    }

    private static void pause(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }

    // Restyling three heat maps for another theme can keep the FX thread busy past a fixed pause on a loaded
    // machine, and the shot then shows the screen before; waiting for the FX thread to be free again avoids that.
    private static void settle() throws Exception {
        pause(800);
        onFx(() -> null);
        pause(800);
    }

    static <T> T onFx(Supplier<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }
}
