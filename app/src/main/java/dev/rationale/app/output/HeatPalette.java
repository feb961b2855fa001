// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.output;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.FontSmoothingType;
import javafx.scene.text.TextBoundsType;
import javafx.scene.text.TextFlow;
import org.fxmisc.richtext.TextExt;
import org.fxmisc.richtext.model.StyledSegment;
import org.jspecify.annotations.Nullable;

/**
 * The heat map's colours, as the theme gives them ({@link ThemedHeatPalette}): a background per heat level and for
 * a token without a probability, the text's colour, and the text's colour from the hot level on; and the heat map's
 * text nodes, painted from them. The nodes have no style classes: CSS matched every new text node of a streaming
 * answer against the stylesheets, most of each frame's CSS work. They get in code what modena's {@code .text} rule
 * gave them when they had that class. Immutable; equal palettes paint alike.
 *
 * @param backgrounds each level's background, null for none
 * @param unscored the background of a token without a probability, null for none
 * @param text the text's colour
 * @param hotText the text's colour from {@code hotLevel} on, where the background is dark
 * @param hotLevel the first level whose text is {@code hotText}
 */
record HeatPalette(List<@Nullable Paint> backgrounds, @Nullable Paint unscored, Paint text, Paint hotText,
        int hotLevel) {

    HeatPalette {
        List<@Nullable Paint> opaque = new ArrayList<>(backgrounds.size());
        backgrounds.forEach(paint -> opaque.add(visible(paint)));
        backgrounds = Collections.unmodifiableList(opaque);
        unscored = visible(unscored);
    }

    /**
     * A transparent background is none: RichTextFX draws a shape for every run of text that has a background,
     * transparent or not, and draws it again whenever its paragraph is laid out; calm tokens are most of an answer.
     */
    private static @Nullable Paint visible(@Nullable Paint paint) {
        return paint instanceof Color color && color.getOpacity() == 0 ? null : paint;
    }

    @Nullable Paint background(HeatStyle style) {
        int level = style.level();
        if (level >= 0 && level < backgrounds.size()) {
            return backgrounds.get(level);
        }
        return level == HeatStyle.NONE_LEVEL ? unscored : null;
    }

    Paint fill(HeatStyle style) {
        return style.level() >= hotLevel ? hotText : text;
    }

    /** A run of heat-map text, coloured by its style: the text area's node factory. */
    Node textNode(StyledSegment<String, HeatStyle> segment) {
        TextExt node = new TextExt(segment.getSegment());
        node.setTextOrigin(VPos.TOP);
        node.setFontSmoothingType(FontSmoothingType.LCD);
        node.setFill(fill(segment.getStyle()));
        node.setBackgroundColor(background(segment.getStyle()));
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
