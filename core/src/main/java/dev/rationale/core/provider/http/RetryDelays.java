// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/** Reads how long a server asks to be left alone, from its headers or (Gemini) its error body. */
final class RetryDelays {

    // Gemini: "details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"37s"}]
    private static final Pattern GOOGLE_RETRY_DELAY = Pattern.compile("\"retryDelay\"\\s*:\\s*\"(\\d+(?:\\.\\d+)?)s\"");

    private final Clock clock;

    RetryDelays(Clock clock) {
        this.clock = clock;
    }

    /** The server's requested wait (never negative), or null when it named none that can be read. */
    @Nullable Duration serverDelay(Headers headers, String body) {
        Duration ms = millis(headers.get("retry-after-ms"));
        if (ms != null) {
            return ms;
        }
        String retryAfter = headers.get("retry-after");
        if (retryAfter != null) {
            Duration seconds = seconds(retryAfter.strip());
            if (seconds != null) {
                return seconds;
            }
            Date date = headers.getDate("retry-after");
            if (date != null) {
                Duration until = Duration.between(clock.instant(), Instant.ofEpochMilli(date.getTime()));
                return until.isNegative() ? Duration.ZERO : until;
            }
        }
        Matcher google = GOOGLE_RETRY_DELAY.matcher(body);
        return google.find() ? seconds(google.group(1)) : null;
    }

    /** Whether a response with this status is worth repeating: 408, 409, 429 and 5xx. */
    static boolean isRetriableStatus(int code) {
        return code == 408 || code == 409 || code == 429 || (code >= 500 && code <= 599);
    }

    /**
     * Whether the server said not to repeat the request ({@code x-should-retry: false}) or a 429 says the quota is
     * spent ({@code body} is the start of the error body, or "" when not read).
     */
    static boolean refusesRetry(Headers headers, int code, String body) {
        return "false".equalsIgnoreCase(headers.get("x-should-retry")) || code == 429 && isQuotaExhausted(body);
    }

    /**
     * Whether a 429 body says the account is out of credit or over a spend limit (OpenAI {@code insufficient_quota},
     * Anthropic {@code enforced_spend_limit_reached}): no wait fixes that.
     */
    static boolean isQuotaExhausted(String body) {
        return body.contains("insufficient_quota") || body.contains("enforced_spend_limit_reached");
    }

    private static @Nullable Duration millis(@Nullable String value) {
        Double number = number(value);
        return number == null ? null : Duration.ofNanos(Math.round(number * 1_000_000));
    }

    private static @Nullable Duration seconds(@Nullable String value) {
        Double number = number(value);
        return number == null ? null : Duration.ofNanos(Math.round(number * 1_000_000_000));
    }

    private static @Nullable Double number(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            double number = Double.parseDouble(value.strip());
            return Double.isFinite(number) && number >= 0 ? number : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
