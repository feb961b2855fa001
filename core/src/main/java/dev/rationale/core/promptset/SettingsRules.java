// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import org.jspecify.annotations.Nullable;

/** The ranges of generation settings, wherever they appear: the set's defaults, a target, a variant. */
final class SettingsRules {
    private SettingsRules() {
    }

    static void check(@Nullable GenerationSettings settings, String path, Findings findings) {
        if (settings == null) {
            return;
        }
        Double temperature = settings.temperature();
        if (temperature != null && !(temperature >= 0)) {
            findings.error(FieldPath.field(path, "temperature"), "must be 0 or more, got " + format(temperature));
        }
        Double topP = settings.topP();
        if (topP != null && !(topP > 0 && topP <= 1)) {
            findings.error(FieldPath.field(path, "topP"), "must be more than 0 and at most 1, got " + format(topP));
        }
        Integer maxTokens = settings.maxTokens();
        if (maxTokens != null && maxTokens <= 0) {
            findings.error(FieldPath.field(path, "maxTokens"), "must be 1 or more, got " + maxTokens);
        }
        Integer topLogprobs = settings.topLogprobs();
        if (topLogprobs != null && topLogprobs < 0) {
            findings.error(FieldPath.field(path, "topLogprobs"), "must be 0 or more, got " + topLogprobs);
        }
        checkStops(settings, FieldPath.field(path, "stop"), findings);
    }

    private static void checkStops(GenerationSettings settings, String path, Findings findings) {
        for (int i = 0; i < settings.stop().size(); i++) {
            String stop = settings.stop().get(i);
            if (stop == null) {
                findings.error(FieldPath.index(path, i), "expected text, got null");
            } else if (stop.isEmpty()) {
                // An empty stop sequence would end every completion before its first token.
                findings.error(FieldPath.index(path, i), "must not be empty");
            }
        }
    }

    /** A number as the file would show it: {@code 0}, not {@code 0.0}. */
    static String format(double number) {
        return number == Math.rint(number) && !Double.isInfinite(number)
                ? Long.toString((long) number)
                : Double.toString(number);
    }
}
