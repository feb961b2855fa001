// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link CompareRule#TESTS} answer format runs the extracted code. The tests themselves are a case's input
 * (named by {@link #input}); a case may name its language in an input {@code language}.
 *
 * @param input the case input that holds the tests, {@value #DEFAULT_INPUT} when null
 * @param language the language of the code and tests when the case names none, {@value #DEFAULT_LANGUAGE} when
 *     null
 * @param timeoutSeconds wall-clock limit of one run, {@value #DEFAULT_TIMEOUT_SECONDS} when null
 * @param memoryMb memory limit of one run, {@value #DEFAULT_MEMORY_MB} when null
 */
@JsonPropertyOrder({"input", "language", "timeoutSeconds", "memoryMb"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CodeTestsSpec(
        @Nullable String input,
        @Nullable String language,
        @Nullable Integer timeoutSeconds,
        @Nullable Integer memoryMb) {

    public static final String DEFAULT_INPUT = "tests";
    /** The case input that may name a case's own language. */
    public static final String LANGUAGE_INPUT = "language";
    public static final String DEFAULT_LANGUAGE = "python";
    public static final int DEFAULT_TIMEOUT_SECONDS = 10;
    public static final int DEFAULT_MEMORY_MB = 512;
    public static final CodeTestsSpec DEFAULT = new CodeTestsSpec(null, null, null, null);

    public String effectiveInput() {
        return input == null || input.isBlank() ? DEFAULT_INPUT : input;
    }

    public String effectiveLanguage() {
        return language == null || language.isBlank() ? DEFAULT_LANGUAGE : language;
    }

    public int effectiveTimeoutSeconds() {
        return timeoutSeconds == null ? DEFAULT_TIMEOUT_SECONDS : timeoutSeconds;
    }

    public int effectiveMemoryMb() {
        return memoryMb == null ? DEFAULT_MEMORY_MB : memoryMb;
    }
}
