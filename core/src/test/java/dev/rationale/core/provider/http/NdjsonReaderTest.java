// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okio.Buffer;
import org.junit.jupiter.api.Test;

class NdjsonReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> readAll(String stream) throws IOException {
        NdjsonReader reader = new NdjsonReader(new Buffer().writeUtf8(stream), JSON);
        List<String> values = new ArrayList<>();
        for (JsonNode value = reader.next(); value != null; value = reader.next()) {
            values.add(value.toString());
        }
        return values;
    }

    @Test
    void readsOneValuePerLine() throws IOException {
        assertThat(readAll("{\"a\":1}\n{\"b\":2}\n")).containsExactly("{\"a\":1}", "{\"b\":2}");
    }

    @Test
    void skipsBlankLinesAndAcceptsCrlf() throws IOException {
        assertThat(readAll("\n{\"a\":1}\r\n\r\n   \n{\"b\":2}\r\n")).containsExactly("{\"a\":1}", "{\"b\":2}");
    }

    @Test
    void readsALastLineWithoutALineBreak() throws IOException {
        assertThat(readAll("{\"a\":1}\n{\"done\":true}")).containsExactly("{\"a\":1}", "{\"done\":true}");
    }

    @Test
    void returnsNullForAnEmptyStream() throws IOException {
        assertThat(readAll("")).isEmpty();
        assertThat(readAll("\n\n  ")).isEmpty();
    }

    @Test
    void reportsALastLineCutMidValueAsTheEndOfTheStream() throws IOException {
        NdjsonReader reader = new NdjsonReader(new Buffer().writeUtf8("{\"a\":1}\n{\"response\":\"hal"), JSON);

        assertThat(reader.next()).isNotNull();
        assertThatThrownBy(reader::next).isInstanceOf(EOFException.class);
    }

    @Test
    void reportsACompleteLineThatIsNotJson() throws IOException {
        NdjsonReader reader = new NdjsonReader(new Buffer().writeUtf8("<html>oops</html>\n"), JSON);

        assertThatThrownBy(reader::next).isInstanceOf(JacksonException.class);
    }
}
