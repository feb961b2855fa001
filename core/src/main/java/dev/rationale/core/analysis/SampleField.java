// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.analysis;

/** Which string of a {@link dev.rationale.core.provider.CompletionResult.Sample} a {@link Passage} lies in. */
public enum SampleField {
    /** {@code Sample.reasoning()}: reasoning the backend kept apart from the answer. */
    REASONING,
    /** {@code Sample.text()}: the answer text, which may hold its own reasoning before the final answer. */
    TEXT
}
