// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rationale.core.provider.ProviderException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MalformedReplyTest {

    record Chunk(List<Choice> choices) {
    }

    record Choice(int index, String text) {
    }

    private static ProviderException mapped(String json) throws Exception {
        JsonNode tree = WireJson.MAPPER.readTree(json);
        try {
            WireJson.MAPPER.treeToValue(tree, Chunk.class);
        } catch (JacksonException e) {
            return MalformedReply.fromJson("X", "a chunk", e, tree);
        }
        throw new AssertionError("mapped");
    }

    private static ProviderException parsed(String text) {
        try {
            WireJson.MAPPER.readTree(text);
        } catch (JacksonException e) {
            return MalformedReply.fromJson("X", "a chunk", e, null);
        }
        throw new AssertionError("parsed");
    }

    @Test
    void aValueOfTheWrongTypeIsNamedByItsPathAndWhatCame() throws Exception {
        assertThat(mapped("{\"choices\":[{\"index\":\"one\"}]}").getMessage())
                .isEqualTo("X: a chunk has choices[0].index as the text \"one\", expected a number");
        assertThat(mapped("{\"choices\":[{\"text\":{\"a\":1}}]}").getMessage())
                .isEqualTo("X: a chunk has choices[0].text as an object, expected text");
        assertThat(mapped("{\"choices\":true}").getMessage())
                .isEqualTo("X: a chunk has choices as true, expected an array");
    }

    @Test
    void textThatIsNotJsonSaysWhereWithoutJacksonsCodeNames() {
        ProviderException cut = parsed("{\"choices\":[");
        assertThat(cut.getMessage()).startsWith("X: a chunk is not JSON").doesNotContain("`", "Source", "jackson");
        assertThat(cut.kind()).isEqualTo(ProviderException.Kind.MALFORMED_REPLY);
        assertThat(parsed("[".repeat(1500)).getMessage()).startsWith("X: a chunk is beyond the reader's limits")
                .doesNotContain("`", "StreamReadConstraints");
    }

    @Test
    void valuesAreDescribedInWords() throws Exception {
        assertThat(MalformedReply.describe(WireJson.MAPPER.readTree("null"))).isEqualTo("null");
        assertThat(MalformedReply.describe(WireJson.MAPPER.readTree("[1]"))).isEqualTo("an array");
        assertThat(MalformedReply.describe(WireJson.MAPPER.readTree("12"))).isEqualTo("the number 12");
        assertThat(MalformedReply.describe(WireJson.MAPPER.readTree("\"" + "y".repeat(50) + "\"")))
                .isEqualTo("the text \"" + "y".repeat(40) + "…\"");
    }
}
