// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.output;

import java.util.Collection;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.text.FontSmoothingType;
import javafx.scene.text.TextBoundsType;
import javafx.scene.text.TextFlow;
import org.fxmisc.richtext.TextExt;
import org.fxmisc.richtext.model.StyledSegment;

/**
 * The heat map's text nodes, made without style classes (see {@link HeatPalette}), and given in code what modena's
 * {@code .text} rule gave them when they had that class.
 */
final class HeatText {

    private HeatText() {
    }

    /** A run of heat-map text, coloured by its style from {@code palette}: the text area's node factory. */
    static Node node(StyledSegment<String, HeatStyle> segment, HeatPalette palette) {
        TextExt node = new TextExt(segment.getSegment());
        node.setTextOrigin(VPos.TOP);
        node.setFontSmoothingType(FontSmoothingType.LCD);
        palette.paint(node, segment.getStyle());
        return node;
    }

    /**
     * Sets up a paragraph once its text nodes are in it. Their bounds type is set only now: a text node in a text
     * flow passes it on to the flow's layout, whose lines it makes taller (modena's rule set it this way, in the
     * paragraph); set before, it stays the node's own and the lines come out shorter than they were.
     */
    static void paragraph(TextFlow paragraph, Collection<String> styleClasses) {
        paragraph.getStyleClass().addAll(styleClasses);
        for (Node child : paragraph.getChildren()) {
            if (child instanceof TextExt text) {
                text.setBoundsType(TextBoundsType.LOGICAL_VERTICAL_CENTER);
            }
        }
    }
}
