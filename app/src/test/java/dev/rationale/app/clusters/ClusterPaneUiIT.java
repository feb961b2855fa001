// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.clusters;

import static dev.rationale.app.fx.FxReads.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.app.theme.Theme;
import dev.rationale.core.answer.AnswerFormat;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The cluster chart and the aligned chains of a five-sample case: three say 42, one 41, one gives no answer. */
@ExtendWith(ApplicationExtension.class)
class ClusterPaneUiIT {

    private ClustersViewModel viewModel;

    @Start
    void start(Stage stage) {
        viewModel = new ClustersViewModel(Platform::runLater, ForkJoinPool.commonPool());
        Scene scene = new Scene(new ClusterPane(viewModel), 1200, 800);
        scene.getStylesheets().add(Theme.LIGHT.getStylesheetUrl());
        stage.setScene(scene);
        stage.show();
    }

    private void showFive(FxRobot robot) throws TimeoutException {
        robot.interact(() -> viewModel.show(FiveSamples.of(), AnswerFormat.DEFAULT, "42"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> viewModel.getResult().clusters().total())
                == 5);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theChartHasABarPerAnswerWithCountsShareAndMarks(FxRobot robot) throws TimeoutException {
        showFive(robot);

        List<String> answers = onFx(() -> robot.lookup(".cluster-answer").queryAllAs(Label.class).stream()
                .map(Label::getText).toList());
        assertThat(answers).containsExactly("42", "41", "(no answer)");
        List<String> counts = onFx(() -> robot.lookup(".cluster-count").queryAllAs(Label.class).stream()
                .map(Label::getText).toList());
        assertThat(counts).containsExactly("3 · 60%", "1 · 20%", "1 · 20%");
        assertThat(robot.lookup("#cluster-bar-0 .cluster-badge-majority").tryQuery()).isPresent();
        assertThat(robot.lookup("#cluster-bar-0 .cluster-badge-expected").tryQuery()).isPresent();
        assertThat(robot.lookup("#cluster-bar-1 .cluster-badge").tryQuery()).isEmpty();
        assertThat(onFx(() -> robot.lookup("#cluster-summary").queryAs(Label.class).getText()))
                .isEqualTo("5 samples · 2 answers · majority 42 (60%) · chains part at step 3");
    }

    @Test
    void theAlignedChainsHaveARowPerSampleTaggedWithItsAnswerAndThePartingMarked(FxRobot robot)
            throws TimeoutException {
        showFive(robot);

        List<String> tags = onFx(() -> robot.lookup(".aligned-tag").queryAllAs(Label.class).stream()
                .map(Label::getText).toList());
        assertThat(tags).containsExactly("s1 → 42", "s3 → 42", "s5 → 42", "s2 → 41", "s4 → no answer");
        assertThat(onFx(() -> robot.lookup("#aligned-parting").queryAs(Label.class).getText()))
                .isEqualTo("Step 3 · they part");
        // The two opening steps are one merged cell each across all five rows.
        List<Label> cells = onFx(() -> List.copyOf(robot.lookup(".aligned-cell").queryAllAs(Label.class)));
        assertThat(cells.stream().filter(c -> c.getText().equals("There are 6 boxes."))).hasSize(1);
        assertThat(cells.stream().filter(c -> c.getText().equals("6 * 7 = 42."))).hasSize(1);
        assertThat(cells.stream().filter(c -> c.getText().equals("6 + 7 + 28 = 41.")).findFirst().orElseThrow()
                .getStyleClass()).contains("aligned-cell-doubt", "aligned-cell-parting");
        Node unscored = cells.stream().filter(c -> c.getText().startsWith("I am not sure")).findFirst()
                .orElseThrow();
        assertThat(unscored.getStyleClass()).contains("chain-heat-none");
    }

    @Test
    void selectingABarShowsItsChains(FxRobot robot) throws TimeoutException {
        showFive(robot);
        assertThat(onFx(() -> robot.lookup("#cluster-chains").queryAs(TextArea.class).getText()))
                .contains("— Sample 1 —", "— Sample 3 —", "— Sample 5 —").doesNotContain("Sample 2");

        robot.clickOn("#cluster-bar-1");
        WaitForAsyncUtils.waitForFxEvents();

        String chains = onFx(() -> robot.lookup("#cluster-chains").queryAs(TextArea.class).getText());
        assertThat(chains).startsWith("— Sample 2 —").contains("6 + 7 + 28 = 41.").doesNotContain("Sample 1");
        assertThat(robot.lookup("#cluster-bar-1").query().getStyleClass()).contains("cluster-bar-selected");
        assertThat(onFx(() -> robot.lookup(".aligned-tag-selected").queryAllAs(Label.class).stream()
                .map(Label::getText).toList())).containsExactly("s2 → 41");
    }
}
