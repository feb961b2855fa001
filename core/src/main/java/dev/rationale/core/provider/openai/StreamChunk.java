// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.openai;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the chunks of both OpenAI streams share: choices of one shape per protocol, and the usage that a last chunk
 * carries with empty (or null) choices.
 */
interface StreamChunk<C> {
    @Nullable List<C> choices();

    @Nullable UsageWire usage();
}
