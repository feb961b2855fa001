// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rationale.core.promptset.PromptTemplate;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TaskInputs;
import dev.rationale.core.promptset.Variant;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsLoadTest {
    @TempDir
    Path dir;

    private static Task task(String input) {
        return new Task("t", null, null, new PromptTemplate(null, input, null, null, null), null, List.of(),
                List.of(), List.of(Variant.named("v")));
    }

    @Test
    void picksTheFormatByExtension() {
        assertThat(DatasetFormat.of(Path.of("a.CSV"))).isEqualTo(DatasetFormat.CSV);
        assertThat(DatasetFormat.of(Path.of("a.jsonl"))).isEqualTo(DatasetFormat.JSONL);
        assertThat(DatasetFormat.of(Path.of("task.json"))).isEqualTo(DatasetFormat.BIG_BENCH);
        assertThatThrownBy(() -> DatasetFormat.of(Path.of("data.txt"))).isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("data.txt: unknown dataset format");
    }

    @Test
    void aColumnOfTheVariablesNameFillsIt() {
        List<DatasetCase> cases = Datasets.load(TestFiles.fixture("sums.csv"), task("Q: {{question}}"));

        assertThat(cases).hasSize(3);
        assertThat(cases.getFirst().testCase().inputs()).isEqualTo(Map.of("question", "What is 2 + 3?"));
        assertThat(cases.getFirst().testCase().id()).isEqualTo("s1");
    }

    @Test
    void theOnlyColumnLeftFillsTheOnlyVariableLeft() {
        List<DatasetCase> cases = Datasets.load(TestFiles.fixture("opposites.json"), task("Word: {{word}}"));

        assertThat(cases.getFirst().testCase().inputs()).isEqualTo(Map.of("word", "hot"));
        assertThat(cases.get(1).answers()).containsExactly("small", "little");
    }

    @Test
    void unusedColumnsAreLeftOutAndExplicitMappingsWin() {
        Path file = TestFiles.write(dir, "two.csv", "q,notes,hint,expected\nWhat?,n,h,1\n");

        List<DatasetCase> cases = Datasets.load(file, task("{{question}} ({{tip}})"),
                Map.of("q", "question", "hint", "tip"));

        assertThat(cases.getFirst().testCase().inputs()).containsExactly(
                Map.entry("question", "What?"), Map.entry("tip", "h"));
    }

    @Test
    void aVariableNoColumnCanFillIsAnError() {
        Path file = TestFiles.write(dir, "two.csv", "a,b,expected\nx,y,1\n");

        assertThatThrownBy(() -> Datasets.load(file, task("{{question}}"))).isInstanceOf(DatasetException.class)
                .hasMessage(file + ": task \"t\" needs input \"question\", and no column of that name is left to fill"
                        + " it (columns: a, b); map a column onto it");
    }

    @Test
    void mappingsNamingUnknownColumnsOrVariablesAreErrors() {
        Path file = TestFiles.write(dir, "one.csv", "a,expected\nx,1\n");

        assertThatThrownBy(() -> Datasets.load(file, task("{{q}}"), Map.of("b", "q")))
                .hasMessage(file + ": has no column \"b\" to map onto \"q\" (columns: a)");
        assertThatThrownBy(() -> Datasets.load(file, task("{{q}}"), Map.of("a", "z")))
                .hasMessage(file + ": cannot map \"a\": task \"t\" has no input \"z\" (inputs: q)");
    }

    @Test
    void variablesOfVariantTemplatesCountButReservedNamesDoNot() {
        Variant withContext = new Variant("v", null, null, List.of(), null, null, null, null, null, null,
                new PromptTemplate("{{context}}", null, null, null, null), null, null);
        Task task = new Task("t", null, null, new PromptTemplate(null, "{{q}} {{answer}}", null, null, null), null,
                List.of(), List.of(), List.of(withContext));

        assertThat(TaskInputs.of(task)).containsExactly("q", "context");
    }
}
