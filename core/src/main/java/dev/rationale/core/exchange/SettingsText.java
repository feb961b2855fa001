// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import dev.rationale.core.promptset.GenerationSettings;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** Generation settings as a person reads them: the file's field names, values written as the file writes them. */
final class SettingsText {
    private SettingsText() {
    }

    /** The settings that are set, by field name, in file order. */
    static Map<String, String> of(GenerationSettings settings) {
        Map<String, String> text = new LinkedHashMap<>();
        if (settings.temperature() != null) {
            text.put("temperature", number(settings.temperature()));
        }
        if (settings.topP() != null) {
            text.put("topP", number(settings.topP()));
        }
        if (settings.maxTokens() != null) {
            text.put("maxTokens", settings.maxTokens().toString());
        }
        if (!settings.stop().isEmpty()) {
            text.put("stop", String.join(", ", settings.stop().stream().map(SettingsText::quoted).toList()));
        }
        if (settings.seed() != null) {
            text.put("seed", settings.seed().toString());
        }
        if (settings.topLogprobs() != null) {
            text.put("topLogprobs", settings.topLogprobs().toString());
        }
        return text;
    }

    /** A number as the file writes it: {@code 1}, {@code 0.25}. */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    // Stop sequences are mostly line breaks and spaces, which only show when escaped.
    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t")
                + "\"";
    }
}
