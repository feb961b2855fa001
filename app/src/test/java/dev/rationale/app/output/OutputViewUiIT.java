// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.output;

import static dev.rationale.app.fx.FxReads.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.rationale.app.fx.ThemeSwitcher;
import dev.rationale.app.theme.Theme;
import dev.rationale.core.analysis.Passage;
import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.CompareRule;
import dev.rationale.core.answer.ExtractRule;
import dev.rationale.core.answer.GradeDetail;
import dev.rationale.core.answer.JudgeSpec;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.history.CompletionRecord;
import dev.rationale.core.history.StoredCompletion;
import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.TokenAlternative;
import dev.rationale.core.provider.anthropic.AnthropicProvider;
import dev.rationale.core.provider.http.HttpClients;
import dev.rationale.core.provider.openai.OpenAiChatProvider;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.RenderedPrompt;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.fxmisc.richtext.TextExt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Output view on a run streamed from MockWebServer through a real provider, updated via the FX thread. */
@ExtendWith(ApplicationExtension.class)
class OutputViewUiIT {
    private static final long WAIT_SECONDS = 10;
    /** p = e^-0.01 ≈ 0.990: the model was sure. */
    private static final double SURE = -0.01;
    /** p = e^-2.3 ≈ 0.100: the model hesitated; " 8" (e^-0.5 ≈ 0.607) and " 6" (e^-1.6 ≈ 0.202) were likelier. */
    private static final double UNSURE = -2.3;
    private static final int UNSURE_TOKEN = 4;
    private static final RenderedPrompt.Chat PROMPT = new RenderedPrompt.Chat(List.of(
            ChatMessage.user("Q: What is 3 + 4?\nA:")));

    private final MockWebServer server = new MockWebServer();
    private final OkHttpClient http = HttpClients.create();
    private OutputViewModel viewModel;
    private OutputView view;

    @Start
    void start(Stage stage) {
        viewModel = new OutputViewModel(Platform::runLater, Runnable::run);
        view = OutputStage.show(stage, viewModel, 1000, 640);
    }

    @BeforeEach
    void startServer() throws IOException {
        server.start();
    }

    @AfterEach
    void stopServer(FxRobot robot) {
        robot.interact(() -> viewModel.stop());
        server.close();
        http.dispatcher().executorService().shutdown();
    }

    @Test
    void theHeatMapColoursASureTokenCalmAndAnUnsureOneHotByProbability(FxRobot robot) throws TimeoutException {
        server.enqueue(stream(scoredAnswer() + finish()));

        run(robot, openAi(), "7");

        assertThat(onFx(() -> view.heatMap().tokenCount())).isEqualTo(9);
        assertThat(onFx(() -> view.heatMap().area().getText())).isEqualTo("3 + 4 = 7. The answer is 7.");
        // By probability the level counts down from the bucket floor(10 p): 0.990 is in the top bucket, level 0;
        // 0.100 is in the 10–20 % bucket, level 9 - 1 = 8.
        assertThat(onFx(() -> view.heatMap().styleOfToken(0))).isEqualTo(HeatStyle.of(0));
        assertThat(onFx(() -> view.heatMap().styleOfToken(UNSURE_TOKEN))).isEqualTo(HeatStyle.of(8));
    }

    @Test
    void theHeatMapPaintsItsTextInTheThemesColoursAndCalmTextWithoutABackground(FxRobot robot)
            throws TimeoutException {
        server.enqueue(stream(scoredAnswer() + finish()));

        run(robot, openAi(), "7");

        // light.css: -rt-heat-8 behind the unsure " 7", in -rt-heat-hot-text; the calm text in -rt-fg, and without a
        // background, as RichTextFX draws a shape for each run of text with a background, transparent or not.
        assertThat(onFx(this::heatMapTexts)).extracting(TextExt::getText, TextExt::getBackgroundColor,
                TextExt::getFill).containsExactly(tuple("3 + 4 =", null, Color.web("#1f2430")),
                tuple(" 7", Color.web("#f56b4f"), Color.web("#ffffff")),
                tuple(". The answer is 7.", null, Color.web("#1f2430")));
        // Nothing for CSS to match the text against: each new text node of a streaming answer cost a search.
        assertThat(onFx(this::heatMapTexts)).allSatisfy(text -> assertThat(text.getStyleClass()).isEmpty());
    }

    @Test
    void switchingTheThemeRepaintsTheHeatMapInTheNewThemesColours(FxRobot robot) throws TimeoutException {
        server.enqueue(stream(scoredAnswer() + finish()));
        run(robot, openAi(), "7");

        robot.interact(() -> ThemeSwitcher.apply(view.getScene(), Theme.DARK));
        waitForBackground(" 7", Color.web("#b53c1d"));

        // dark.css: -rt-heat-8 and -rt-fg.
        assertThat(onFx(this::heatMapTexts)).extracting(TextExt::getText, TextExt::getBackgroundColor,
                TextExt::getFill).containsExactly(tuple("3 + 4 =", null, Color.web("#e4e7ec")),
                tuple(" 7", Color.web("#b53c1d"), Color.web("#ffffff")),
                tuple(". The answer is 7.", null, Color.web("#e4e7ec")));
        assertThat(onFx(() -> view.heatMap().tokenCount())).isEqualTo(9);
        assertThat(onFx(() -> view.heatMap().styleOfToken(UNSURE_TOKEN))).isEqualTo(HeatStyle.of(8));

        robot.interact(() -> ThemeSwitcher.apply(view.getScene(), Theme.LIGHT));
        waitForBackground(" 7", Color.web("#f56b4f"));

        assertThat(onFx(this::heatMapTexts)).extracting(TextExt::getBackgroundColor)
                .containsExactly(null, Color.web("#f56b4f"), null);
    }

    /** Waits for the next frames to paint the heat map's text node {@code text} on {@code background}. */
    private void waitForBackground(String text, Color background) throws TimeoutException {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> onFx(() -> heatMapTexts().stream()
                .anyMatch(node -> node.getText().equals(text) && background.equals(node.getBackgroundColor()))));
    }

    /** The heat map's text nodes, in order. */
    private List<TextExt> heatMapTexts() {
        return view.heatMap().area().lookupAll("TextExt").stream().filter(TextExt.class::isInstance)
                .map(TextExt.class::cast).toList();
    }

    @Test
    void theHeatMapShowsItsScrollBarBeforeTheAnswerOutgrowsIt(FxRobot robot) throws TimeoutException {
        server.enqueue(stream(scoredAnswer() + finish()));

        run(robot, openAi(), "7");

        // Appearing as a streaming answer outgrew the view, it narrowed the text, which wrapped again whole.
        List<ScrollBar> vertical = onFx(() -> view.heatMap().lookupAll(".scroll-bar").stream()
                .filter(ScrollBar.class::isInstance).map(ScrollBar.class::cast)
                .filter(bar -> bar.getOrientation() == Orientation.VERTICAL).toList());
        assertThat(vertical).hasSize(1);
        assertThat(onFx(() -> vertical.getFirst().isVisible())).isTrue();
    }

    @Test
    void switchingToEntropyRestylesTokensByHowTheModelSpreadItsBets(FxRobot robot) throws TimeoutException {
        server.enqueue(stream(scoredAnswer() + finish()));
        run(robot, openAi(), "7");

        robot.clickOn("#output-measure-entropy");

        // Normalised entropy, the listed alternatives plus a rest bucket over ln(k + 1): the sure token's 0.990
        // and 0.010 rest give 0.056 / ln 2 = 0.08, level 0; the unsure token's 0.607, 0.202, 0.100 and 0.091 rest
        // give 1.075 / ln 4 = 0.78, level 7.
        assertThat(onFx(() -> view.heatMap().styleOfToken(0))).isEqualTo(HeatStyle.of(0));
        assertThat(onFx(() -> view.heatMap().styleOfToken(UNSURE_TOKEN))).isEqualTo(HeatStyle.of(7));

        robot.clickOn("#output-measure-probability");

        assertThat(onFx(() -> view.heatMap().styleOfToken(UNSURE_TOKEN))).isEqualTo(HeatStyle.of(8));
    }

    @Test
    void theUnsureTokensPopupListsItsAlternativesWithTheirProbabilities(FxRobot robot) throws TimeoutException {
        server.enqueue(stream(scoredAnswer() + finish()));
        run(robot, openAi(), "7");

        robot.interact(() -> view.heatMap().showPopup(UNSURE_TOKEN));

        assertThat(onFx(() -> view.popup().isShowing())).isTrue();
        List<String> texts = onFx(() -> labelTexts(view.popup().content()));
        assertThat(texts).startsWith("Token 5: ␣7", "p = 10.0 %   log p = -2.300");
        assertThat(texts).containsSubsequence("␣8", "60.7 %", "␣6", "20.2 %", "␣7", "10.0 %");
        assertThat(onFx(() -> labels(view.popup().content()).stream()
                .filter(label -> label.getStyleClass().contains("token-popup-chosen")).map(Label::getText).toList()))
                .containsExactly("␣7");
    }

    @Test
    void movingTheCaretOntoATokenWithTheKeyboardOpensItsPopup(FxRobot robot) throws TimeoutException {
        server.enqueue(stream(scoredAnswer() + finish()));
        run(robot, openAi(), "7");

        robot.clickOn(view.heatMap().area());
        robot.interact(() -> view.heatMap().area().moveTo("3 + 4 = ".length()));

        assertThat(onFx(() -> view.popup().isShowing())).isTrue();
        assertThat(onFx(() -> labelTexts(view.popup().content()))).startsWith("Token 5: ␣7");
    }

    @Test
    void aSecondRunsStepsReplaceTheFirstsOnScreen(FxRobot robot) throws TimeoutException {
        server.enqueue(stream(scoredAnswer() + finish()));
        run(robot, openAi(), "7");
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> onFx(() -> shownStepTexts(robot).size() == 2));

        server.enqueue(stream(chunk("One.\\nTwo.\\nThree.\\nThe answer is 9.", SURE, List.of()) + finish()));
        run(robot, openAi(), "9");

        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> onFx(() -> shownStepTexts(robot).size() > 2));
        assertThat(onFx(() -> shownStepTexts(robot))).containsExactly("1. One.", "2. Two.", "3. Three.",
                "4. The answer is");
    }

    @Test
    void theReasoningStepsAndTheGradedAnswerAppearWhenTheRunEnds(FxRobot robot) throws TimeoutException {
        server.enqueue(stream(scoredAnswer() + finish()));

        run(robot, openAi(), "7");

        ListView<?> steps = robot.lookup("#output-steps").queryAs(ListView.class);
        // The steps are shown a frame or two after they are found.
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> onFx(() -> !steps.getItems().isEmpty()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> steps.getItems().stream().map(step -> ((Passage) step).text().strip()).toList()))
                .containsExactly("3 + 4 = 7.", "The answer is");
        assertThat(onFx(() -> robot.lookup(".reasoning-steps-header").queryAs(Label.class).getText()))
                .isEqualTo("Reasoning · 2 steps");
        assertThat(onFx(() -> robot.lookup(".reasoning-step-figures").queryAllAs(Label.class).stream()
                .map(Label::getText).toList())).anySatisfy(figures -> assertThat(figures)
                .contains("lowest 10 % (\"␣7\")"));
        assertThat(onFx(() -> shownStepTexts(robot))).containsExactly("1. 3 + 4 = 7.", "2. The answer is");
        // Each step's bar has the colour of its level's swatch in the heat legend.
        List<Region> bars = onFx(() -> robot.lookup(".reasoning-step-bar").queryAllAs(Region.class).stream()
                .filter(OutputViewUiIT::shown).toList());
        assertThat(bars).isNotEmpty();
        for (Region bar : bars) {
            int level = onFx(() -> bar.getPseudoClassStates().stream().map(PseudoClass::getPseudoClassName)
                    .filter(name -> name.startsWith("heat-")).mapToInt(name -> Integer.parseInt(name.substring(5)))
                    .findFirst().orElseThrow());
            Region swatch = robot.lookup(".heat-legend-swatch-" + level).queryAs(Region.class);
            assertThat(onFx(() -> bar.getBackground().getFills().getFirst().getFill()))
                    .isEqualTo(onFx(() -> swatch.getBackground().getFills().getFirst().getFill()));
        }
        assertThat(onFx(() -> label(robot, "#output-answer").getText())).isEqualTo("7");
        Label verdict = label(robot, "#output-verdict");
        assertThat(onFx(verdict::getText)).isEqualTo("✓ matches the expected 7");
        assertThat(onFx(() -> List.copyOf(verdict.getStyleClass()))).contains("output-verdict-correct");
        assertThat(onFx(() -> label(robot, "#output-unscored").getText())).isEmpty();

        // A stored completion shown after the run replaces its steps with its own: its answer's, as the answer
        // reasons; its reasoning field (thinking) stays folded apart.
        robot.interact(() -> viewModel.show(FinishedCompletion.of(FinishedCompletions.stored(1, 0, "8",
                Verdict.WRONG), FinishedCompletions.origin(0, 1), AnswerFormat.DEFAULT)));
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> onFx(() -> ((Passage) steps.getItems()
                .getFirst()).text().strip().equals("3 + 4 = 8.")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> steps.getItems().stream().map(step -> ((Passage) step).text().strip()).toList()))
                .containsExactly("3 + 4 = 8.", "The answer is");
        // The list's cells are refilled, not rebuilt: each shows its new step, and figures only where it has some.
        assertThat(onFx(() -> shownStepTexts(robot))).containsExactly("1. 3 + 4 = 8.", "2. The answer is");
        assertThat(onFx(() -> robot.lookup(".reasoning-step-figures").queryAllAs(Label.class).stream()
                .filter(OutputViewUiIT::shown).count()))
                .isEqualTo(onFx(() -> steps.getItems().stream()
                        .filter(step -> ((Passage) step).confidence() != null).count()));
    }

    /** The texts of the steps the list shows, in order (not those of the cell it measures with, which is hidden). */
    private static List<String> shownStepTexts(FxRobot robot) {
        return robot.lookup(".reasoning-step-text").queryAllAs(Text.class).stream()
                .filter(OutputViewUiIT::shown)
                .sorted(Comparator.comparingInt(text -> ((ListCell<?>) text.getParent().getParent()).getIndex()))
                .map(Text::getText).toList();
    }

    private static boolean shown(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void aJudgedCompletionShownAgainGivesItsScoreWhatPassesAndTheJudgesReason(FxRobot robot) {
        CompletionRecord kept = FinishedCompletions.record("c01", 0, "8", Verdict.WRONG);
        CompletionRecord judged = new CompletionRecord(kept.key(), kept.request(), kept.text(), kept.reasoning(),
                kept.tokens(), kept.extracted(), kept.expected(), Verdict.WRONG, null, kept.finishReason(),
                kept.usage(), kept.timings(), kept.createdAt(), false, new GradeDetail(GradeDetail.JUDGE, 2.0,
                        "3 + 4 is 7, not 8.", "Rate the answer.", "{\"score\": 2}"));
        AnswerFormat judge = new AnswerFormat(ExtractRule.WHOLE, null, null, null, CompareRule.JUDGE, 4.0,
                new JudgeSpec(null, null, null, 1, 5, null), null);

        robot.interact(() -> viewModel.show(FinishedCompletion.of(new StoredCompletion(9, judged),
                FinishedCompletions.origin(0, 1), judge)));
        WaitForAsyncUtils.waitForFxEvents();

        Label verdict = label(robot, "#output-verdict");
        assertThat(onFx(verdict::getText)).isEqualTo("✗ judge 2 of 1-5 (passes at 4)");
        assertThat(onFx(() -> List.copyOf(verdict.getStyleClass()))).contains("output-verdict-wrong");
        Label why = label(robot, "#output-grading-note");
        assertThat(onFx(why::getText)).isEqualTo("3 + 4 is 7, not 8.");
        assertThat(onFx(why::isVisible)).isTrue();
    }

    @Test
    void aBackendWithoutProbabilitiesShowsPlainTextAndSaysWhyThereAreNoColours(FxRobot robot)
            throws TimeoutException {
        server.enqueue(stream(anthropicEvent("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"m1\","
                + "\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"stop_reason\":null,"
                + "\"usage\":{\"input_tokens\":9,\"output_tokens\":1}}}")
                + anthropicEvent("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,"
                + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}")
                + anthropicEvent("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                + "\"delta\":{\"type\":\"text_delta\",\"text\":\"3 + 4 = 7. The answer is 7.\"}}")
                + anthropicEvent("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}")
                + anthropicEvent("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":"
                + "\"end_turn\"},\"usage\":{\"output_tokens\":12}}")
                + anthropicEvent("message_stop", "{\"type\":\"message_stop\"}")));

        run(robot, new AnthropicProvider(http, server.url("/").toString()), "7");

        assertThat(onFx(() -> view.heatMap().tokenCount())).isZero();
        assertThat(onFx(() -> view.heatMap().area().getText())).isEqualTo("3 + 4 = 7. The answer is 7.");
        assertThat(onFx(() -> view.heatMap().area().getStyleOfChar(1))).isEqualTo(HeatStyle.PLAIN);
        assertThat(onFx(() -> label(robot, "#output-unscored").getText()))
                .isEqualTo("No colours: anthropic gives no token probabilities.");
        assertThat(onFx(() -> label(robot, "#output-notices").getText())).contains("gives no token probabilities");
        assertThat(onFx(() -> label(robot, "#output-answer").getText())).isEqualTo("7");
    }

    @Test
    void stopEndsAStalledRunCancelledAndKeepsTheTokensThatArrived(FxRobot robot) throws TimeoutException {
        String delivered = chunk("3", SURE, List.of()) + chunk(" +", SURE, List.of());
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
                // MockWebServer applies the stall halfway through the body: inside the comment after the chunks.
                .body(delivered + ": " + "x".repeat(delivered.length() + 400) + "\n\n"
                        + chunk(" NEVER", SURE, List.of()))
                .onResponseBody(SocketEffect.Stall.INSTANCE).build());
        robot.interact(() -> viewModel.start(spec(openAi(), null)));
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> onFx(() -> view.heatMap().tokenCount() == 2));
        assertThat(onFx(viewModel::getState)).isEqualTo(RunState.RUNNING);

        robot.interact(() -> viewModel.stop());

        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS,
                () -> onFx(viewModel::getState) == RunState.CANCELLED);
        assertThat(onFx(() -> view.heatMap().tokenCount())).isEqualTo(2);
        assertThat(onFx(() -> view.heatMap().area().getText())).isEqualTo("3 +");
        assertThat(onFx(() -> label(robot, "#output-statistics").getText())).contains("finish: cancelled");
    }

    private void run(FxRobot robot, CompletionProvider provider, String expected) throws TimeoutException {
        robot.interact(() -> viewModel.start(spec(provider, expected)));
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> onFx(() -> viewModel.getState()
                != RunState.IDLE && !viewModel.getState().isRunning()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(viewModel::getState)).isEqualTo(RunState.COMPLETED);
    }

    private OpenAiChatProvider openAi() {
        return new OpenAiChatProvider(http, server.url("/v1").toString());
    }

    private static RunSpec spec(CompletionProvider provider, String expected) {
        CompletionRequest request = CompletionRequest.of("mock-model", PROMPT).withMaxTokens(64).withLogprobs(3);
        return new RunSpec(provider, request, AnswerFormat.DEFAULT, expected, "test · mock-model",
                Subjects.of("mock-model"));
    }

    /** "3 + 4 = 7. The answer is 7." in 9 tokens, all sure but the first 7. */
    private static String scoredAnswer() {
        StringBuilder body = new StringBuilder();
        for (String token : List.of("3", " +", " 4", " =")) {
            body.append(chunk(token, SURE, List.of()));
        }
        body.append(chunk(" 7", UNSURE, List.of(new TokenAlternative(" 8", -0.5), new TokenAlternative(" 6", -1.6),
                new TokenAlternative(" 7", UNSURE))));
        for (String token : List.of(".", " The answer is", " 7", ".")) {
            body.append(chunk(token, SURE, List.of()));
        }
        return body.toString();
    }

    /** A chat chunk of one token; without alternatives given, the token is its own only alternative. */
    private static String chunk(String token, double logprob, List<TokenAlternative> alternatives) {
        List<TokenAlternative> top = alternatives.isEmpty() ? List.of(new TokenAlternative(token, logprob))
                : alternatives;
        StringBuilder tops = new StringBuilder();
        for (TokenAlternative alternative : top) {
            tops.append(tops.isEmpty() ? "" : ",").append("{\"token\":\"").append(alternative.text())
                    .append("\",\"logprob\":").append(alternative.logprob()).append('}');
        }
        return "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + token + "\"},\"logprobs\":{\"content\":"
                + "[{\"token\":\"" + token + "\",\"logprob\":" + logprob + ",\"top_logprobs\":[" + tops + "]}]}}]}\n\n";
    }

    private static String finish() {
        return "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n";
    }

    private static String anthropicEvent(String name, String payload) {
        return "event: " + name + "\ndata: " + payload + "\n\n";
    }

    private static MockResponse stream(String body) {
        return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(body).build();
    }

    private static Label label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class);
    }

    private static List<String> labelTexts(Parent parent) {
        return labels(parent).stream().map(Label::getText).toList();
    }

    /** The labels under {@code parent}, in scene-graph order. */
    private static List<Label> labels(Parent parent) {
        List<Label> labels = new ArrayList<>();
        for (Node child : parent.getChildrenUnmodifiable()) {
            if (child instanceof Label label) {
                labels.add(label);
            } else if (child instanceof Parent nested) {
                labels.addAll(labels(nested));
            }
        }
        return labels;
    }
}
