// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import javafx.animation.AnimationTimer;

/**
 * The frames of the FX thread while it runs. For each frame (pulse) after the first: the time since the one before,
 * what a user sees as the window's smoothness, and the processor time the FX thread spent in between, the share
 * of that time the app itself asked for (handling batches of tokens, CSS, layout), which another busy process on
 * the machine cannot lengthen. Every pulse runs the animation timers, so a pulse that comes late is a frame that
 * came late, whatever held it up. Start, stop and read it on the FX thread.
 */
final class FrameTimes extends AnimationTimer {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private long[] gaps = new long[1024];
    private long[] work = new long[1024];
    private int count;
    private long last;
    private long lastCpu;

    @Override
    public void handle(long now) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        if (last != 0) {
            if (count == gaps.length) {
                gaps = Arrays.copyOf(gaps, count * 2);
                work = Arrays.copyOf(work, count * 2);
            }
            gaps[count] = now - last;
            work[count] = cpu - lastCpu;
            count++;
        }
        last = now;
        lastCpu = cpu;
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

    /** The {@code quantile} (0..1) of the gaps between frames in milliseconds: 1 is the slowest, 0.5 the median. */
    double millis(double quantile) {
        return quantile(gaps, quantile);
    }

    /** The {@code quantile} (0..1) of the FX thread's processor time per frame, in milliseconds. */
    double workMillis(double quantile) {
        return quantile(work, quantile);
    }

    private double quantile(long[] values, double quantile) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(quantile * count) - 1;
        return sorted[Math.clamp(index, 0, count - 1)] / 1e6;
    }

    /** How many frames came more than {@code limitMillis} after the one before. */
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
        return String.format(Locale.ROOT, "%d frames: median %.1f ms, p99 %.1f ms, slowest %.1f ms; FX thread's "
                + "processor time per frame: median %.1f ms, p99 %.1f ms, most %.1f ms", count, millis(0.5),
                millis(0.99), millis(1), workMillis(0.5), workMillis(0.99), workMillis(1));
    }
}
