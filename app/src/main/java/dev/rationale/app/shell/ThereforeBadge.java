// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.shell;

import dev.rationale.app.fx.Styles;
import javafx.scene.Group;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;

/**
 * The app's mark: the "therefore" sign (three dots in a triangle) on a round badge. Drawn with shapes because the
 * font glyph (U+2234) renders thin and faint at display sizes. Colours and size come from the theme.
 */
final class ThereforeBadge extends StackPane {

    private static final double DOT_RADIUS = 4.5;
    private static final double DOT_GAP = 9;
    private static final double ROW_HEIGHT = DOT_GAP * 1.7;

    ThereforeBadge() {
        var dots = new Group(dot(DOT_GAP, 0), dot(0, ROW_HEIGHT), dot(2 * DOT_GAP, ROW_HEIGHT));
        getChildren().add(dots);
        getStyleClass().add(Styles.SHELL_BADGE);
        // Keeps containers that stretch their children (VBox, StackPane) from turning the circle into a band.
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
    }

    private static Circle dot(double x, double y) {
        var dot = new Circle(x, y, DOT_RADIUS);
        dot.getStyleClass().add(Styles.SHELL_BADGE_DOT);
        return dot;
    }
}
