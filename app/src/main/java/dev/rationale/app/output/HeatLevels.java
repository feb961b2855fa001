// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.output;

import java.util.List;

/**
 * The heat map's style classes: {@code heat-0} (calm: the model was sure) to {@code heat-9} (hot: it hesitated),
 * and {@code heat-none} for a token without a probability. The colours live in the theme stylesheets.
 */
public final class HeatLevels {

    /** How many levels the stylesheets colour. */
    public static final int COUNT = 10;

    private static final List<List<String>> CLASSES = java.util.stream.IntStream.range(0, COUNT)
            .mapToObj(level -> List.of(HeatMapView.TOKEN_CLASS, "heat-" + level)).toList();
    private static final List<String> NONE = List.of(HeatMapView.TOKEN_CLASS, "heat-none");

    private HeatLevels() {
    }

    /** The classes of a token at {@code level}, or of an unscored token for any level outside 0..COUNT-1. */
    public static List<String> styleClasses(int level) {
        return level >= 0 && level < COUNT ? CLASSES.get(level) : NONE;
    }
}
