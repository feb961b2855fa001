// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the chunks of both OpenAI streams share: choices of one shape per protocol, the usage that a last chunk
 * carries with empty (or null) choices, and the fields that mark an in-band error.
 */
interface StreamChunk<C> {
    @Nullable List<C> choices();

    @Nullable UsageWire usage();

    /** An in-band error where a chunk was expected (vLLM, llama.cpp), else null. */
    @Nullable JsonNode error();

    /** {@code chat.completion.chunk}, or {@code error} for an error object sent as a chunk. */
    @Nullable String object();
}
