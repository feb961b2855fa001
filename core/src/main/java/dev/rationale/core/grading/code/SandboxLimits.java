// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.code;

import java.time.Duration;

/**
 * The limits of one sandboxed run.
 *
 * @param wallClock how long the run may take before its whole process tree is killed
 * @param memoryMb the address space each process may map, in MiB
 * @param processes how many processes and threads the run may have at once (a fork bomb meets this limit)
 * @param outputBytes how much the run may write to standard output, or to standard error, before it is stopped
 */
public record SandboxLimits(Duration wallClock, int memoryMb, int processes, long outputBytes) {
    /** Enough for a test program's threads and a few helpers, far from what harms a machine. */
    public static final int DEFAULT_PROCESSES = 32;
    public static final long DEFAULT_OUTPUT_BYTES = 1 << 20;

    public SandboxLimits {
        if (wallClock.isNegative() || wallClock.isZero() || memoryMb < 1 || processes < 1 || outputBytes < 1) {
            throw new IllegalArgumentException("sandbox limits must be positive");
        }
    }

    /** The given time and memory with the default process and output limits. */
    public static SandboxLimits of(Duration wallClock, int memoryMb) {
        return new SandboxLimits(wallClock, memoryMb, DEFAULT_PROCESSES, DEFAULT_OUTPUT_BYTES);
    }
}
