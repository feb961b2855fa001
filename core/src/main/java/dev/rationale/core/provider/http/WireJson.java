// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping of every provider's wire: record fields in snake_case (the OpenAI records; the other
 * backends build and read trees, which the naming leaves alone), absent settings left out, unknown fields ignored.
 * Configured once and never changed, so it is thread-safe; do not reconfigure it.
 */
public final class WireJson {

    // Buffers pooled across threads rather than per thread (Jackson's default): an evaluation writes each request
    // on a virtual thread of its own, which would otherwise allocate a fresh set of buffers (about 16 KB) each time.
    public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private WireJson() {
    }
}
