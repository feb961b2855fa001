// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.shell;

import dev.rationale.app.fx.Styles;
import dev.rationale.app.theme.ThemeViewModel;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The main window's status bar: the status line on the left, the theme's name on the right. */
final class StatusBar extends HBox {

    StatusBar(StatusLine line, ThemeViewModel theme) {
        var status = new Label();
        status.setId("shell-status");
        status.getStyleClass().add(Styles.SHELL_STATUS_TEXT);
        status.textProperty().bind(line.statusProperty());
        var themeName = new Label();
        themeName.getStyleClass().add(Styles.SHELL_STATUS_THEME);
        themeName.textProperty().bind(theme.themeNameProperty());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(status, spacer, themeName);
        getStyleClass().add(Styles.SHELL_STATUS_BAR);
        setAlignment(Pos.CENTER_LEFT);
    }
}
