// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PythonWhitespaceTest {

    @Test
    void spaceIsWhatPythonsIsspaceSays() {
        // python3 (3.11): [hex(c) for c in range(0x110000) if chr(c).isspace()]
        List<Integer> python = List.of(0x9, 0xa, 0xb, 0xc, 0xd, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680,
                0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028,
                0x2029, 0x202f, 0x205f, 0x3000);
        List<Integer> spaces = new ArrayList<>();
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            if (PythonWhitespace.isSpace(codePoint)) {
                spaces.add(codePoint);
            }
        }

        assertThat(spaces).isEqualTo(python);
    }

    @Test
    void splitDropsEmptyWordsLikeStrSplit() {
        assertThat(PythonWhitespace.split("  a\u00a0b\t\tc \u3000")).containsExactly("a", "b", "c");
        assertThat(PythonWhitespace.split("😀 é")).containsExactly("😀", "é");
        assertThat(PythonWhitespace.split(" \n ")).isEmpty();
        assertThat(PythonWhitespace.split("")).isEmpty();
    }

    @Test
    void removeAllAndStripTrailingWorkOnCodePoints() {
        assertThat(PythonWhitespace.removeAll(" Grö\u2003ße 😀 ")).isEqualTo("Größe😀");
        assertThat(PythonWhitespace.stripTrailing(" a b\u00a0\n ")).isEqualTo(" a b");
        assertThat(PythonWhitespace.stripTrailing("😀")).isEqualTo("😀");
        assertThat(PythonWhitespace.stripTrailing("  ")).isEmpty();
    }
}
