// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.download;

import java.net.URI;
import java.util.List;

/**
 * The small instruct models offered to a user without any endpoint, smallest first. Each runs on the embedded
 * llama.cpp engine (release v0.4.0; architectures llama and qwen2) on an ordinary laptop CPU.
 *
 * <p>No checksums are pinned: they were not available when the list was written. The downloader then takes the
 * SHA-256 Hugging Face states for the file ({@code X-Linked-Etag}), which catches a damaged or truncated download
 * but not a file replaced upstream. Pin a value here once it has been read from the model page.
 */
public final class RecommendedModels {

    private static final List<RecommendedModel> ALL = List.of(
            new RecommendedModel("smollm2-135m-instruct-q8_0", "SmolLM2 135M Instruct",
                    "Tiny and fast; good for trying the tool, weak at following complex instructions.",
                    135_000_000L, 145_000_000L,
                    huggingFace("bartowski/SmolLM2-135M-Instruct-GGUF", "SmolLM2-135M-Instruct-Q8_0.gguf"),
                    null, "SmolLM2-135M-Instruct-Q8_0.gguf"),
            new RecommendedModel("smollm2-360m-instruct-q8_0", "SmolLM2 360M Instruct",
                    "Still quick on any CPU and noticeably better at short answers and simple tasks.",
                    362_000_000L, 386_000_000L,
                    huggingFace("bartowski/SmolLM2-360M-Instruct-GGUF", "SmolLM2-360M-Instruct-Q8_0.gguf"),
                    null, "SmolLM2-360M-Instruct-Q8_0.gguf"),
            new RecommendedModel("qwen2.5-0.5b-instruct-q4_k_m", "Qwen2.5 0.5B Instruct",
                    "The most capable of the three: multilingual, handles structured output; a little slower.",
                    494_000_000L, 491_000_000L,
                    huggingFace("Qwen/Qwen2.5-0.5B-Instruct-GGUF", "qwen2.5-0.5b-instruct-q4_k_m.gguf"),
                    null, "qwen2.5-0.5b-instruct-q4_k_m.gguf"));

    private RecommendedModels() {
    }

    /** The offered models, smallest first; the list is immutable. */
    public static List<RecommendedModel> all() {
        return ALL;
    }

    private static URI huggingFace(String repository, String file) {
        return URI.create("https://huggingface.co/" + repository + "/resolve/main/" + file);
    }
}
