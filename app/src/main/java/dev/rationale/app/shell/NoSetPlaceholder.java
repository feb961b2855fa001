// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.shell;

import dev.rationale.app.fx.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** What Compose shows while no prompt set is open: a card that says how to open one. */
final class NoSetPlaceholder extends StackPane {

    private static final double WIDTH = 440;

    NoSetPlaceholder() {
        var title = new Label("No prompt set is open yet");
        title.getStyleClass().add(Styles.SHELL_PLACEHOLDER_TITLE);
        var body = new Label("Open a prompt set with File > Open, or pick one in the sidebar: its tasks, exemplars "
                + "and variants show up here.");
        body.getStyleClass().add(Styles.SHELL_PLACEHOLDER_BODY);
        body.setWrapText(true);
        var card = new VBox(new ThereforeBadge(), title, body);
        card.getStyleClass().add(Styles.SHELL_PLACEHOLDER);
        card.setAlignment(Pos.CENTER);
        // A fixed width lets the body text wrap; the size cap keeps the StackPane from stretching the card.
        card.setPrefWidth(WIDTH);
        card.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        getChildren().add(card);
        getStyleClass().add("shell-placeholder-pane");
    }
}
