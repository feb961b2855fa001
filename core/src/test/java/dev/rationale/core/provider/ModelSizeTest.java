// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelSizeTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "llama3.2:3b, 3000000000",
        "qwen2.5:7b-instruct-q4_K_M, 7000000000",
        "Qwen/Qwen2.5-1.5B-Instruct, 1500000000",
        "Meta-Llama-3.1-70B-Instruct-Q4_K_M.gguf, 70000000000",
        "gemma3:270m, 270000000",
        "gemma-3-27b-it, 27000000000",
        "stories260K.gguf, 260000",
        "tinyllamas/stories15M.bin, 15000000",
        "deepseek-r1:0.5b, 500000000",
        "llama2:13B, 13000000000",
        "qwen2.5-7b-instruct-7B.gguf, 7000000000",
        "mixtral:8x7b, null",
        "Mixtral-8x22B-Instruct-v0.1, null",
        "phi-3-mini-4k-instruct, null",
        "Phi-3-mini-128k-instruct-3.8B, 3800000000",
        "draft-0.5b-target-7b, null",
        "gpt-4.1-mini, null",
        "gpt-4o, null",
        "claude-sonnet-4-5, null",
        "qwen2.5-coder:latest, null",
        "llama-4bit, null",
        "model-q4_K_M, null",
        "hosted, null"})
    void aNameStatesASizeOnlyWhenItCarriesOneUnambiguousCountWithAUnit(String name, Long expected) {
        ModelSize size = ModelSize.fromName(name);

        assertThat(size == null ? null : size.parameters()).isEqualTo(expected);
        if (size != null) {
            assertThat(size.source()).isEqualTo(ModelSize.Source.NAME);
        }
    }

    @ParameterizedTest
    @CsvSource({"260032, 260K", "8190735360, 8.19B", "3200000000, 3.2B", "70000000000, 70B", "135000000, 135M",
        "999500000, 1B", "1234, 1.23K", "12, 12", "1500000000000, 1.5T"})
    void shortCountsKeepThreeSignificantDigits(long parameters, String expected) {
        assertThat(ModelSize.measured(parameters).shortCount()).isEqualTo(expected);
    }

    @Test
    void labelsSayWhenTheNameIsAllTheSizeRestsOn() {
        assertThat(ModelSize.measured(260_032L).label()).isEqualTo("260K params");
        assertThat(ModelSize.reported("3.2B").label()).isEqualTo("3.2B params");
        assertThat(ModelSize.fromName("qwen2.5:7b").label()).isEqualTo("7B params (by name)");
    }

    @Test
    void aModelInfoWithoutASizeFromItsBackendTakesTheOneItsNameStates() {
        assertThat(ModelInfo.named("qwen3:8b").size()).isEqualTo(new ModelSize(8_000_000_000L, ModelSize.Source.NAME));
        assertThat(new ModelInfo("qwen3:8b", ModelSize.reported("8.2B"), null).parameters()).isEqualTo(8_200_000_000L);
        assertThat(ModelInfo.named("gpt-4.1-mini").size()).isNull();
        assertThat(ModelInfo.named("gpt-4.1-mini").parameters()).isNull();
    }

    @Test
    void aSizeIsPositive() {
        assertThatThrownBy(() -> new ModelSize(0, ModelSize.Source.MEASURED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ModelSize.measured(0L)).as("a server's 0 is no count").isNull();
        assertThat(ModelSize.measured((Long) null)).isNull();
    }
}
