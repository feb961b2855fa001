// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnthropicPrefillTest {

    @ParameterizedTest
    @CsvSource({
        "claude-3-5-sonnet-20241022, true",
        "claude-3-7-sonnet-latest, true",
        "claude-3-opus-20240229, true",
        "claude-sonnet-4-5, true",
        "claude-haiku-4-5-20251001, true",
        "claude-opus-4-20250514, true",
        "claude-opus-4-1, true",
        "claude-opus-4-6, false",
        "claude-opus-4-6-20260101, false",
        "claude-sonnet-4-7-20260415, false",
        "Claude-Sonnet-4.7, false",
        "claude-opus-5, false",
        "claude-opus-5-1-20270101, false",
        "my-fine-tuned-model, true",
        "claude-instant, true"
    })
    void prefillIsTakenBeforeClaude46AndByAModelWhoseVersionIsUnknown(String model, boolean accepted) {
        assertThat(AnthropicPrefill.accepted(model)).isEqualTo(accepted);
    }
}
