// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The 13a rules, each case worked out from the rules in {@link Tokenizer13a}'s comment; sacreBLEU 2.6.0's
 * Tokenizer13a gives the same output for every one (checked with {@code Tokenizer13a()(line.rstrip())}).
 */
class Tokenizer13aTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        // symbols become tokens; the sentence-final period too (its neighbour is the padding space)
        "Hello, world!|Hello , world !",
        // a period or comma between digits stays, other ones split; $ is a symbol
        "It costs $3.50, or 3,000.|It costs $ 3.50 , or 3,000 .",
        // a period or comma next to a digit on one side only is split
        "a.b,c 1.a a.1 ,1|a . b , c 1 . a a . 1 , 1",
        // a hyphen after a digit is split, one between letters stays
        "1990-1995 was well-known|1990 - 1995 was well-known",
        // the apostrophe is not a symbol; <skipped> is dropped
        "don't <skipped>stop|don't stop",
        // brackets, braces, tilde, caret, underscore and backquote are symbols (the bar too: see below)
        "(a) [b] {c} ~d e^f_g `h`|( a ) [ b ] { c } ~ d e ^ f _ g ` h `",
        // beyond ASCII nothing is a symbol: German quotes, the euro sign, accents pass through
        "„Guten Tag“, sagte er.|„Guten Tag“ , sagte er .",
        "Ça coûte 3,50 €.|Ça coûte 3,50 € .",
        "😀,😀.|😀 , 😀 ."})
    void tokenizesAsMteval13a(String text, String tokens) {
        assertThat(Tokenizer13a.tokenize(text)).isEqualTo(tokens);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        // entities are unescaped, then their characters are symbols like any other
        "&quot;Hi&quot; &amp; bye &lt;3|\" Hi \" & bye < 3",
        // one pass each, &quot; before &amp;: "&amp;quot;" becomes "&quot;", whose & and ; are then split off
        "&amp;quot;|& quot ;"})
    void unescapesTheFourEntitiesOnce(String text, String tokens) {
        assertThat(Tokenizer13a.tokenize(text)).isEqualTo(tokens);
    }

    @Test
    void barIsASymbol() {
        assertThat(Tokenizer13a.tokenize("a|b @c")).isEqualTo("a | b @ c");
    }

    @Test
    void normalisesLinesAndWhitespace() {
        // a line broken after a hyphen is joined, other breaks become spaces
        assertThat(Tokenizer13a.tokenize("co-\noperate\nnow")).isEqualTo("cooperate now");
        // any whitespace Python knows collapses to one space, trimmed at both ends
        assertThat(Tokenizer13a.tokenize("\u00a0x\u00a0y\u2003z  ")).isEqualTo("x y z");
        assertThat(Tokenizer13a.tokenize("")).isEmpty();
        assertThat(Tokenizer13a.tokenize(" \n ")).isEmpty();
    }
}
