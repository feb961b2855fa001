// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodeBlockExtractionTest {
    private final AnswerExtractor extractor =
            AnswerExtractor.of(new AnswerFormat(ExtractRule.CODE_BLOCK, null, null, null, null));

    @Test
    void blockWithLanguageTagGivesItsContent() {
        String completion = "Here it is:\n```python\ndef f():\n    return 1\n```\nDone.";

        assertThat(extractor.extract(completion)).contains("def f():\n    return 1");
    }

    @Test
    void blockWithoutLanguageTagGivesItsContent() {
        assertThat(extractor.extract("```\nx = 1\n```")).contains("x = 1");
    }

    @Test
    void fenceNeedNotStartTheLine() {
        assertThat(extractor.extract("Solution: ```python\nprint(1)\n```")).contains("print(1)");
    }

    @Test
    void innerIndentationIsKept() {
        assertThat(extractor.extract("```\n    indented()\n\tand_tabbed()\n```"))
                .contains("    indented()\n\tand_tabbed()");
    }

    @Test
    void indentedClosingFenceIsDroppedWithItsLineBreak() {
        String completion = "1. The code:\n   ```js\n   let x = 1;\n   ```\n2. Run it.";

        assertThat(extractor.extract(completion)).contains("   let x = 1;");
    }

    @Test
    void firstBlockWins() {
        assertThat(extractor.extract("```\nfirst()\n```\ntext\n```\nsecond()\n```")).contains("first()");
    }

    @Test
    void windowsLineBreaksAroundTheBlockAreDropped() {
        assertThat(extractor.extract("```py\r\nx = 1\r\n```\r\n")).contains("x = 1");
    }

    @Test
    void unclosedBlockRunsToTheEndOfTheText() {
        assertThat(extractor.extract("```python\ndef f():\n    return 1\n\n")).contains("def f():\n    return 1");
    }

    @Test
    void blockOnOneLineGivesTheTextBetweenTheFences() {
        assertThat(extractor.extract("Use ```x = 1``` here.")).contains("x = 1");
    }

    @Test
    void withoutAFenceTheWholeTextIsTrimmed() {
        assertThat(extractor.extract("\n  def f(): pass  \n")).contains("def f(): pass");
    }

    @Test
    void emptyBlockHasNoAnswer() {
        assertThat(extractor.extract("```python\n```")).isEmpty();
        assertThat(extractor.extract("```")).isEmpty();
        assertThat(extractor.extract("  ")).isEmpty();
    }
}
