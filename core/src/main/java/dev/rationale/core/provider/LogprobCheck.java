// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * The one reading of a token's log-probability (or probability) as a server sends it. Placeholders mean
 * "unknown" and become null: {@code null}, a non-finite value, and anything at or below {@link #PLACEHOLDER}
 * (OpenAI's and vLLM's {@code -9999} for "outside the top 20", llama.cpp's most negative float for zero; a
 * float softmax bottoms out near -104). A value that cannot be a log-probability, text or one above zero (a
 * probability over 1) beyond rounding, is a MALFORMED_REPLY naming the value. Pure and thread-safe.
 */
public final class LogprobCheck {

    /** At or below this a logprob is a placeholder, not a value. */
    public static final double PLACEHOLDER = -9999.0;

    /** How far above 0 (or a probability above 1) float rounding may take a value that is really 0 (or 1). */
    static final double ROUNDING = 1e-3;

    private LogprobCheck() {
    }

    /**
     * A logprob, or null when unknown.
     *
     * @param backend how the message names the server
     * @throws ProviderException MALFORMED_REPLY for a value above 0
     */
    public static @Nullable Double logprob(@Nullable Double value, String backend) {
        if (value == null || !Double.isFinite(value) || value <= PLACEHOLDER) {
            return null;
        }
        if (value > ROUNDING) {
            throw malformed(backend, "a token's logprob is " + value + ", above 0 (a probability over 1)");
        }
        return Math.min(value, 0.0);
    }

    /**
     * A logprob from a JSON value, or null when unknown or absent.
     *
     * @throws ProviderException MALFORMED_REPLY for a value that is not a number, or above 0
     */
    public static @Nullable Double logprob(@Nullable JsonNode value, String backend) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw malformed(backend, "a token's logprob is not a number: " + shown(value));
        }
        return logprob(value.doubleValue(), backend);
    }

    /**
     * The logprob of a probability (0..1) from a JSON value; null when absent or zero.
     *
     * @throws ProviderException MALFORMED_REPLY for a value that is not a number, negative, or above 1
     */
    public static @Nullable Double ofProbability(@Nullable JsonNode value, String backend) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return null;
        }
        double p = value.isNumber() ? value.doubleValue() : Double.NaN;
        if (Double.isNaN(p) || p < 0 || p > 1 + ROUNDING) {
            throw malformed(backend, "a token's probability is not a number from 0 to 1: " + shown(value));
        }
        return p == 0 ? null : Math.log(Math.min(p, 1.0));
    }

    private static String shown(JsonNode value) {
        String text = value.toString();
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private static ProviderException malformed(String backend, String detail) {
        return new ProviderException(ProviderException.Kind.MALFORMED_REPLY, backend + ": " + detail);
    }
}
