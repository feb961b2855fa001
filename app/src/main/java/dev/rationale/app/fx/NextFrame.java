// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.fx;

import javafx.animation.AnimationTimer;
import org.jspecify.annotations.Nullable;

/**
 * Runs a task at the start of the pulse after the next one, so that it gets a frame of its own: for work that
 * arrives while the FX thread is busy with a frame's worth already (a list sized as a run ends, say), and that the
 * user will not miss for two frames. Only the latest task waits; {@link #cancel} drops it. Use on the FX thread.
 */
public final class NextFrame {

    private @Nullable Runnable pending;
    private int pulses;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            // The first pulse may be the one that ends the frame the task was scheduled in.
            if (++pulses < 2) {
                return;
            }
            stop();
            Runnable task = pending;
            pending = null;
            if (task != null) {
                task.run();
            }
        }
    };

    /** Schedules {@code task}, replacing one still waiting. */
    public void schedule(Runnable task) {
        pending = task;
        pulses = 0;
        timer.start();
    }

    /** Drops the task still waiting, if any. */
    public void cancel() {
        pending = null;
        timer.stop();
    }
}
