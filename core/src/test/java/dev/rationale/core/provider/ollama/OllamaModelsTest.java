// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.provider.ModelInfo;
import dev.rationale.core.provider.ModelSize;
import dev.rationale.core.provider.ProviderException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OllamaModelsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void tagsBecomeModelsInServerOrderWithParameterCounts() throws Exception {
        String tags = "{\"models\":["
                + "{\"name\":\"llama3.2:latest\",\"model\":\"llama3.2:latest\",\"size\":2019393189,\"digest\":\"a80c\","
                + "\"details\":{\"family\":\"llama\",\"parameter_size\":\"3.2B\",\"quantization_level\":\"Q4_K_M\"}},"
                + "{\"name\":\"gemma3:270m\",\"details\":{\"parameter_size\":\"270M\"}},"
                + "{\"name\":\"custom:latest\",\"details\":{}},"
                + "{\"model\":\"only-model-field:1b\"}]}";

        assertThat(OllamaModels.parse(JSON.readTree(tags))).containsExactly(
                new ModelInfo("llama3.2:latest", new ModelSize(3_200_000_000L, ModelSize.Source.REPORTED), null),
                new ModelInfo("gemma3:270m", new ModelSize(270_000_000L, ModelSize.Source.REPORTED), null),
                new ModelInfo("custom:latest", null, null),
                new ModelInfo("only-model-field:1b", new ModelSize(1_000_000_000L, ModelSize.Source.NAME), null));
        assertThat(OllamaModels.parse(JSON.readTree(tags)).get(2).size()).isNull();
    }

    @Test
    void noModelsInstalledIsAnEmptyList() throws Exception {
        assertThat(OllamaModels.parse(JSON.readTree("{\"models\":[]}"))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {"3.2B, 3200000000", "270M, 270000000", "8.0B, 8000000000",
            "1.5T, 1500000000000", "137k, 137000", "7 B, 7000000000", "'', null", "unknown, null", "8x7B, null"})
    void parameterSizeIsParsedWhenItIsANumberWithAUnit(String size, Long expected) {
        ModelSize reported = ModelSize.reported(size);
        assertThat(reported == null ? null : reported.parameters()).isEqualTo(expected);
    }

    @Test
    void replyWithoutModelsArrayIsMalformed() {
        assertThatThrownBy(() -> OllamaModels.parse(JSON.readTree("{\"error\":\"nope\"}")))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.MALFORMED_REPLY));
    }
}
