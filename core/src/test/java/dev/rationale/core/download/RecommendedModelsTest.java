// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecommendedModelsTest {
    private static final URI URL = URI.create("https://huggingface.co/o/r/resolve/main/m.gguf");

    @Test
    void offersAFewSmallGgufModelsFromHuggingFaceSmallestFirst() {
        List<RecommendedModel> models = RecommendedModels.all();

        assertThat(models).hasSizeBetween(3, 5);
        assertThat(models).extracting(RecommendedModel::id).doesNotHaveDuplicates();
        assertThat(models).extracting(RecommendedModel::parameters).isSorted();
        assertThat(models).allSatisfy(model -> {
            assertThat(model.fileName()).endsWith(".gguf");
            assertThat(model.url().toString()).startsWith("https://huggingface.co/")
                    .contains("/resolve/").endsWith("/" + model.fileName());
            assertThat(model.sizeBytes()).isBetween(50_000_000L, 1_000_000_000L);
            assertThat(model.displayName()).isNotBlank();
            assertThat(model.description()).isNotBlank();
        });
        assertThat(models).extracting(RecommendedModel::fileName).contains("SmolLM2-135M-Instruct-Q8_0.gguf",
                "qwen2.5-0.5b-instruct-q4_k_m.gguf");
    }

    @Test
    void offersACurrentQwen3PinnedToOneRevisionWithItsSizeAndChecksum() {
        RecommendedModel qwen3 = RecommendedModels.all().stream()
                .filter(model -> model.fileName().equals("Qwen3-0.6B-Q8_0.gguf")).findFirst().orElseThrow();

        // A pinned revision, not "main": the checksum describes exactly one file.
        assertThat(qwen3.url().getPath())
                .matches("/Qwen/Qwen3-0\\.6B-GGUF/resolve/[0-9a-f]{40}/Qwen3-0\\.6B-Q8_0\\.gguf");
        assertThat(qwen3.sha256()).hasSize(64);
        assertThat(qwen3.sizeBytes()).isEqualTo(639_446_688L);
    }

    @Test
    void theListCannotBeChanged() {
        assertThatThrownBy(() -> RecommendedModels.all().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aGivenChecksumIsKeptInLowerCase() {
        String hash = "ABCDEF0123456789".repeat(4);

        RecommendedModel model = new RecommendedModel("m", "M", "d", 1, 1, URL, hash, "m.gguf");

        assertThat(model.sha256()).isEqualTo(hash.toLowerCase());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../m.gguf", "dir/m.gguf", "dir\\m.gguf", ".m.gguf", " "})
    void aFileNameMustBeAPlainName(String fileName) {
        assertThatThrownBy(() -> new RecommendedModel("m", "M", "d", 1, 1, URL, null, fileName))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aChecksumMustBeSixtyFourHexDigits() {
        assertThatThrownBy(() -> new RecommendedModel("m", "M", "d", 1, 1, URL, "abc", "m.gguf"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
