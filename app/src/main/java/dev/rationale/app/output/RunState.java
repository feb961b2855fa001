// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.output;

/** Where a run stands; views switch on it rather than on several booleans. */
public enum RunState {
    /** Nothing has run yet. */
    IDLE,
    /** Sent; events are arriving. */
    RUNNING,
    /** Ended normally. */
    COMPLETED,
    /** Stopped by the user; what arrived stays. */
    CANCELLED,
    /** Ended in failure; what arrived stays. */
    FAILED;

    public boolean isRunning() {
        return this == RUNNING;
    }
}
