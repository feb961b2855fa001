// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.provider.ProviderException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.function.Function;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * The {@code data:} payloads of an SSE stream, one per call, for protocols that ignore event names. Blank payloads
 * are skipped. Older llama.cpp builds report a failure after HTTP 200 in a non-standard {@code error:} field
 * rather than in the data; that field is parsed (as JSON, else as text, unwrapping an {@code {"error": …}}
 * envelope) and thrown as the failure {@code errorField} makes of it. Other unknown fields are logged and ignored.
 * Not thread-safe.
 */
public final class SseDataReader {

    private static final System.Logger LOG = System.getLogger(SseDataReader.class.getName());

    private final SseReader reader;
    private final ObjectMapper mapper;
    private final Function<JsonNode, ProviderException> errorField;
    private final Capture capture = new Capture();

    /**
     * @param errorField the failure an {@code error:} field's value describes
     */
    public SseDataReader(BufferedSource source, ObjectMapper mapper,
            Function<JsonNode, ProviderException> errorField) {
        this.reader = new SseReader(source);
        this.mapper = mapper;
        this.errorField = errorField;
    }

    /**
     * The next non-blank payload, or null when the stream ended.
     *
     * @throws ProviderException the failure of an {@code error:} field
     * @throws IOException when reading fails
     */
    public @Nullable String next() throws IOException {
        while (reader.next(capture)) {
            String data = capture.data;
            capture.data = null;
            if (data != null && !data.isBlank()) {
                return data;
            }
        }
        return null;
    }

    private final class Capture implements SseReader.Listener {
        private @Nullable String data;

        @Override
        public void onEvent(@Nullable String type, String eventData) {
            data = eventData;
        }

        @Override
        public void onUnknownField(String name, String value) {
            if (!name.equals("error")) {
                LOG.log(Level.DEBUG, () -> "ignored SSE field \"" + name + "\"");
                return;
            }
            JsonNode error;
            try {
                error = mapper.readTree(value);
            } catch (IOException e) {
                error = mapper.getNodeFactory().textNode(value);
            }
            throw errorField.apply(error.has("error") ? error.get("error") : error);
        }
    }
}
