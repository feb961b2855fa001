// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.provider.http.WireJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainChatChunkTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"The\"},"
                + "\"finish_reason\":null}]}",
        "{\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}",
        "{\"object\":\"chat.completion.chunk\",\"choices\":[],\"usage\":{\"prompt_tokens\":9,"
                + "\"completion_tokens\":5,\"total_tokens\":14,\"prompt_tokens_details\":{\"cached_tokens\":0},"
                + "\"completion_tokens_details\":{\"reasoning_tokens\":3,\"accepted_prediction_tokens\":0}}}",
        "{\"choices\":null,\"usage\":{\"prompt_tokens\":null,\"completion_tokens_details\":null}}",
        "{\"choices\":[{\"index\":1,\"delta\":{\"reasoning_content\":\"Hm \\u00e9 \\ud83d\\ude00\",\"content\":null}},"
                + "{\"index\":0,\"delta\":{\"reasoning\":\"so\",\"tool_calls\":[{\"id\":\"x\"}]},\"logprobs\":null,"
                + "\"stop_reason\":null}],\"system_fingerprint\":\"fp\",\"error\":null}",
        "{\"choices\":[{\"delta\":null,\"index\":0},{\"index\":2,\"delta\":{\"content\":\"a\"},"
                + "\"delta\":{\"content\":\"b\"}}]}",
        "{}"
    })
    void readsAPlainChunkAsTheMapperDoes(String data) throws Exception {
        ChatCompletionChunk plain = PlainChatChunk.read(data);

        assertThat(plain).isNotNull().isEqualTo(WireJson.MAPPER.readValue(data, ChatCompletionChunk.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"error\":{\"message\":\"overloaded\"}}",
        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"4\"},\"logprobs\":{\"content\":[{\"token\":\"4\","
                + "\"logprob\":-0.1,\"bytes\":[52],\"top_logprobs\":[]}]}}]}",
        "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\",\"stop_reason\":\"\\n\\n\"}]}",
        "{\"choices\":[{\"index\":\"0\",\"delta\":{\"content\":\"a\"}}]}",
        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":5}}]}",
        "{\"choices\":[null]}",
        "{\"choices\":{}}",
        "{\"usage\":{\"prompt_tokens\":1.5}}",
        "{\"object\":7}",
        "[1, 2]",
        "{\"choices\":[{\"index\":0,",
        "not json"
    })
    void leavesAnythingElseToTheMapper(String data) {
        assertThat(PlainChatChunk.read(data)).isNull();
    }
}
