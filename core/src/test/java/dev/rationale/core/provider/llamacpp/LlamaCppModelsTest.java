// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.provider.ModelInfo;
import dev.rationale.core.provider.ModelSize;
import dev.rationale.core.provider.ProviderException;
import org.junit.jupiter.api.Test;

class LlamaCppModelsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void loadedModelComesWithParameterCountAndTrainingContext() throws Exception {
        String reply = "{\"object\":\"list\",\"data\":[{\"id\":\"qwen3-8b-q4_k_m.gguf\",\"object\":\"model\","
                + "\"created\":1767600000,\"owned_by\":\"llamacpp\",\"meta\":{\"vocab_type\":2,\"n_vocab\":151936,"
                + "\"n_ctx_train\":40960,\"n_embd\":4096,\"n_params\":8190735360,\"size\":5027783488}}]}";

        assertThat(LlamaCppModels.parse(JSON.readTree(reply)))
                .containsExactly(new ModelInfo("qwen3-8b-q4_k_m.gguf", ModelSize.measured(8_190_735_360L), 40960));
    }

    @Test
    void routerModeModelsWithoutMetaHaveUnknownSizes() throws Exception {
        String reply = "{\"data\":[{\"id\":\"a\"},{\"id\":\"b\",\"meta\":null}]}";

        assertThat(LlamaCppModels.parse(JSON.readTree(reply)))
                .containsExactly(ModelInfo.named("a"), ModelInfo.named("b"));
    }

    @Test
    void replyWithoutDataArrayIsMalformed() {
        assertThatThrownBy(() -> LlamaCppModels.parse(JSON.readTree("{\"models\":[]}")))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.MALFORMED_REPLY));
    }
}
