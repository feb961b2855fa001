// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.http;

import java.io.IOException;
import okio.BufferedSource;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * Reads Server-Sent Events from a byte stream by the WHATWG rules: lines end in LF, CRLF or a lone CR; a leading
 * UTF-8 BOM is dropped; lines starting with {@code :} are comments (keep-alives) and ignored; {@code field: value}
 * loses exactly one space after the colon, and a line without a colon is a field with an empty value; several
 * {@code data} lines are joined with {@code \n}; a blank line dispatches the event, unless it has no data.
 * {@code id} and {@code retry} are read and ignored (a completion cannot be resumed); other fields go to
 * {@link Listener#onUnknownField}, because some servers put errors there (old llama.cpp's {@code error:} line).
 *
 * <p>At the end of the stream an event that was not closed by a blank line is dropped, as the spec says;
 * {@link #endedMidEvent()} then tells the caller the stream was probably cut. A line or an event's data longer than
 * {@link #MAX_EVENT_BYTES} is a MALFORMED_REPLY {@link dev.rationale.core.provider.ProviderException}, read no
 * further. Pure: no threads, no I/O of its own
 * beyond reading the given source, which the caller owns and closes. Not thread-safe.
 */
public final class SseReader {

    /** Receives what the reader finds, on the reading thread. */
    public interface Listener {
        /**
         * One event.
         *
         * @param type the {@code event:} name, or null when none was given (the spec's default "message")
         * @param data the joined {@code data:} lines, without the final line break
         */
        void onEvent(@Nullable String type, String data);

        /** A field the SSE spec does not define. Ignored unless overridden. */
        default void onUnknownField(String name, String value) {
        }
    }

    private static final ByteString LINE_BREAKS = ByteString.encodeUtf8("\r\n");
    private static final ByteString BOM = ByteString.decodeHex("efbbbf");

    /** The longest line or event read, in bytes; far above any real event, well below exhausting the heap. */
    public static final long MAX_EVENT_BYTES = 32L * 1024 * 1024;

    private final BufferedSource source;
    private final long maxBytes;
    private final StringBuilder data = new StringBuilder();
    private @Nullable String type;
    private boolean started;
    private boolean skipLineFeed;
    private boolean midEvent;

    public SseReader(BufferedSource source) {
        this(source, MAX_EVENT_BYTES);
    }

    /** @param maxBytes the longest line, and the most data in one event, accepted */
    SseReader(BufferedSource source, long maxBytes) {
        this.source = source;
        this.maxBytes = maxBytes;
    }

    /**
     * Reads until the next event is dispatched to {@code listener} (true) or the stream ends (false). Comments,
     * unknown fields and data-less events are consumed on the way.
     *
     * @throws IOException when reading fails (a cut connection, a cancelled call)
     */
    public boolean next(Listener listener) throws IOException {
        if (!started) {
            started = true;
            if (source.rangeEquals(0, BOM)) {
                source.skip(BOM.size());
            }
        }
        for (String line = readLine(); line != null; line = readLine()) {
            if (line.isEmpty()) {
                if (dispatch(listener)) {
                    return true;
                }
            } else {
                field(line, listener);
            }
        }
        return false;
    }

    /** Reads every event to the end of the stream. */
    public void readAll(Listener listener) throws IOException {
        boolean more = true;
        while (more) {
            more = next(listener);
        }
    }

    /** Whether the stream ended inside an event (fields or an unterminated line after the last blank line). */
    public boolean endedMidEvent() {
        return midEvent;
    }

    private @Nullable String readLine() throws IOException {
        if (skipLineFeed) {
            // The previous line ended in CR. Checked only now, when a next line is wanted anyway, so that a lone
            // CR dispatches at once instead of waiting for a byte that may not come for minutes.
            skipLineFeed = false;
            if (source.request(1) && source.getBuffer().getByte(0) == '\n') {
                source.skip(1);
            }
        }
        long end = StreamLines.indexOfBreak(source, LINE_BREAKS, maxBytes);
        if (end < 0) {
            if (!source.exhausted()) {
                source.readUtf8();
                midEvent = true;
            }
            return null;
        }
        String line = source.readUtf8(end);
        skipLineFeed = source.readByte() == '\r';
        return line;
    }

    private void field(String line, Listener listener) {
        if (line.startsWith(":")) {
            return;
        }
        midEvent = true;
        int colon = line.indexOf(':');
        String name = colon < 0 ? line : line.substring(0, colon);
        String value = "";
        if (colon >= 0) {
            int start = line.startsWith(" ", colon + 1) ? colon + 2 : colon + 1;
            value = line.substring(start);
        }
        switch (name) {
            case "data" -> {
                if (data.length() + value.length() > maxBytes) {
                    throw StreamLines.tooLong("an event", maxBytes);
                }
                data.append(value).append('\n');
            }
            case "event" -> type = value;
            case "id", "retry" -> {
                // Reconnection state; a completion stream is never resumed, so both are dropped.
            }
            default -> listener.onUnknownField(name, value);
        }
    }

    private boolean dispatch(Listener listener) {
        midEvent = false;
        if (data.isEmpty()) {
            type = null;
            return false;
        }
        String payload = data.substring(0, data.length() - 1);
        String name = type == null || type.isEmpty() ? null : type;
        data.setLength(0);
        type = null;
        listener.onEvent(name, payload);
        return true;
    }
}
