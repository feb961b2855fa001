// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads a token's {@code bytes} array as servers send it (Ollama, llama.cpp): integers 0..255, or absent. */
public final class TokenBytesJson {
    private TokenBytesJson() {
    }

    /**
     * @param backend how the error message names the server
     * @throws ProviderException MALFORMED_REPLY when the value is not an array of bytes
     */
    public static List<Integer> read(JsonNode bytes, String backend) {
        if (bytes.isMissingNode() || bytes.isNull()) {
            return List.of();
        }
        if (!bytes.isArray()) {
            throw malformed(backend, "token bytes are not an array: " + bytes);
        }
        List<Integer> values = new ArrayList<>(bytes.size());
        for (JsonNode b : bytes) {
            if (!b.isIntegralNumber() || !b.canConvertToInt() || b.intValue() < 0 || b.intValue() > 255) {
                throw malformed(backend, "token byte out of range 0..255: " + b);
            }
            values.add(b.intValue());
        }
        return values;
    }

    private static ProviderException malformed(String backend, String detail) {
        return new ProviderException(ProviderException.Kind.MALFORMED_REPLY, backend + ": " + detail);
    }
}
