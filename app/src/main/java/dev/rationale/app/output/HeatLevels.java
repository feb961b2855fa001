// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.output;

/**
 * The heat map's levels: 0 (calm: the model was sure) to {@link #COUNT} - 1 (hot: it hesitated). The theme
 * stylesheets give each level its colours (see {@link HeatPalette}); the legend and the steps' confidence use the
 * same levels.
 */
public final class HeatLevels {

    /** How many levels the stylesheets colour. */
    public static final int COUNT = 10;

    private HeatLevels() {
    }
}
