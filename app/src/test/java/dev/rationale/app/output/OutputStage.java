// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.output;

import dev.rationale.app.theme.Theme;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** Shows an Output view of a view model on a test's stage, in the light theme, at a given size. */
final class OutputStage {
    private OutputStage() {
    }

    static OutputView show(Stage stage, OutputViewModel viewModel, double width, double height) {
        OutputView view = new OutputView(viewModel);
        Scene scene = new Scene(view, width, height);
        scene.getStylesheets().add(Theme.LIGHT.getStylesheetUrl());
        stage.setScene(scene);
        stage.show();
        return view;
    }
}
