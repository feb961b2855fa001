// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How many parameters a model has, and how sure that number is: counted from the weights, reported by the server as
 * a rounded label, or read off the model's name. Ordering models by size (the scaling view) uses it; the source
 * tells the reader how much to trust the order.
 *
 * @param parameters the parameter count, positive
 */
public record ModelSize(long parameters, Source source) {

    /** Where a size comes from, most exact first. */
    public enum Source {
        /** Counted from the weights the engine loaded (llama.cpp's {@code llama_model_n_params}). */
        MEASURED,
        /** A server's rounded label, such as Ollama's {@code parameter_size} "3.2B". */
        REPORTED,
        /** Read off the model's name ("qwen2.5:7b", "stories260K"); a guess the publisher's naming makes. */
        NAME
    }

    // A count with a suffix that ends a word: "7b", "1.5B", "270m", "260K". Lower-case k is left out because in
    // names such as "phi-3-mini-4k" or "-128k" it is the context length.
    private static final Pattern IN_NAME = Pattern.compile("(\\d+(?:\\.\\d+)?)([KMmBbTt])(?![A-Za-z0-9])");
    // "8x7b": experts share attention and embeddings, so the total is not 8 x 7B (Mixtral 8x7B has 46.7B).
    private static final Pattern EXPERTS = Pattern.compile("\\d\\s*[xX]\\s*\\d+(?:\\.\\d+)?[BbMm](?![A-Za-z0-9])");

    public ModelSize {
        if (parameters <= 0) {
            throw new IllegalArgumentException("a model has a positive number of parameters, not " + parameters);
        }
    }

    /** A count of the weights; null when the count is missing or not positive, as a server may send 0. */
    public static @Nullable ModelSize measured(@Nullable Long parameters) {
        return parameters == null || parameters <= 0 ? null : new ModelSize(parameters, Source.MEASURED);
    }

    /** A server's label such as "3.2B", "270M", "8.0B" or "7 B"; null for anything else, as the field is free text. */
    public static @Nullable ModelSize reported(String label) {
        Matcher m = IN_NAME.matcher(label.replaceAll("\\s+", "").toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        Long count = count(m.group(1), m.group(2));
        return count == null ? null : new ModelSize(count, Source.REPORTED);
    }

    /**
     * The size a model's name states: "llama3.2:3b" is 3B, "Qwen/Qwen3-1.5B-Instruct" 1.5B, "stories260K.gguf" 260K.
     * Null when the name states none, states several different ones, or names a mixture of experts ("8x7b"), whose
     * total cannot be read off the name.
     */
    public static @Nullable ModelSize fromName(String name) {
        if (EXPERTS.matcher(name).find()) {
            return null;
        }
        Long found = null;
        Matcher m = IN_NAME.matcher(name);
        while (m.find()) {
            Long count = count(m.group(1), m.group(2));
            if (count == null || found != null && !found.equals(count)) {
                return null;
            }
            found = count;
        }
        return found == null ? null : new ModelSize(found, Source.NAME);
    }

    private static @Nullable Long count(String number, String suffix) {
        int exponent = switch (suffix.toUpperCase(Locale.ROOT)) {
            case "K" -> 3;
            case "M" -> 6;
            case "B" -> 9;
            default -> 12;
        };
        // Decimal arithmetic, so "3.2B" cannot come out one short through binary rounding.
        long count = new BigDecimal(number).scaleByPowerOfTen(exponent).longValue();
        return count > 0 ? count : null;
    }

    /** The count to three significant digits with a suffix: "260K", "8.19B", "3.2B", "70B". */
    public String shortCount() {
        String[] suffixes = {"", "K", "M", "B", "T"};
        BigDecimal value = new BigDecimal(parameters).round(new MathContext(3));
        int step = 0;
        while (value.compareTo(BigDecimal.valueOf(1000)) >= 0 && step < suffixes.length - 1) {
            value = value.movePointLeft(3);
            step++;
        }
        return value.stripTrailingZeros().toPlainString() + suffixes[step];
    }

    /** "260K params", with "by name" added when the name is all it rests on. */
    public String label() {
        return shortCount() + " params" + (source == Source.NAME ? " (by name)" : "");
    }
}
