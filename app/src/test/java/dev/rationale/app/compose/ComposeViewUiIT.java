// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.compose;

import dev.rationale.core.provider.TokenCounter;
import static dev.rationale.app.fx.FxReads.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.app.theme.Theme;
import dev.rationale.app.workspace.PromptSetDocument;
import dev.rationale.core.promptset.Exemplar;
import dev.rationale.core.promptset.PromptSetFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Compose screen on the arithmetic sample, with a real background thread and quiet period. */
@ExtendWith(ApplicationExtension.class)
class ComposeViewUiIT {
    private static final long WAIT_SECONDS = 10;

    private PromptSetDocument document;
    private ComposeViewModel viewModel;
    private ExecutorService background;

    @Start
    void start(Stage stage) {
        Path file = Path.of(System.getProperty("rationale.samples.dir", "../sample-prompts"))
                .resolve("arithmetic.rationale.json");
        document = new PromptSetDocument(PromptSetFiles.load(file), file);
        background = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "compose-test-background");
            thread.setDaemon(true);
            return thread;
        });
        viewModel = new ComposeViewModel(document, Platform::runLater, background, Duration.ofMillis(100),
                TokenCounter.estimate());
        viewModel.selectVariant("few-shot-4");
        // Within Monocle's 1280 x 800 headless screen: a larger window overflows its painter.
        var scene = new Scene(new ComposeView(viewModel), 1200, 760);
        scene.getStylesheets().add(Theme.LIGHT.getStylesheetUrl());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stopBackground() {
        background.shutdownNow();
    }

    @Test
    void editingAnExemplarsAnswerInTheTableUpdatesThePreview(FxRobot robot) throws TimeoutException {
        awaitPreview(robot, text -> text.contains("The answer is 18."));

        robot.doubleClickOn(answerCell(robot, 0));
        robot.write("eighteen");
        robot.type(KeyCode.ENTER);

        awaitPreview(robot, text -> text.contains("The answer is eighteen.") && !text.contains("The answer is 18."));
        assertThat(onFx(() -> document.isDirty())).isTrue();
        assertThat(onFx(() -> answerCell(robot, 0).getText())).isEqualTo("eighteen");
    }

    @Test
    void typingInTheTemplateEditorUpdatesThePreviewAndHighlightsOnceTypingPauses(FxRobot robot)
            throws TimeoutException {
        CodeArea template = robot.lookup("#compose-template").queryAs(CodeArea.class);
        robot.clickOn(template);
        robot.interact(() -> template.moveTo(template.getLength()));

        robot.write(" Be careful with {{question}}");

        awaitPreview(robot, text -> text.startsWith("Solve each word problem. End with \"The answer is N.\" Be careful"
                + " with Priya picks 14 strawberries"));
        int variableAt = template.getText().indexOf("{{question}}") + 2;
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS,
                () -> onFx(() -> template.getStyleOfChar(variableAt)).contains("compose-template-variable"));
        assertThat(onFx(() -> viewModel.getTemplateFields().getInstruction())).endsWith("Be careful with {{question}}");
        assertThat(onFx(() -> template.getStyleOfChar(1))).isEmpty();
        assertThat(onFx(() -> robot.lookup("#compose-token-count").queryAs(Label.class).getText()))
                .matches("≈ \\d+ tokens");
    }

    @Test
    void altDownMovesTheSelectedExemplarAndThePreviewFollows(FxRobot robot) throws TimeoutException {
        robot.clickOn(idCell(robot, 0));
        robot.press(KeyCode.ALT).press(KeyCode.DOWN).release(KeyCode.DOWN).release(KeyCode.ALT);

        assertThat(onFx(() -> document.getPromptSet().tasks().getFirst().exemplars().stream().map(Exemplar::id)
                .limit(2).toList())).containsExactly("ex-library", "ex-bakery");
        awaitPreview(robot, text -> text.indexOf("The school library") < text.indexOf("A bakery bakes"));
    }

    @Test
    void draggingARowOntoAnotherMovesItThere(FxRobot robot) throws TimeoutException {
        robot.drag(idCell(robot, 0)).dropTo(idCell(robot, 2));

        assertThat(onFx(() -> document.getPromptSet().tasks().getFirst().exemplars().stream().map(Exemplar::id)
                .limit(3).toList())).containsExactly("ex-library", "ex-garden", "ex-bakery");
        awaitPreview(robot, text -> text.indexOf("Mei plants") < text.indexOf("A bakery bakes"));
    }

    private static TableCell<?, ?> answerCell(FxRobot robot, int row) {
        return cell(robot, ".compose-exemplar-answer", row);
    }

    private static TableCell<?, ?> idCell(FxRobot robot, int row) {
        return cell(robot, ".compose-exemplar-id", row);
    }

    private static TableCell<?, ?> cell(FxRobot robot, String column, int row) {
        return robot.lookup(column)
                .match((Node node) -> node instanceof TableCell<?, ?> cell && cell.getIndex() == row
                        && !cell.isEmpty())
                .query();
    }

    @Test
    void reopeningTheSetAfterAnotherShowsTheCaseWhoseExpectedAnswerIsShown(FxRobot robot)
            throws TimeoutException {
        Path samples = document.getFile().getParent();
        for (String name : new String[] {"multiple-choice", "arithmetic"}) {
            Path file = samples.resolve(name + ".rationale.json");
            robot.interact(() -> document.replace(PromptSetFiles.load(file), file, false));
        }
        WaitForAsyncUtils.waitForFxEvents();

        ComboBox<?> picker = robot.lookup("#compose-case").queryAs(ComboBox.class);
        int selected = onFx(() -> viewModel.getCaseInputs().getSelectedIndex());
        assertThat(selected).isNotNegative();
        assertThat(onFx(() -> picker.getSelectionModel().getSelectedIndex())).isEqualTo(selected);
        assertThat(onFx(() -> picker.getValue())).isEqualTo(onFx(() ->
                viewModel.getCaseInputs().getCaseLabels().get(selected)));
    }

    private static void awaitPreview(FxRobot robot, Predicate<String> shown) throws TimeoutException {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS,
                () -> shown.test(onFx(() -> robot.lookup("#compose-preview").queryAs(TextArea.class).getText())));
    }
}
