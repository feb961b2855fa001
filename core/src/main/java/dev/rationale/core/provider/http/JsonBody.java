// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import okhttp3.MediaType;
import okhttp3.RequestBody;

/** Request bodies from Jackson-mapped wire records. Bodies are byte arrays, so a retried request can resend them. */
public final class JsonBody {

    public static final MediaType JSON = MediaType.get("application/json");

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
}
