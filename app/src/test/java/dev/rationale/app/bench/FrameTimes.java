// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.bench;

import java.util.Arrays;
import java.util.Locale;
import javafx.animation.AnimationTimer;

/**
 * The time between one frame (pulse) of the FX thread and the next, while it runs: what a user sees as the
 * smoothness of the window. Every pulse runs the animation timers, so a pulse that comes late is a frame that came
 * late, whatever held the FX thread (a batch of tokens, CSS, layout, rendering). Start, stop and read it on the FX
 * thread.
 */
final class FrameTimes extends AnimationTimer {

    private long[] gaps = new long[1024];
    private int count;
    private long last;

    @Override
    public void handle(long now) {
        if (last != 0) {
            if (count == gaps.length) {
                gaps = Arrays.copyOf(gaps, count * 2);
            }
            gaps[count++] = now - last;
        }
        last = now;
    }

    @Override
    public void stop() {
        super.stop();
        last = 0;
    }

    /** Forgets the frames measured so far. */
    void reset() {
        count = 0;
        last = 0;
    }

    int frames() {
        return count;
    }

    /** The {@code quantile} (0..1) of the gaps in milliseconds: 1 is the slowest frame, 0.5 the median. */
    double millis(double quantile) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(gaps, count);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(quantile * count) - 1;
        return sorted[Math.clamp(index, 0, count - 1)] / 1e6;
    }

    /** How many frames took longer than {@code limitMillis}. */
    int slowerThan(double limitMillis) {
        int slow = 0;
        for (int i = 0; i < count; i++) {
            if (gaps[i] / 1e6 > limitMillis) {
                slow++;
            }
        }
        return slow;
    }

    String summary() {
        return String.format(Locale.ROOT, "%d frames: median %.1f ms, p99 %.1f ms, slowest %.1f ms", count,
                millis(0.5), millis(0.99), millis(1));
    }
}
