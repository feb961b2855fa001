// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.output;

/**
 * The style of a run of heat-map text: the heat level of its tokens (0 calm .. {@link HeatLevels#COUNT} - 1 hot),
 * or a token without a probability, or plain text (a backend that scores no tokens). The colours of each come from
 * the theme, through {@link HeatPalette}.
 *
 * @param level the heat level, {@link #NONE_LEVEL} or {@link #PLAIN_LEVEL}
 */
public record HeatStyle(int level) {

    static final int NONE_LEVEL = -1;
    static final int PLAIN_LEVEL = -2;

    /** A token without a probability. */
    public static final HeatStyle NONE = new HeatStyle(NONE_LEVEL);
    /** Text without tokens. */
    public static final HeatStyle PLAIN = new HeatStyle(PLAIN_LEVEL);

    private static final HeatStyle[] LEVELS = java.util.stream.IntStream.range(0, HeatLevels.COUNT)
            .mapToObj(HeatStyle::new).toArray(HeatStyle[]::new);

    /** The style of a token at {@code level}, or of an unscored token for any level outside 0..COUNT-1. */
    public static HeatStyle of(int level) {
        return level >= 0 && level < HeatLevels.COUNT ? LEVELS[level] : NONE;
    }
}
