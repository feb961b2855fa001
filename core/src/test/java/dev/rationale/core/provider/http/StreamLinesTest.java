// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rationale.core.provider.ProviderException;
import java.util.ArrayList;
import java.util.List;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** The stream readers' limit on one line or event, so a server cannot fill the heap with one endless line. */
class StreamLinesTest {

    private static List<String> events(String body, long limit) throws Exception {
        SseReader reader = new SseReader(new Buffer().writeUtf8(body), limit);
        List<String> data = new ArrayList<>();
        reader.readAll((type, payload) -> data.add(payload));
        return data;
    }

    @Test
    void anSseLineUpToTheLimitIsRead() throws Exception {
        assertThat(events("data: " + "x".repeat(94) + "\n\n", 100)).containsExactly("x".repeat(94));
    }

    @Test
    void anSseLineOverTheLimitIsMalformedAndNotReadFurther() {
        assertThatThrownBy(() -> events("data: " + "x".repeat(200) + "\n\n", 100))
                .isInstanceOf(ProviderException.class)
                .hasMessage("the stream has a line longer than 100 bytes; it was not read further")
                .extracting(e -> ((ProviderException) e).kind()).isEqualTo(ProviderException.Kind.MALFORMED_REPLY);
    }

    @Test
    void anSseLineWithoutABreakOverTheLimitIsMalformedToo() {
        assertThatThrownBy(() -> events("data: " + "x".repeat(20_000), 100)).isInstanceOf(ProviderException.class)
                .hasMessageContaining("longer than 100 bytes");
    }

    @Test
    void anSseEventWhoseDataLinesAddUpOverTheLimitIsMalformed() {
        assertThatThrownBy(() -> events(("data: " + "x".repeat(40) + "\n").repeat(5) + "\n", 100))
                .isInstanceOf(ProviderException.class)
                .hasMessage("the stream has an event longer than 100 bytes; it was not read further");
    }

    @Test
    void anNdjsonLineOverTheLimitIsMalformed() throws Exception {
        NdjsonReader reader = new NdjsonReader(new Buffer().writeUtf8("{\"a\":1}\n{\"b\":\"" + "x".repeat(200)
                + "\"}\n"), WireJson.MAPPER, 100);
        assertThat(reader.next()).isNotNull();
        assertThatThrownBy(reader::next).isInstanceOf(ProviderException.class)
                .hasMessageContaining("a line longer than 100 bytes");
    }
}
