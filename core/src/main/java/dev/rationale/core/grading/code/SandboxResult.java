// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.code;

/**
 * How a sandboxed run ended and what it wrote.
 *
 * @param ending why it ended
 * @param exitCode the process's exit code; -1 when it was killed
 * @param stdout what it wrote to standard output, up to the output limit
 * @param stderr what it wrote to standard error, up to the output limit
 * @param scratch the scratch folder it ran in, deleted by the time this is returned
 */
public record SandboxResult(Ending ending, int exitCode, String stdout, String stderr, java.nio.file.Path scratch) {

    /** Why a run ended. */
    public enum Ending {
        /** The program exited by itself. */
        EXITED,
        /** The wall-clock limit passed and the process tree was killed. */
        TIMED_OUT,
        /** The program wrote more than the output limit and the process tree was killed. */
        OUTPUT_LIMIT
    }
}
