// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.EOFException;
import java.io.IOException;
import okio.BufferedSource;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * Reads newline-delimited JSON (Ollama's native stream): one JSON value per line, lines ending in LF or CRLF,
 * blank lines skipped, a last line without a line break still read. Pure; the caller owns the source. Not
 * thread-safe.
 */
public final class NdjsonReader {

    private static final ByteString LINE_FEED = ByteString.encodeUtf8("\n");

    private final BufferedSource source;
    private final ObjectMapper mapper;
    private final long maxBytes;

    public NdjsonReader(BufferedSource source, ObjectMapper mapper) {
        this(source, mapper, SseReader.MAX_EVENT_BYTES);
    }

    /** @param maxBytes the longest line accepted */
    NdjsonReader(BufferedSource source, ObjectMapper mapper, long maxBytes) {
        this.source = source;
        this.mapper = mapper;
        this.maxBytes = maxBytes;
    }

    /**
     * The next value, or null at the end of the stream.
     *
     * @throws JacksonException a line that is not JSON (the server sent something else)
     * @throws EOFException the stream ended in the middle of the last line (a cut connection, not a bad server)
     * @throws dev.rationale.core.provider.ProviderException MALFORMED_REPLY for a line longer than the limit
     *     ({@link SseReader#MAX_EVENT_BYTES})
     * @throws IOException when reading fails
     */
    public @Nullable JsonNode next() throws IOException {
        while (true) {
            long lineFeed = StreamLines.indexOfBreak(source, LINE_FEED, maxBytes);
            boolean terminated = lineFeed >= 0;
            if (!terminated && source.exhausted()) {
                return null;
            }
            String line = terminated ? source.readUtf8(lineFeed) : source.readUtf8();
            if (terminated) {
                source.skip(1);
            }
            if (line.isBlank()) {
                if (!terminated) {
                    return null;
                }
                continue;
            }
            return parse(line, terminated);
        }
    }

    private JsonNode parse(String line, boolean terminated) throws IOException {
        try {
            return mapper.readTree(line);
        } catch (JacksonException e) {
            if (terminated) {
                throw e;
            }
            // An unterminated last line that does not parse was almost certainly cut off mid-value.
            EOFException cut = new EOFException("the stream ended in the middle of a line");
            cut.initCause(e);
            throw cut;
        }
    }
}
