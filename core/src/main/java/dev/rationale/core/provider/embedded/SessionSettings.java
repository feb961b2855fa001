// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

/**
 * How to open a {@link LlamaSession}.
 *
 * @param contextSize the most tokens (prompt and answer) the session holds; its memory grows with it
 * @param threads CPU threads one decode uses
 * @param batchSize the most tokens one decode takes (longer sequences go in several); at most the context size
 */
public record SessionSettings(int contextSize, int threads, int batchSize) {

    /** The batch size used unless one is given: llama.cpp's default micro-batch. */
    public static final int DEFAULT_BATCH = 512;

    public SessionSettings {
        if (contextSize < 1) {
            throw new IllegalArgumentException("the context size must be at least 1, got " + contextSize);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("the batch size must be at least 1, got " + batchSize);
        }
        batchSize = Math.min(batchSize, contextSize);
    }

    /** Settings with the default batch size. */
    public SessionSettings(int contextSize, int threads) {
        this(contextSize, threads, DEFAULT_BATCH);
    }
}
