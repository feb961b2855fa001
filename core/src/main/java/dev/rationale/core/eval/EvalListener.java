// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

/**
 * Hears each completion as soon as it is on disk, on the runner's worker threads (several at once): keep it quick
 * and thread-safe, and hand over to the UI thread yourself. An exception thrown here stops the run.
 */
@FunctionalInterface
public interface EvalListener {
    void finished(SampleRecord record);

    EvalListener NONE = record -> { };
}
