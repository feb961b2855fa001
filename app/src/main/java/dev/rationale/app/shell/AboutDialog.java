// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.shell;

import dev.rationale.app.AppVersion;
import dev.rationale.app.fx.Styles;
import dev.rationale.app.theme.Theme;
import dev.rationale.app.fx.ThemeSwitcher;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** The Help &gt; About dialog: the app's name, its version and one line on what it is for. */
final class AboutDialog {

    static final String TITLE = "About " + AppVersion.APP_NAME;

    private AboutDialog() {
    }

    /** Opens the dialog over {@code owner}, styled with {@code theme}, and returns at once. */
    static void show(Window owner, Theme theme) {
        var alert = new Alert(Alert.AlertType.NONE, null, ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle(TITLE);
        alert.setHeaderText(AppVersion.APP_NAME);
        alert.setContentText("Version " + AppVersion.current()
                + "\n\nA workbench for few-shot and chain-of-thought prompt design.");
        alert.setGraphic(new ThereforeBadge());
        alert.getDialogPane().getStyleClass().add(Styles.SHELL_ABOUT);
        // A dialog is its own window with its own scene, so the main scene's theme does not reach it.
        ThemeSwitcher.apply(alert.getDialogPane().getScene(), theme);
        // show(), not showAndWait(): nothing waits for an answer, and a nested event loop would buy nothing.
        alert.show();
    }
}
