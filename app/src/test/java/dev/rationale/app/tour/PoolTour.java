// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.tour;

import static dev.rationale.app.tour.ScreenshotTour.onFx;
import static dev.rationale.app.tour.ScreenshotTour.waitFor;

import dev.rationale.app.AppContext;
import dev.rationale.app.TestContexts;
import dev.rationale.app.endpoints.EndpointsDialog;
import dev.rationale.app.fx.ScriptedDialogs;
import dev.rationale.app.shell.CentreTab;
import dev.rationale.app.shell.MainWindow;
import dev.rationale.app.shell.MainWindowViewModel;
import dev.rationale.app.theme.Theme;
import dev.rationale.app.theme.ThemeViewModel;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.endpoint.PoolMember;
import dev.rationale.core.provider.ProviderKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * Photographs a pool at work (run by {@code bench/screenshots.sh} after {@link ScreenshotTour}): Evaluate's progress
 * on a pool of three local chat servers, then with one of them killed, then the Endpoints dialog editing the pool
 * after its Test.
 */
public final class PoolTour {
    private PoolTour() {
    }

    public static void main(String[] args) throws Exception {
        ScreenshotTour.walk(args, out -> {
            List<MockWebServer> servers = new ArrayList<>();
            try {
                tour(out, servers);
            } finally {
                servers.forEach(MockWebServer::close);
            }
        });
    }

    private static void tour(Path out, List<MockWebServer> servers) throws Exception {
        Path dir = Files.createTempDirectory("pool-tour");
        AppContext context = TestContexts.in(dir, TestContexts.sharedModels().toAbsolutePath());
        List<PoolMember> members = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            MockWebServer server = new MockWebServer();
            server.setDispatcher(new SlowAnswers());
            server.start();
            servers.add(server);
            context.endpoints().put(new Endpoint("gpu" + i, ProviderKind.OPENAI, server.url("/v1").toString(),
                    "llama-8b", null));
            members.add(new PoolMember("gpu" + i, i == 3 ? 4 : 8));
        }
        context.endpoints().put(Endpoint.pool("lab", members));
        Path samples = Files.createDirectories(dir.resolve("sample-prompts"));
        Files.copy(Path.of("../sample-prompts/arithmetic.rationale.json"),
                samples.resolve("arithmetic.rationale.json"));
        MainWindowViewModel workbench = onFx(() -> context.mainWindowViewModel(new ScriptedDialogs(), samples));
        MainWindow window = onFx(() -> {
            MainWindow w = new MainWindow(new ThemeViewModel(), workbench, context, Platform::exit);
            Stage stage = ScreenshotTour.stage();
            stage.setX(0);
            stage.setY(0);
            w.showIn(stage);
            return w;
        });
        onFx(workbench.getSession()::start).get(30, TimeUnit.SECONDS);
        onFx(() -> {
            workbench.getDocuments().open(samples.resolve("arithmetic.rationale.json"));
            workbench.getRunSettings().reloadEndpoints("lab");
            return null;
        });
        waitFor("the arithmetic set on the pool", () -> workbench.getCompose().hasTaskProperty().get()
                && workbench.getRunSettings().endpointProperty().get() != null
                && "lab".equals(workbench.getRunSettings().endpointProperty().get().name()));
        onFx(() -> {
            workbench.selectedTabProperty().set(CentreTab.EVALUATE);
            var task = workbench.getCompose().currentTask();
            workbench.getEvaluate().start(workbench.getRuns().evaluateSetup(List.of(
                    task.variant("zero-shot").orElseThrow(), task.variant("zero-shot-cot").orElseThrow())), false);
            return null;
        });
        waitFor("the pool's members in the progress", () -> workbench.getEvaluate().progressTextProperty().get()
                .contains("lab: gpu1"));
        Thread.sleep(2000);
        ScreenshotTour.shootScreen(out.resolve("13-evaluate-pool.png"));
        servers.get(1).close();
        Thread.sleep(1500);
        ScreenshotTour.shootScreen(out.resolve("13b-evaluate-pool-member-out.png"));
        System.out.println("progress: " + onFx(() -> workbench.getEvaluate().progressTextProperty().get()));
        waitFor("the evaluation", () -> !workbench.getEvaluate().runningProperty().get());
        EndpointsDialog dialog = onFx(() -> {
            EndpointsDialog d = EndpointsDialog.create(dialogs -> context.endpointsViewModel(dialogs, () -> { }),
                    window.getScene().getWindow(), Theme.LIGHT);
            d.show();
            return d;
        });
        waitFor("the endpoints", () -> dialog.getViewModel().getEndpoints().size() == 4);
        onFx(() -> {
            var viewModel = dialog.getViewModel();
            viewModel.selectedProperty().set(viewModel.getEndpoints().stream()
                    .filter(e -> e.name().equals("lab")).findFirst().orElseThrow());
            viewModel.test();
            return null;
        });
        waitFor("the pool's test", () -> dialog.getViewModel().testSummaryProperty().get().contains("answered"));
        Thread.sleep(800);
        ScreenshotTour.shootScreen(out.resolve("14-endpoints-pool.png"));
    }

    /** Answers every chat request after 1.5 s, as a busy server would (the run lasts long enough to be seen). */
    private static final class SlowAnswers extends Dispatcher {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
            if (request.getUrl().encodedPath().endsWith("/models")) {
                return new MockResponse.Builder().setHeader("Content-Type", "application/json")
                        .body("{\"object\":\"list\",\"data\":[{\"id\":\"llama-8b\",\"object\":\"model\"}]}").build();
            }
            return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
                    .body("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"The answer is 7.\"},"
                            + "\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n")
                    .headersDelay(1500, TimeUnit.MILLISECONDS).build();
        }
    }
}
