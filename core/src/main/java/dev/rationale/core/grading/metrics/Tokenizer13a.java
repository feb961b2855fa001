// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.metrics;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The tokenizer of mteval-v13a.pl, which WMT's BLEU and sacreBLEU's default ({@code tok:13a}) use: light enough
 * for detokenized output in Western languages. In order:
 * <ol>
 *   <li>{@code <skipped>} is dropped, a line broken after a hyphen is joined, other line breaks become spaces,
 *       and the entities {@code &quot; &amp; &lt; &gt;} are unescaped (in that order, once each);</li>
 *   <li>ASCII symbols and punctuation except the apostrophe, hyphen, period and comma become tokens of their
 *       own;</li>
 *   <li>a period or comma becomes a token unless it sits between digits ("3.5" and "1,000" stay whole);</li>
 *   <li>a hyphen after a digit becomes a token ("1990-1995" gives "1990 - 1995"), other hyphens stay;</li>
 *   <li>whitespace collapses to single spaces, trimmed at both ends.</li>
 * </ol>
 * Anything beyond ASCII (accents, guillemets, the euro sign) passes through untouched. Stateless; safe from any
 * thread.
 */
public final class Tokenizer13a {
    // The rules of mteval-v13a as sacreBLEU's tokenizer_13a and tokenizer_re write them, each applied to the whole
    // line before the next, left to right without overlap (the semantics of Python's re.sub and replaceAll alike).
    private static final List<Rule> RULES = List.of(
            new Rule("([\\{-\\~\\[-\\` -\\&\\(-\\+\\:-\\@\\/])", " $1 "),
            new Rule("([^0-9])([\\.,])", "$1 $2 "),
            new Rule("([\\.,])([^0-9])", " $1 $2"),
            new Rule("([0-9])(-)", "$1 $2 "));

    private record Rule(Pattern pattern, String replacement) {
        Rule(String regex, String replacement) {
            this(Pattern.compile(regex), replacement);
        }
    }

    private Tokenizer13a() {
    }

    /** The text's tokens, separated by single spaces; empty for a blank text. */
    public static String tokenize(String text) {
        String line = text.replace("<skipped>", "").replace("-\n", "").replace("\n", " ");
        if (line.contains("&")) {
            line = line.replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
        }
        // The padding lets the period and comma rules see a neighbour at either end of the line.
        line = " " + line + " ";
        for (Rule rule : RULES) {
            line = rule.pattern().matcher(line).replaceAll(rule.replacement());
        }
        return String.join(" ", PythonWhitespace.split(line));
    }
}
