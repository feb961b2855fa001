// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;

/**
 * The frames of the FX thread while it runs. For each frame (pulse) after the first: the time since the one before,
 * what a user sees as the window's smoothness, and the processor time the FX thread spent in between, the share
 * of that time the app itself asked for (handling batches of tokens, CSS, layout), which another busy process on
 * the machine cannot lengthen. Every pulse runs the animation timers, so a pulse that comes late is a frame that
 * came late, whatever held it up. Also per frame, to tell why one came late: the processor time of the thread that
 * paints (the FX thread waits for it to finish the frame before), the bytes the FX thread allocated, and the
 * collector's pauses. Start, stop and read it on the FX thread.
 */
final class FrameTimes extends AnimationTimer {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final List<GarbageCollectorMXBean> COLLECTORS = ManagementFactory.getGarbageCollectorMXBeans();
    private static final int SHOWN_SLOWEST = 3;

    private long[] gaps = new long[1024];
    private long[] work = new long[1024];
    private long[] painting = new long[1024];
    private long[] allocated = new long[1024];
    private long[] collecting = new long[1024];
    private long[] collections = new long[1024];
    private int count;
    private long last;
    private long lastCpu;
    private long lastPainting;
    private long lastAllocated;
    private long lastCollecting;
    private long lastCollections;
    private long renderer = -1;

    @Override
    public void handle(long now) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long paint = renderer < 0 ? 0 : THREADS.getThreadCpuTime(renderer);
        long bytes = THREADS.getCurrentThreadAllocatedBytes();
        long gcMillis = 0;
        long gcCount = 0;
        for (GarbageCollectorMXBean collector : COLLECTORS) {
            // Concurrent cycles are not pauses: only the collectors that stop the application count (ZGC reports
            // its cycles and its pauses apart).
            if (!collector.getName().contains("Concurrent") && !collector.getName().contains("Cycles")) {
                gcMillis += collector.getCollectionTime();
                gcCount += collector.getCollectionCount();
            }
        }
        if (last != 0) {
            if (count == gaps.length) {
                grow();
            }
            gaps[count] = now - last;
            work[count] = cpu - lastCpu;
            painting[count] = paint - lastPainting;
            allocated[count] = bytes - lastAllocated;
            collecting[count] = gcMillis - lastCollecting;
            collections[count] = gcCount - lastCollections;
            count++;
        }
        last = now;
        lastCpu = cpu;
        lastPainting = paint;
        lastAllocated = bytes;
        lastCollecting = gcMillis;
        lastCollections = gcCount;
    }

    private void grow() {
        gaps = Arrays.copyOf(gaps, count * 2);
        work = Arrays.copyOf(work, count * 2);
        painting = Arrays.copyOf(painting, count * 2);
        allocated = Arrays.copyOf(allocated, count * 2);
        collecting = Arrays.copyOf(collecting, count * 2);
        collections = Arrays.copyOf(collections, count * 2);
    }

    @Override
    public void start() {
        renderer = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("QuantumRenderer")).mapToLong(Thread::threadId)
                .findFirst().orElse(-1);
        super.start();
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

    /**
     * The painting thread's processor time per frame, what the FX thread allocated, the collector's pauses, and the
     * slowest frames with what each of them spent.
     */
    String details() {
        long pauses = 0;
        long pausedMillis = 0;
        long bytes = 0;
        long fxNanos = 0;
        long paintNanos = 0;
        List<Integer> slowest = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pauses += collections[i];
            pausedMillis += collecting[i];
            bytes += allocated[i];
            fxNanos += work[i];
            paintNanos += painting[i];
            slowest.add(i);
        }
        slowest.sort((a, b) -> Long.compare(gaps[b], gaps[a]));
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "processor time in all: FX thread %.0f "
                + "ms, painting thread %.0f ms; painting thread's per frame: median %.1f ms, p99 %.1f ms, most %.1f "
                + "ms;%n    FX thread allocated %.1f MB (%.0f KB a frame); %d collector pauses, %d ms in all",
                fxNanos / 1e6, paintNanos / 1e6, quantile(painting, 0.5), quantile(painting, 0.99),
                quantile(painting, 1), bytes / 1e6, count == 0 ? 0 : bytes / 1e3 / count, pauses, pausedMillis));
        line.append(";\n    slowest frames (gap / FX thread / painting / collector pauses):");
        for (int i : slowest.subList(0, Math.min(SHOWN_SLOWEST, slowest.size()))) {
            line.append(String.format(Locale.ROOT, " #%d %.0f/%.0f/%.0f/%d ms", i, gaps[i] / 1e6, work[i] / 1e6,
                    painting[i] / 1e6, collecting[i]));
        }
        return line.toString();
    }
}
