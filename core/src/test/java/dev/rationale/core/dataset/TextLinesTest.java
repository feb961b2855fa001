// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextLinesTest {

    private static List<String> lines(String text) throws IOException {
        TextLines lines = new TextLines(new StringReader(text));
        List<String> all = new ArrayList<>();
        for (String line = lines.next(); line != null; line = lines.next()) {
            all.add(line);
        }
        return all;
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\nb", "a\r\nb\r\n", "a\rb\n\nc", "\n\n", "x\r", "one line", "a\r\r\nb"})
    void splitsAsTheWholeTextWasSplitLeavingOutTheEmptyLineAfterAFinalLineFeed(String text) throws IOException {
        List<String> expected = new ArrayList<>(Arrays.asList(text.split("\r?\n", -1)));
        if (text.endsWith("\n")) {
            expected.removeLast();
        }

        assertThat(lines(text)).isEqualTo(expected);
    }

    @Test
    void readsLinesLongerThanItsBuffer() throws IOException {
        String longLine = "x".repeat(20_000);

        assertThat(lines(longLine + "\n" + longLine)).containsExactly(longLine, longLine);
        assertThat(lines("")).isEmpty();
    }
}
