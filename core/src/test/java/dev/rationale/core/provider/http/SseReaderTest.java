// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okio.Buffer;
import okio.BufferedSink;
import okio.ByteString;
import okio.Okio;
import okio.Pipe;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SseReaderTest {

    /** Records what the reader reports, as readable strings. */
    private static final class Recorder implements SseReader.Listener {
        final List<String> events = new ArrayList<>();
        final List<String> unknown = new ArrayList<>();

        @Override
        public void onEvent(@Nullable String type, String data) {
            events.add((type == null ? "" : type + "|") + data);
        }

        @Override
        public void onUnknownField(String name, String value) {
            unknown.add(name + "=" + value);
        }
    }

    private static Recorder readAll(String stream) throws IOException {
        Recorder recorder = new Recorder();
        new SseReader(new Buffer().writeUtf8(stream)).readAll(recorder);
        return recorder;
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void splitsLinesOnLfCrlfAndLoneCr(String lineBreak) throws IOException {
        String stream = "data: one" + lineBreak + lineBreak + "data: two" + lineBreak + lineBreak;

        assertThat(readAll(stream).events).containsExactly("one", "two");
    }

    @Test
    void handlesMixedLineBreaksInOneStream() throws IOException {
        assertThat(readAll("data: a\r\n\rdata: b\n\r\ndata: c\r\r").events).containsExactly("a", "b", "c");
    }

    @Test
    void joinsMultiLineDataWithLineFeeds() throws IOException {
        assertThat(readAll("data: first\ndata: second\ndata:\n\n").events).containsExactly("first\nsecond\n");
    }

    @Test
    void ignoresCommentsAndKeepAlives() throws IOException {
        String stream = ": OPENROUTER PROCESSING\n\n:\n\ndata: {\"a\":1}\n: keep-alive between fields\n\n";

        assertThat(readAll(stream).events).containsExactly("{\"a\":1}");
    }

    @Test
    void stripsExactlyOneSpaceAfterTheColon() throws IOException {
        assertThat(readAll("data:tight\n\ndata:  two spaces\n\n").events).containsExactly("tight", " two spaces");
    }

    @Test
    void reportsEventTypes() throws IOException {
        String stream = "event: message_start\ndata: {}\n\ndata: untyped\n\nevent:\ndata: empty type\n\n";

        assertThat(readAll(stream).events).containsExactly("message_start|{}", "untyped", "empty type");
    }

    @Test
    void dropsALeadingByteOrderMark() throws IOException {
        Buffer stream = new Buffer().write(ByteString.decodeHex("efbbbf")).writeUtf8("data: x\n\n");
        Recorder recorder = new Recorder();

        new SseReader(stream).readAll(recorder);

        assertThat(recorder.events).containsExactly("x");
    }

    @Test
    void reportsUnknownFieldsAndIgnoresIdAndRetry() throws IOException {
        Recorder recorder = readAll("id: 7\nretry: 1000\nerror: {\"message\":\"boom\"}\nflag\ndata: x\n\n");

        assertThat(recorder.unknown).containsExactly("error={\"message\":\"boom\"}", "flag=");
        assertThat(recorder.events).containsExactly("x");
    }

    @Test
    void doesNotDispatchAnEventWithoutData() throws IOException {
        assertThat(readAll("event: ping\n\ndata: after\n\n").events).containsExactly("after");
    }

    @Test
    void dropsAnEventCutOffByTheEndOfTheStreamAndSaysSo() throws IOException {
        SseReader reader = new SseReader(new Buffer().writeUtf8("data: whole\n\ndata: {\"half\":"));
        Recorder recorder = new Recorder();

        reader.readAll(recorder);

        assertThat(recorder.events).containsExactly("whole");
        assertThat(reader.endedMidEvent()).isTrue();
    }

    @Test
    void dropsTerminatedFieldsWithoutABlankLineAtTheEnd() throws IOException {
        SseReader reader = new SseReader(new Buffer().writeUtf8("data: whole\n\ndata: no blank line\n"));
        Recorder recorder = new Recorder();

        reader.readAll(recorder);

        assertThat(recorder.events).containsExactly("whole");
        assertThat(reader.endedMidEvent()).isTrue();
    }

    @Test
    void saysTheStreamEndedCleanlyAfterABlankLine() throws IOException {
        SseReader reader = new SseReader(new Buffer().writeUtf8("data: x\n\n: bye\n"));

        reader.readAll(new Recorder());

        assertThat(reader.endedMidEvent()).isFalse();
    }

    @Test
    void returnsOneEventPerCallAndFalseAtTheEnd() throws IOException {
        SseReader reader = new SseReader(new Buffer().writeUtf8("data: 1\n\ndata: 2\n\n"));
        Recorder recorder = new Recorder();

        assertThat(reader.next(recorder)).isTrue();
        assertThat(recorder.events).containsExactly("1");
        assertThat(reader.next(recorder)).isTrue();
        assertThat(reader.next(recorder)).isFalse();
        assertThat(recorder.events).containsExactly("1", "2");
    }

    @Test
    void dispatchesOnALoneCrWithoutWaitingForTheNextByte() throws IOException {
        Pipe pipe = new Pipe(1024);
        BufferedSink writer = Okio.buffer(pipe.sink());
        writer.writeUtf8("data: now\r\r").flush();
        SseReader reader = new SseReader(Okio.buffer(pipe.source()));
        Recorder recorder = new Recorder();

        boolean dispatched = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> reader.next(recorder));

        assertThat(dispatched).isTrue();
        assertThat(recorder.events).containsExactly("now");
        writer.close();
    }

    @Test
    void decodesUtf8AcrossTheLine() throws IOException {
        assertThat(readAll("data: ünïcødé 日本 🎉\n\n").events).containsExactly("ünïcødé 日本 🎉");
    }
}
