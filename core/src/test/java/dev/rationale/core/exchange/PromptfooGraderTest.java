// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.AnswerGrader;
import dev.rationale.core.answer.CompareRule;
import dev.rationale.core.answer.ExtractRule;
import dev.rationale.core.answer.Grade;
import dev.rationale.core.answer.Verdict;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported JavaScript grader must grade as {@link AnswerGrader} does: both grade the same completions under
 * every extract and compare rule, and must agree on pass or fail and on the answer read. Needs {@code node} on the
 * PATH; skipped otherwise.
 */
class PromptfooGraderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<AnswerFormat> FORMATS = List.of(
            AnswerFormat.DEFAULT,
            new AnswerFormat(ExtractRule.ANSWER_IS, null, ExtractRule.LAST_NUMBER, null, CompareRule.NUMERIC),
            new AnswerFormat(ExtractRule.LAST_NUMBER, null, null, null, CompareRule.NUMERIC),
            new AnswerFormat(ExtractRule.CHOICE, null, null, "ABCD", CompareRule.CHOICE),
            new AnswerFormat(ExtractRule.REGEX, "French: (.+)", null, null, CompareRule.TEXT),
            new AnswerFormat(ExtractRule.REGEX, "(?<answer>\\d+) apples", null, null, CompareRule.EXACT),
            new AnswerFormat(ExtractRule.FIRST_LINE, null, null, null, CompareRule.TEXT),
            new AnswerFormat(ExtractRule.WHOLE, null, null, null, CompareRule.EXACT),
            new AnswerFormat(ExtractRule.CODE_BLOCK, null, null, null, CompareRule.EXACT),
            new AnswerFormat(ExtractRule.ANSWER_IS, null, null, null, CompareRule.NONE));

    private static final List<String> COMPLETIONS = List.of(
            "It has 3 + 4 = 7 apples. The answer is 7.",
            "I wonder what the answer is. The final answer is: **$1,000.50**",
            "The answer is \"Paris.\"\nMore text",
            "the answer is (B) because B fits",
            "After thinking, (a) is wrong and (C) is right.",
            " B. ",
            "The answer is a red ball.",
            "pages 3-5 and then -12 and 1,234,567",
            "French: Le chat est noir.\nGerman: x",
            "12 apples and 15 apples",
            "\n\n  first line here  \nsecond",
            "```python\ndef f():\n    return 1\n```\ntrailing",
            "inline ```x = 1``` code",
            "```\nunclosed block\n  ",
            "",
            "   ",
            "The answer is 50%.",
            "The answer is  «  Bonjour  » !",
            "The answer is ＡＢＣ and 0.50",
            "Answer: 7",
            "The answer is 007.",
            "The answer is -0.0",
            "The answer is .5",
            "The answer is 3.80");

    private static final List<String> EXPECTED = List.of("7", "1000.5", "Paris", "B", "c", "-12",
            "Le chat est noir", "12", "first line here", "def f():\n    return 1", "50%", "« bonjour »", "0.5", "");

    @TempDir
    Path dir;

    @Test
    void theJavaScriptGraderAgreesWithTheJavaGraderOnEveryRule() throws Exception {
        Optional<Path> node = onPath("node");
        assumeTrue(node.isPresent(), "node is not on the PATH");
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        List<Grade> javaGrades = new ArrayList<>();
        for (AnswerFormat format : FORMATS) {
            for (String completion : COMPLETIONS) {
                for (String expected : EXPECTED) {
                    ObjectNode row = rows.addObject();
                    row.set("format", PromptfooWriter.answerFormat(format));
                    row.put("output", completion);
                    row.put("expected", expected);
                    javaGrades.add(AnswerGrader.of(format).grade(completion, expected));
                }
            }
        }
        Path input = Files.writeString(dir.resolve("rows.json"), rows.toString());
        Path script = Files.writeString(dir.resolve("grade.js"), """
                const fs = require('fs');
                const grade = new Function('output', 'context', fs.readFileSync(process.argv[2], 'utf8'));
                const rows = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
                const results = rows.map((r) => grade(r.output, {
                  config: { answerFormats: { t: r.format } },
                  test: { metadata: { task: 't', expected: r.expected } },
                }));
                fs.writeFileSync(process.argv[4], JSON.stringify(results));
                """);
        Path grader = Files.writeString(dir.resolve("grader.js"), PromptfooGrader.source());
        Path output = dir.resolve("results.json");
        Process process = new ProcessBuilder(node.get().toString(), script.toString(), grader.toString(),
                input.toString(), output.toString()).redirectErrorStream(true).start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(new String(process.getInputStream().readAllBytes())).isZero();

        JsonNode results = JSON.readTree(output.toFile());
        assertThat(results).hasSize(javaGrades.size());
        for (int i = 0; i < javaGrades.size(); i++) {
            Grade grade = javaGrades.get(i);
            JsonNode js = results.get(i);
            String row = rows.get(i).toString();
            boolean pass = grade.verdict() == Verdict.CORRECT || grade.verdict() == Verdict.UNGRADED;
            assertThat(js.path("pass").asBoolean()).as(row + " -> " + js).isEqualTo(pass);
            if (grade.extracted() != null) {
                assertThat(js.path("reason").asText()).as(row).contains("the answer is " + grade.extracted());
            } else {
                assertThat(js.path("reason").asText()).as(row).isEqualTo("No answer found");
            }
        }
    }

    @Test
    void theGraderHoldsNoNunjucksTagBecausePromptfooRendersAssertionValues() {
        assertThat(PromptfooGrader.source()).doesNotContain("{{").doesNotContain("{%").doesNotContain("{#");
    }

    static Optional<Path> onPath(String program) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(folder, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
