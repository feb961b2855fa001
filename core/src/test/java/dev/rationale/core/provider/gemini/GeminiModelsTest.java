// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.provider.ModelInfo;
import dev.rationale.core.provider.ProviderException;
import org.junit.jupiter.api.Test;

class GeminiModelsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String singleQuoted) {
        try {
            return JSON.readTree(singleQuoted.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void generatingModelsAreListedWithoutPrefixAndWithInputLimit() {
        JsonNode reply = json("{'models':[{'name':'models/gemini-2.5-flash','displayName':'Gemini 2.5 Flash',"
                + "'inputTokenLimit':1048576,'outputTokenLimit':65536,"
                + "'supportedGenerationMethods':['generateContent','countTokens']},"
                + "{'name':'models/text-embedding-004','inputTokenLimit':2048,"
                + "'supportedGenerationMethods':['embedContent']},"
                + "{'name':'models/gemini-next'}]}");

        assertThat(GeminiModels.parse(reply)).containsExactly(new ModelInfo("gemini-2.5-flash", null, 1048576),
                ModelInfo.named("gemini-next"));
        assertThat(GeminiModels.nextPageToken(reply)).isNull();
    }

    @Test
    void nextPageIsFetchedWithItsToken() {
        JsonNode reply = json("{'models':[],'nextPageToken':'Ch1/tok='}");

        assertThat(GeminiModels.nextPageToken(reply)).isEqualTo("Ch1/tok=");
        assertThat(GeminiModels.path(null)).isEqualTo("/models?pageSize=1000");
        assertThat(GeminiModels.path("Ch1/tok=")).isEqualTo("/models?pageSize=1000&pageToken=Ch1%2Ftok%3D");
    }

    @Test
    void replyWithoutModelsOrNameIsMalformed() {
        assertThatThrownBy(() -> GeminiModels.parse(json("{'data':[]}")))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.MALFORMED_REPLY));
        assertThatThrownBy(() -> GeminiModels.parse(json("{'models':[{'inputTokenLimit':1}]}")))
                .isInstanceOf(ProviderException.class);
    }
}
