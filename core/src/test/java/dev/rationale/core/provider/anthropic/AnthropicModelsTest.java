// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.provider.ModelInfo;
import dev.rationale.core.provider.ProviderException;
import org.junit.jupiter.api.Test;

class AnthropicModelsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String singleQuoted) {
        try {
            return JSON.readTree(singleQuoted.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void modelsAreListedByIdInServerOrder() {
        JsonNode reply = json("{'data':[{'type':'model','id':'claude-sonnet-4-5','display_name':'Claude Sonnet 4.5',"
                + "'created_at':'2025-09-29T00:00:00Z'},{'type':'model','id':'claude-haiku-4-5'}],"
                + "'has_more':false,'first_id':'claude-sonnet-4-5','last_id':'claude-haiku-4-5'}");

        assertThat(AnthropicModels.parse(reply))
                .containsExactly(ModelInfo.named("claude-sonnet-4-5"), ModelInfo.named("claude-haiku-4-5"));
        assertThat(AnthropicModels.nextAfterId(reply)).isNull();
    }

    @Test
    void morePagesAreFetchedAfterTheLastId() {
        JsonNode reply = json("{'data':[{'id':'a'}],'has_more':true,'last_id':'a'}");

        assertThat(AnthropicModels.nextAfterId(reply)).isEqualTo("a");
        assertThat(AnthropicModels.path(null)).isEqualTo("/v1/models?limit=1000");
        assertThat(AnthropicModels.path("claude 4")).isEqualTo("/v1/models?limit=1000&after_id=claude+4");
    }

    @Test
    void replyWithoutDataOrIdIsMalformed() {
        assertThatThrownBy(() -> AnthropicModels.parse(json("{'models':[]}")))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.MALFORMED_REPLY));
        assertThatThrownBy(() -> AnthropicModels.parse(json("{'data':[{'type':'model'}]}")))
                .isInstanceOf(ProviderException.class);
    }
}
