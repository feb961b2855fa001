// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.download;

import java.net.URI;
import java.util.List;

/**
 * The small instruct models offered to a user without any endpoint, smallest first. Each runs on the embedded
 * llama.cpp engine (release v0.4.0; architectures llama, qwen2 and qwen3) on an ordinary laptop CPU.
 *
 * <p>Qwen3 0.6B is pinned to one revision of Qwen's own repository, with its size and SHA-256: the file cannot
 * change under us, and the downloader rejects anything else. The figures were taken from the repository's file
 * listing as quoted, identically, by several independent projects that pin the same file; they could not be
 * re-read from this build machine, which cannot reach Hugging Face. The older models carry no checksum: the
 * downloader then takes the SHA-256 Hugging Face states for the file ({@code X-Linked-Etag}), which catches a
 * damaged or truncated download but not a file replaced upstream.
 */
public final class RecommendedModels {

    private static final String QWEN3_REVISION = "23749fefcc72300e3a2ad315e1317431b06b590a";
    private static final String QWEN3_SHA256 = "9465e63a22add5354d9bb4b99e90117043c7124007664907259bd16d043bb031";
    private static final long QWEN3_SIZE = 639_446_688L;

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
                    "Multilingual, handles structured output; a little slower.",
                    494_000_000L, 491_000_000L,
                    huggingFace("Qwen/Qwen2.5-0.5B-Instruct-GGUF", "qwen2.5-0.5b-instruct-q4_k_m.gguf"),
                    null, "qwen2.5-0.5b-instruct-q4_k_m.gguf"),
            new RecommendedModel("qwen3-0.6b-q8_0", "Qwen3 0.6B",
                    "A current model: reasons in a <think> block before it answers (add /no_think to skip it).",
                    600_000_000L, QWEN3_SIZE,
                    huggingFace("Qwen/Qwen3-0.6B-GGUF", QWEN3_REVISION, "Qwen3-0.6B-Q8_0.gguf"),
                    QWEN3_SHA256, "Qwen3-0.6B-Q8_0.gguf"));

    private RecommendedModels() {
    }

    /** The offered models, smallest first; the list is immutable. */
    public static List<RecommendedModel> all() {
        return ALL;
    }

    private static URI huggingFace(String repository, String file) {
        return huggingFace(repository, "main", file);
    }

    private static URI huggingFace(String repository, String revision, String file) {
        return URI.create("https://huggingface.co/" + repository + "/resolve/" + revision + "/" + file);
    }
}
