// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.compose;

import dev.rationale.app.fx.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** A titled card of the Compose screen: a header with the title and optional controls on the right, then content. */
final class Section extends VBox {

    Section(String title, Node content, Node... headerExtras) {
        Label label = new Label(title);
        label.getStyleClass().add(Styles.COMPOSE_SECTION_TITLE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(label, spacer);
        header.getChildren().addAll(headerExtras);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add(Styles.COMPOSE_SECTION_HEADER);
        getChildren().addAll(header, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        getStyleClass().add(Styles.COMPOSE_SECTION);
    }

    /** A small muted label naming a field. */
    static Label fieldLabel(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.COMPOSE_FIELD_LABEL);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }
}
