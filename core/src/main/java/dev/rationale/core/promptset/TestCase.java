// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Inputs to ask the model about, with the expected final answer when one is known. */
@JsonPropertyOrder({"id", "inputs", "expected"})
public record TestCase(@Nullable String id, Map<String, String> inputs, @Nullable String expected) {

    public TestCase {
        inputs = Lists.copyOf(inputs);
    }

    public static TestCase of(Map<String, String> inputs) {
        return new TestCase(null, inputs, null);
    }
}
