// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.output;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import org.fxmisc.richtext.TextExt;
import org.jspecify.annotations.Nullable;

/**
 * The heat map's colours, as the theme gives them ({@link ThemedHeatPalette}): a background per heat level and for
 * a token without a probability, the text's colour, and the text's colour from the hot level on. The heat map
 * paints its text nodes from it in code instead of giving them style classes: CSS matched every new text node of a
 * streaming answer against the stylesheets, most of each frame's CSS work. Immutable; equal palettes paint alike.
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

    /** Colours {@code node}, a run of heat-map text in {@code style}. */
    void paint(TextExt node, HeatStyle style) {
        node.setFill(fill(style));
        node.setBackgroundColor(background(style));
    }
}
