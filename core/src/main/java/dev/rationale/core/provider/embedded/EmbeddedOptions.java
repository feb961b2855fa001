// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * How the embedded engine runs.
 *
 * @param modelsDirectory where {@link EmbeddedProvider#listModels} looks for {@code *.gguf} files, and what a
 *     relative model name is resolved against
 * @param contextSize tokens per context (prompt and answer together); null for the model's trained context
 *     length, capped at {@value #DEFAULT_CONTEXT_CAP}
 * @param threads CPU threads each generation uses
 * @param parallelism how many generations are in progress at once, their decodes taking turns; each holds its
 *     own context (memory grows with contextSize)
 */
public record EmbeddedOptions(Path modelsDirectory, @Nullable Integer contextSize, int threads, int parallelism) {

    /** The largest context chosen by default, to keep a context's F32 cache small on big models. */
    public static final int DEFAULT_CONTEXT_CAP = 4096;

    public EmbeddedOptions {
        if (contextSize != null && contextSize < 2) {
            throw new IllegalArgumentException("the context size must be at least 2 tokens, got " + contextSize);
        }
        if (threads < 1 || parallelism < 1) {
            throw new IllegalArgumentException("threads and parallelism must be at least 1");
        }
    }

    /**
     * The defaults: the model's own context length (at most 4,096), half the CPU cores (at most 4 threads), and
     * one generation at a time. The library computes one decode at a time in any case (see LlamaApi), so more
     * generations would only interleave, each holding a context of its own.
     */
    public static EmbeddedOptions defaults(Path modelsDirectory) {
        int cores = Runtime.getRuntime().availableProcessors();
        int threads = Math.clamp(cores / 2, 1, 4);
        return new EmbeddedOptions(modelsDirectory, null, threads, 1);
    }

    public EmbeddedOptions withContextSize(@Nullable Integer tokens) {
        return new EmbeddedOptions(modelsDirectory, tokens, threads, parallelism);
    }

    public EmbeddedOptions withThreads(int newThreads) {
        return new EmbeddedOptions(modelsDirectory, contextSize, newThreads, parallelism);
    }

    public EmbeddedOptions withParallelism(int generations) {
        return new EmbeddedOptions(modelsDirectory, contextSize, threads, generations);
    }
}
