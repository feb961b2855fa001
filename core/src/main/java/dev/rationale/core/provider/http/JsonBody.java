// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import okhttp3.MediaType;
import okhttp3.RequestBody;

/** Request bodies from Jackson-mapped wire records. Bodies are byte arrays, so a retried request can resend them. */
public final class JsonBody {

    public static final MediaType JSON = MediaType.get("application/json");

    /**
     * A wire record that writes its own JSON through a generator: for the bodies sent once per completion of an
     * evaluation, where the mapper's reflective walk over the record's fields costs more than the request's HTTP
     * exchange in a JVM that has not compiled it yet. It writes exactly what {@link WireJson#MAPPER} would.
     */
    public interface Written {
        void writeTo(JsonGenerator json) throws IOException;
    }

    private JsonBody() {
    }

    /** {@code value} as a JSON request body. */
    public static RequestBody of(ObjectMapper mapper, Object value) {
        try {
            return RequestBody.create(mapper.writeValueAsBytes(value), JSON);
        } catch (JsonProcessingException e) {
            // Our own wire records always serialise; failing here is a bug, not a condition to handle.
            throw new UncheckedIOException("cannot write the request body", e);
        }
    }

    /** {@code value}'s own JSON as a request body. */
    public static RequestBody of(Written value) {
        return RequestBody.create(bytes(value), JSON);
    }

    /**
     * The bytes of {@code value} as {@link WireJson#MAPPER} writes it: what it adds to a request body, e.g. to keep
     * a batch within a provider's size limit.
     */
    public static long length(Object value) {
        try {
            return WireJson.MAPPER.writeValueAsBytes(value).length;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the request body", e);
        }
    }

    /** {@code value}'s own JSON, in the generator settings of {@link WireJson#MAPPER}. */
    public static byte[] bytes(Written value) {
        try (ByteArrayBuilder bytes = new ByteArrayBuilder()) {
            try (JsonGenerator json = WireJson.MAPPER.getFactory().createGenerator(bytes)) {
                value.writeTo(json);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the request body", e);
        }
    }
}
