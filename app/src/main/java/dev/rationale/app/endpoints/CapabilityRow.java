// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.endpoints;

import dev.rationale.core.provider.Capabilities;
import java.util.List;

/**
 * One line of an endpoint's capabilities as the Endpoints dialog lists them.
 *
 * @param feature what the backend can or cannot do, e.g. "Token probabilities"
 * @param available whether it can
 * @param detail a short qualifier, e.g. "up to 20 alternatives"; empty when there is nothing to add
 */
public record CapabilityRow(String feature, boolean available, String detail) {

    /** The rows for {@code capabilities}, in the order the dialog shows them. */
    public static List<CapabilityRow> of(Capabilities capabilities) {
        int top = capabilities.maxTopLogprobs();
        return List.of(
                new CapabilityRow("Token probabilities", capabilities.logprobs(),
                        top > 0 ? "up to " + top + " alternatives per token" : "none"),
                new CapabilityRow("Chat messages", capabilities.chat(), ""),
                new CapabilityRow("Raw text prompts", capabilities.rawText(), ""),
                new CapabilityRow("Separate reasoning", capabilities.reasoning(), ""),
                new CapabilityRow("Sampling seed", capabilities.seed(), ""),
                new CapabilityRow("Several samples per request (n>1)", capabilities.multipleSamples(), ""),
                new CapabilityRow("Prompt scoring", capabilities.promptLogprobs(), "log-probabilities of given text"),
                new CapabilityRow("Branching", capabilities.branching(), "continue from any chosen token"));
    }
}
