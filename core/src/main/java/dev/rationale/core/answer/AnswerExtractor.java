// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.answer;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * Reads the final answer out of a completion by an {@link AnswerFormat}: its {@code extract} rule first, then its
 * {@code fallback} rule when the first finds nothing. The answer comes back as written; {@link AnswerNormalizer}
 * puts it into comparable form.
 *
 * <p>Build one per format with {@link #of} and reuse it: a {@code regex} rule's pattern is compiled once. Instances
 * are immutable and safe to share between threads.
 */
public final class AnswerExtractor {
    private static final String NAMED_ANSWER_GROUP = "(?<answer>";

    private final ExtractRule rule;
    private final @Nullable ExtractRule fallback;
    private final ChoiceLetterReader choices;
    private final @Nullable Pattern pattern;
    private final boolean namedAnswerGroup;

    private AnswerExtractor(AnswerFormat format) {
        this.rule = format.effectiveExtract();
        this.fallback = format.fallback();
        this.choices = new ChoiceLetterReader(format.effectiveChoices());
        boolean usesRegex = rule == ExtractRule.REGEX || fallback == ExtractRule.REGEX;
        this.pattern = usesRegex ? compile(format.pattern()) : null;
        this.namedAnswerGroup = pattern != null && pattern.pattern().contains(NAMED_ANSWER_GROUP);
    }

    /**
     * An extractor for the given format.
     *
     * @throws IllegalArgumentException if the format uses the {@code regex} rule without a pattern, or with a
     *         pattern that is not a valid Java regular expression
     */
    public static AnswerExtractor of(AnswerFormat format) {
        return new AnswerExtractor(format);
    }

    /** The answer in the completion, or empty when neither the rule nor the fallback finds a non-blank one. */
    public Optional<String> extract(String completion) {
        Optional<String> answer = apply(rule, completion);
        return answer.isPresent() || fallback == null ? answer : apply(fallback, completion);
    }

    private Optional<String> apply(ExtractRule extractRule, String text) {
        return switch (extractRule) {
            case ANSWER_IS -> AnswerIsReader.read(text);
            case LAST_NUMBER -> WrittenNumbers.last(text);
            case CHOICE -> choices.read(text);
            case REGEX -> firstMatch(text);
            case FIRST_LINE -> text.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst();
            case WHOLE -> nonBlank(text);
            case CODE_BLOCK -> codeBlock(text);
        };
    }

    private Optional<String> firstMatch(String text) {
        Matcher matcher = requirePattern().matcher(text);
        if (!matcher.find()) {
            return Optional.empty();
        }
        @Nullable String group;
        if (namedAnswerGroup) {
            group = matcher.group("answer");
        } else {
            group = matcher.groupCount() >= 1 ? matcher.group(1) : matcher.group();
        }
        return group == null ? Optional.empty() : nonBlank(group);
    }

    private Pattern requirePattern() {
        if (pattern == null) {
            throw new IllegalStateException("regex rule without a compiled pattern");
        }
        return pattern;
    }

    // Code keeps its indentation, so only text without a fence is stripped.
    private static Optional<String> codeBlock(String text) {
        Optional<String> code = FencedCodeBlock.contentOfFirst(text);
        return code.isPresent() ? code.filter(content -> !content.isBlank()) : nonBlank(text);
    }

    private static Optional<String> nonBlank(String answer) {
        return answer.isBlank() ? Optional.empty() : Optional.of(answer.strip());
    }

    private static Pattern compile(@Nullable String regex) {
        if (regex == null || regex.isEmpty()) {
            throw new IllegalArgumentException("The answer format uses the regex rule but gives no pattern");
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    "The answer pattern is not a valid regular expression: " + e.getDescription(), e);
        }
    }
}
