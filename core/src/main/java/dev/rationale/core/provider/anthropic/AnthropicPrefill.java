// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.anthropic;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which Claude models continue a prefilled assistant reply. Claude 4.6 and later answer such a request with a 400
 * ("does not support assistant message prefill"), so the reply's start goes at the end of the user's turn for them.
 * Read from the model id: {@code claude-sonnet-4-5}, {@code claude-opus-4-6-20260101}, {@code claude-3-5-haiku}.
 */
final class AnthropicPrefill {
    // Family-first ids (claude-opus-4-6) and version-first ids (claude-3-5-sonnet); the minor is optional.
    private static final Pattern VERSION = Pattern.compile(
            "claude-(?:(?:opus|sonnet|haiku)-)?(\\d+)(?:[-.](\\d{1,2}))?(?![0-9])");

    private AnthropicPrefill() {
    }

    /** Whether {@code model} continues a last assistant message; true for an id that names no version. */
    static boolean accepted(String model) {
        Matcher version = VERSION.matcher(model.toLowerCase(Locale.ROOT));
        if (!version.find()) {
            return true;
        }
        int major = Integer.parseInt(version.group(1));
        int minor = version.group(2) == null ? 0 : Integer.parseInt(version.group(2));
        return major < 4 || (major == 4 && minor < 6);
    }
}
