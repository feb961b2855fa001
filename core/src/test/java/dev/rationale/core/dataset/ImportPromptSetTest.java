// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.rationale.core.RationaleException;
import dev.rationale.core.answer.CompareRule;
import dev.rationale.core.answer.ExtractRule;
import dev.rationale.core.promptset.Choice;
import dev.rationale.core.promptset.LoadedPromptSet;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptSetFiles;
import dev.rationale.core.promptset.PromptShape;
import dev.rationale.core.promptset.PromptTemplate;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.render.PromptRenderer;
import dev.rationale.core.render.RenderedPrompt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportPromptSetTest {
    @TempDir
    Path dir;

    private static Path sample(String name) {
        String configured = System.getProperty("rationale.samples.dir");
        return (configured != null ? Path.of(configured) : Path.of("..", "sample-prompts")).resolve(name);
    }

    /** Saves and loads again, as a user's next session would, and insists on no warnings either. */
    private PromptSet roundTrip(PromptSet set) {
        Path file = dir.resolve("out.rationale.json");
        PromptSetFiles.save(set, file);
        LoadedPromptSet loaded = PromptSetFiles.loadWithWarnings(file);
        assertThat(loaded.warnings()).isEmpty();
        assertThat(loaded.promptSet()).isEqualTo(set);
        return loaded.promptSet();
    }

    @Test
    void aBigBenchTaskKeepsItsPromptLayout() {
        ImportResult result = PromptSetImport.newSet(Datasets.read(TestFiles.fixture("opposites.json")), null, 2);

        Task task = result.promptSet().tasks().getFirst();
        assertThat(result.promptSet().name()).isEqualTo("opposite words");
        assertThat(task.id()).isEqualTo("opposite-words");
        assertThat(task.template()).isEqualTo(
                new PromptTemplate("Give the opposite of each word.", "Word: {{input}}", "Opposite:", "{{answer}}",
                        null));
        assertThat(task.effectiveAnswer().effectiveExtract()).isEqualTo(ExtractRule.FIRST_LINE);
        assertThat(task.effectiveAnswer().effectiveCompare()).isEqualTo(CompareRule.TEXT);
        assertThat(result.promptSet().effectiveDefaults().stop()).containsExactly("\n");
        assertThat(task.variants()).extracting(Variant::id, Variant::shots, Variant::effectiveShape)
                .containsExactly(tuple("zero-shot", 0, PromptShape.TEXT),
                        tuple("few-shot", 2, PromptShape.TEXT));
        roundTrip(result.promptSet());
    }

    @Test
    void theFirstExamplesBecomeExemplarsAndTheRestCases() {
        ImportResult result = PromptSetImport.newSet(Datasets.read(TestFiles.fixture("opposites.json")), null, 2);

        Task task = result.promptSet().tasks().getFirst();
        assertThat(task.exemplars()).extracting(e -> e.inputs().get("input"), e -> e.answer())
                .containsExactly(tuple("hot", "cold"),
                        tuple("big", "small"));
        assertThat(task.cases()).extracting(TestCase::expected).containsExactly("late", "closed", "down");
        assertThat(result.cases()).isEqualTo(3);
        assertThat(result.exemplars()).isEqualTo(2);
        assertThat(result.severalAnswers()).isEqualTo(2);
    }

    @Test
    void theFewShotVariantRendersLikeBigBench() {
        Task task = PromptSetImport.newSet(Datasets.read(TestFiles.fixture("opposites.json")), null, 2)
                .promptSet().tasks().getFirst();

        RenderedPrompt prompt = PromptRenderer.render(task, task.variant("few-shot").orElseThrow(),
                task.cases().getFirst());

        assertThat(prompt).isEqualTo(new RenderedPrompt.Text("""
                Give the opposite of each word.

                Word: hot
                Opposite: cold

                Word: big
                Opposite: small

                Word: early
                Opposite:"""));
    }

    @Test
    void tooFewExamplesGiveOnlyTheZeroShotVariant() {
        ImportResult result = PromptSetImport.newSet(Datasets.read(TestFiles.fixture("colours.json")), "mix", 3);

        Task task = result.promptSet().tasks().getFirst();
        assertThat(task.id()).isEqualTo("mix");
        assertThat(task.exemplars()).isEmpty();
        assertThat(task.variants()).extracting(Variant::id).containsExactly("zero-shot");
        assertThat(task.cases()).hasSize(3);
        roundTrip(result.promptSet());
    }

    @Test
    void multipleChoiceOptionsAreAppendedToTheQuestion() {
        Task task = PromptSetImport.newSet(Datasets.read(TestFiles.fixture("colours.json")), null, 1)
                .promptSet().tasks().getFirst();

        assertThat(task.effectiveTemplate().input()).isEqualTo("Q: {{input}}{{choices}}");
        RenderedPrompt prompt = PromptRenderer.render(task, task.variant("zero-shot").orElseThrow(),
                task.cases().getFirst());
        assertThat(prompt).isEqualTo(new RenderedPrompt.Text(
                "Q: Red paint mixed with white paint makes\n  option: pink\n  option: light red\n  option: black\nA:"));
    }

    @Test
    void theSavedSetKeepsEveryMultipleChoiceCasesScoredOptions() throws IOException {
        Dataset science = Datasets.read(sample("everyday-science.bigbench.json"));

        ImportResult result = PromptSetImport.newSet(science, null, 3);

        Task task = roundTrip(result.promptSet()).tasks().getFirst();
        assertThat(task.cases()).hasSize(3).allMatch(TestCase::hasChoices)
                .isEqualTo(science.cases().subList(3, 6).stream().map(DatasetCase::testCase).toList());
        assertThat(task.cases().getFirst().choices()).containsExactly(Choice.of("magnetism", 0),
                Choice.of("gravity", 1), Choice.of("friction", 0), Choice.of("the wind", 0));
        assertThat(task.cases().getFirst().expected()).isEqualTo("gravity");
        assertThat(task.exemplars()).hasSize(3);
        assertThat(Files.readString(dir.resolve("out.rationale.json"))).contains("""
                          "expected": "gravity",
                          "choices": [
                            {
                              "text": "magnetism",
                              "score": 0
                            },
                """);
    }

    @Test
    void tiedTopOptionsAndPartialScoresSurviveTheSave() {
        Task task = roundTrip(PromptSetImport.newSet(Datasets.read(TestFiles.fixture("colours.json")), null, 0)
                .promptSet()).tasks().getFirst();

        assertThat(task.cases().get(1).topChoices()).containsExactly("pink", "light red");
        assertThat(task.cases().get(1).expected()).isEqualTo("pink");
        assertThat(task.cases().get(2).choices()).contains(Choice.of("brown", 0.25));
    }

    @Test
    void aCsvFileMakesATaskThatComparesNumbersWhenEveryAnswerIsOne() {
        ImportResult result = PromptSetImport.newSet(Datasets.read(TestFiles.fixture("sums.csv")), null, 0);

        Task task = roundTrip(result.promptSet()).tasks().getFirst();
        assertThat(task.id()).isEqualTo("sums");
        assertThat(task.effectiveTemplate().input()).isEqualTo("Question: {{question}}");
        assertThat(task.effectiveAnswer().effectiveCompare()).isEqualTo(CompareRule.NUMERIC);
        assertThat(task.variants()).extracting(Variant::id).containsExactly("direct", "zero-shot-cot");
        assertThat(task.cases()).extracting(TestCase::id).containsExactly("s1", "s2", "s3");
    }

    @Test
    void aColumnNameThatCannotBeAVariableIsRefusedForANewSet() {
        Path file = TestFiles.write(dir, "spaced.csv", "word problem,expected\nTwo plus two?,4\n");

        assertThatThrownBy(() -> PromptSetImport.newSet(Datasets.read(file), null, 0))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(file + ":1: input \"word problem\" cannot name a template variable");
    }

    @Test
    void anInvalidOutputRegexIsReportedAgainstTheDataset() {
        Path file = TestFiles.write(dir, "regex.json",
                "{\"output_regex\": \"[\", \"examples\": [{\"input\": \"a\", \"target\": \"b\"}]}");

        assertThatThrownBy(() -> PromptSetImport.newSet(Datasets.read(file), null, 0))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(file + ": the imported prompt set would not be valid: tasks[0].answer.pattern");
    }

    @Test
    void theSampleCsvIsAppendedToTheArithmeticSet() {
        PromptSet arithmetic = PromptSetFiles.load(sample("arithmetic.rationale.json"));
        int before = arithmetic.task("arithmetic").orElseThrow().cases().size();

        ImportResult result = PromptSetImport.intoTask(arithmetic, "arithmetic",
                Datasets.read(sample("arithmetic-extra.csv")), Map.of(), ImportMode.APPEND);

        Task task = roundTrip(result.promptSet()).task("arithmetic").orElseThrow();
        assertThat(task.cases()).hasSize(before + 10);
        assertThat(task.cases().getLast()).isEqualTo(new TestCase("a10", Map.of("question",
                "A rectangular garden is 12 metres long and 7 metres wide. How many metres of fence go all the way"
                        + " around it?"), "38"));
        assertThat(result.cases()).isEqualTo(10);
        assertThat(result.ignoredColumns()).isEmpty();
    }

    @Test
    void replacingDropsTheTasksOwnCasesAndMappingRenamesColumns() {
        PromptSet arithmetic = PromptSetFiles.load(sample("arithmetic.rationale.json"));
        Path file = TestFiles.write(dir, "q.jsonl", "{\"q\": \"What is 3 + 4?\", \"source\": \"me\", \"answer\": 7}\n");

        ImportResult result = PromptSetImport.intoTask(arithmetic, "arithmetic", Datasets.read(file),
                Map.of("q", "question"), ImportMode.REPLACE);

        Task task = roundTrip(result.promptSet()).task("arithmetic").orElseThrow();
        assertThat(task.cases()).containsExactly(new TestCase(null, Map.of("question", "What is 3 + 4?"), "7"));
        assertThat(result.ignoredColumns()).containsExactly("source");
    }

    @Test
    void optionsOfACsvFileAreKeptInTheTaskTheyAreAppendedTo() {
        PromptSet arithmetic = PromptSetFiles.load(sample("arithmetic.rationale.json"));
        Path file = TestFiles.write(dir, "mc.csv", """
                id,question,target_scores
                mc-1,What is 2 + 2?,"{""3"": 0, ""4"": 1, ""5"": 0}"
                """);

        ImportResult result = PromptSetImport.intoTask(arithmetic, "arithmetic", Datasets.read(file), Map.of(),
                ImportMode.APPEND);

        TestCase last = roundTrip(result.promptSet()).task("arithmetic").orElseThrow().cases().getLast();
        assertThat(last).isEqualTo(new TestCase("mc-1", Map.of("question", "What is 2 + 2?"), "4",
                List.of(Choice.of("3", 0), Choice.of("4", 1), Choice.of("5", 0))));
    }

    @Test
    void appendingAnIdTheTaskAlreadyHasIsAnErrorOnItsLine() {
        PromptSet arithmetic = PromptSetFiles.load(sample("arithmetic.rationale.json"));
        String taken = arithmetic.task("arithmetic").orElseThrow().cases().getFirst().id();
        Path file = TestFiles.write(dir, "dup.csv", "id,question,expected\nnew-1,1 + 1?,2\n" + taken + ",2 + 2?,4\n");

        assertThatThrownBy(() -> PromptSetImport.intoTask(arithmetic, "arithmetic", Datasets.read(file), Map.of(),
                ImportMode.APPEND)).isInstanceOf(DatasetException.class)
                .hasMessage(file + ":3: id \"" + taken + "\" is already used by a case of task \"arithmetic\";"
                        + " choose another id or replace the task's cases");
    }

    @Test
    void anUnknownTaskIsNamedWithTheTasksThereAre() {
        PromptSet arithmetic = PromptSetFiles.load(sample("arithmetic.rationale.json"));

        assertThatThrownBy(() -> PromptSetImport.intoTask(arithmetic, "nope",
                Datasets.read(TestFiles.fixture("sums.csv")), Map.of(), ImportMode.APPEND))
                .isInstanceOf(RationaleException.class)
                .hasMessage("the prompt set has no task \"nope\" (tasks: arithmetic)");
    }
}
