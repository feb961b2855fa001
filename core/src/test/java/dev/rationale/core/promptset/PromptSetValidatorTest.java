// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import static dev.rationale.core.promptset.PromptSetFixtures.inputs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.CompareRule;
import dev.rationale.core.answer.ExtractRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PromptSetValidatorTest {
    private static final Exemplar BASKET = new Exemplar("basket", Map.of("question", "3 + 4?"), "3 + 4 = 7.", "7",
            null);
    private static final Exemplar BARE = new Exemplar("bare", Map.of("question", "2 + 2?"), null, "4", null);
    private static final Exemplar OFF = new Exemplar("off", Map.of("question", "1 + 0?"), "1.", "1", false);

    private final PromptSetValidator validator = new PromptSetValidator();

    @Test
    void aMinimalSetHasNoProblems() {
        ValidationReport report = validator.validate(PromptSetFixtures.minimal());

        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        assertThat(report.hasErrors()).isFalse();
    }

    @Test
    void aSetWithEveryFieldHasNoErrors() {
        assertThat(validator.validate(PromptSetFixtures.everyField()).errors()).isEmpty();
    }

    @Test
    void theNameIsRequiredAndNotBlank() {
        assertThat(errors(PromptSet.of(null, List.of(PromptSetFixtures.minimalTask()))))
                .containsExactly("name: is required");
        assertThat(errors(PromptSet.of(" ", List.of(PromptSetFixtures.minimalTask()))))
                .containsExactly("name: must not be blank");
    }

    @Test
    void aSetBuiltInCodeIsHeldToTheSameFormatAndVersion() {
        PromptSet minimal = PromptSetFixtures.minimal();

        assertThat(errors(new PromptSet("other", 1, "x", null, null, List.of(), minimal.tasks()))).containsExactly(
                "format: not a Rationale prompt set (expected \"rationale-prompt-set\", got \"other\")");
        assertThat(errors(new PromptSet(PromptSet.FORMAT, 3, "x", null, null, List.of(), minimal.tasks())))
                .containsExactly("version: this file was written by a newer Rationale (version 3); this Rationale"
                        + " reads up to version 1");
        assertThat(errors(new PromptSet(PromptSet.FORMAT, null, "x", null, null, List.of(), minimal.tasks())))
                .containsExactly("version: missing (expected 1)");
    }

    @Test
    void aSetNeedsATask() {
        assertThat(errors(PromptSet.of("x", List.of()))).containsExactly("tasks: at least one task is required");
    }

    @Test
    void aNullListElementIsAnError() {
        assertThat(errors(PromptSet.of("x", Arrays.asList(PromptSetFixtures.minimalTask(), null))))
                .containsExactly("tasks[1]: expected an object, got null");
    }

    @Test
    void taskIdsAreRequiredUniqueAndSafe() {
        Task task = PromptSetFixtures.minimalTask();

        assertThat(errors(set(withId(task, null)))).containsExactly("tasks[0].id: is required");
        assertThat(errors(set(withId(task, "my task")))).containsExactly(
                "tasks[0].id: may contain only letters, digits, \"-\", \"_\" and \".\", got \"my task\"");
        assertThat(errors(PromptSet.of("x", List.of(task, task)))).containsExactly(
                "tasks[1].id: duplicate task id \"apples\" (also used by tasks[0])");
    }

    @Test
    void aTaskNeedsATemplateWithAnInput() {
        Task task = PromptSetFixtures.minimalTask();

        assertThat(errors(set(withTemplate(task, null)))).contains("tasks[0].template: is required");
        assertThat(errors(set(withTemplate(task, new PromptTemplate("Solve.", null, null, null, null)))))
                .contains("tasks[0].template.input: is required");
        assertThat(errors(set(withTemplate(task, new PromptTemplate(null, "  ", null, null, null)))))
                .containsExactly("tasks[0].template.input: must not be blank");
    }

    @Test
    void aTemplateThatDoesNotParseIsAnErrorOnItsField() {
        Task task = withTemplate(PromptSetFixtures.minimalTask(),
                new PromptTemplate(null, "Q: {{question}}", null, "{{#rationale}}{{rationale}}", null));

        assertThat(errors(set(task))).containsExactly(
                "tasks[0].template.output: not a valid template: section missing close tag 'rationale' (line 1)");
    }

    @Test
    void aTaskNeedsAVariantWithAUniqueId() {
        Task task = PromptSetFixtures.minimalTask();

        assertThat(errors(set(task.withVariants(List.of())))).containsExactly(
                "tasks[0].variants: at least one variant is required");
        assertThat(errors(set(task.withVariants(List.of(Variant.named("a"), Variant.named(" ")))))).containsExactly(
                "tasks[0].variants[1].id: must not be blank");
        assertThat(errors(set(task.withVariants(List.of(Variant.named("a"), Variant.named("a")))))).containsExactly(
                "tasks[0].variants[1].id: duplicate variant id \"a\" (also used by tasks[0].variants[0])");
    }

    @Test
    void exemplarsNeedInputsAndAnAnswerAndUniqueIds() {
        Task task = PromptSetFixtures.minimalTask().withExemplars(List.of(
                new Exemplar("a", Map.of(), null, "1", null),
                new Exemplar("a", Map.of("question", "q"), null, null, null)));

        assertThat(errors(set(task))).containsExactly(
                "tasks[0].exemplars[0].inputs: is required (values for: question)",
                "tasks[0].exemplars[1].id: duplicate exemplar id \"a\" (also used by tasks[0].exemplars[0])",
                "tasks[0].exemplars[1].answer: is required");
    }

    @Test
    void everyInputVariableNeedsAValueSayingWhereItIsUsed() {
        Task task = withTemplate(PromptSetFixtures.minimalTask(),
                new PromptTemplate("Topic: {{topic}}.", "Q: {{question}}", null, null, null));

        assertThat(errors(set(task))).containsExactly(
                "tasks[0].exemplars[0].inputs: no value for \"topic\", which tasks[0].template.instruction uses",
                "tasks[0].cases[0].inputs: no value for \"topic\", which tasks[0].template.instruction uses");
    }

    @Test
    void aVariantsOverridingInputAddsItsVariables() {
        Variant hinted = copy(Variant.named("hinted"), null, null, null,
                new PromptTemplate(null, "Q: {{question}} Hint: {{hint}}", null, null, null), null, null);
        Task task = PromptSetFixtures.minimalTask().withVariants(List.of(Variant.named("direct"), hinted));

        assertThat(errors(set(task))).containsExactly(
                "tasks[0].exemplars[0].inputs: no value for \"hint\", which tasks[0].variants[1].template.input uses",
                "tasks[0].cases[0].inputs: no value for \"hint\", which tasks[0].variants[1].template.input uses");
    }

    @Test
    void reservedNamesAndOutputOnlyNamesNeedNoInput() {
        Task task = withTemplate(PromptSetFixtures.minimalTask(),
                new PromptTemplate("{{#rationale}}Explain.{{/rationale}}", "Q: {{question}} {{answer}}", null,
                        "{{answer}}", null));

        assertThat(errors(set(task))).isEmpty();
    }

    @Test
    void aNullInputValueIsAnError() {
        Map<String, String> inputs = new java.util.HashMap<>();
        inputs.put("question", null);
        Task task = PromptSetFixtures.minimalTask().withCases(List.of(new TestCase(null, inputs, "1")));

        assertThat(errors(set(task))).containsExactly("tasks[0].cases[0].inputs.question: expected text, got null");
    }

    @Test
    void casesNeedInputsAndUniqueIds() {
        Task task = PromptSetFixtures.minimalTask().withCases(List.of(
                new TestCase("c", Map.of("question", "q"), "1"), new TestCase("c", Map.of(), "2")));

        assertThat(errors(set(task))).containsExactly(
                "tasks[0].cases[1].id: duplicate case id \"c\" (also used by tasks[0].cases[0])",
                "tasks[0].cases[1].inputs: is required (values for: question)");
    }

    @Test
    void eachChoiceNeedsATextGivenOnceAndAFiniteScore() {
        List<Choice> choices = Arrays.asList(new Choice(null, 1.0), new Choice(" ", 0.0), Choice.of("a", 0),
                Choice.of("a", 0.5), new Choice("b", null), new Choice("c", Double.NaN),
                new Choice("d", Double.POSITIVE_INFINITY), null);

        assertThat(errors(set(withCase("1", choices)))).containsExactly(
                "tasks[0].cases[0].choices[0].text: is required",
                "tasks[0].cases[0].choices[1].text: must not be blank",
                "tasks[0].cases[0].choices[3].text: duplicate choice text \"a\" (also used by"
                        + " tasks[0].cases[0].choices[2])",
                "tasks[0].cases[0].choices[4].score: is required",
                "tasks[0].cases[0].choices[5].score: must be a finite number, got NaN",
                "tasks[0].cases[0].choices[6].score: must be a finite number, got Infinity",
                "tasks[0].cases[0].choices[7]: expected an object, got null");
    }

    @Test
    void choicesNeedATopScoredOneAndTheExpectedAnswerAmongTheTopScored() {
        assertThat(errors(set(withCase("a", List.of(Choice.of("a", 1)))))).containsExactly(
                "tasks[0].cases[0].choices: needs at least two choices, got 1");
        assertThat(errors(set(withCase("a", List.of(Choice.of("a", 0.5), Choice.of("b", 0.5)))))).containsExactly(
                "tasks[0].cases[0].choices: every choice scores 0.5, so none is the answer");
        assertThat(errors(set(withCase("b", List.of(Choice.of("a", 1), Choice.of("b", 0), Choice.of("c", 1))))))
                .containsExactly("tasks[0].cases[0].expected: must be the text of a top-scored choice (\"a\","
                        + " \"c\"), got \"b\"");
        assertThat(errors(set(withCase("c", List.of(Choice.of("a", 1), Choice.of("b", 0), Choice.of("c", 1))))))
                .as("either tied top choice").isEmpty();
        assertThat(errors(set(withCase(null, List.of(Choice.of("a", 1), Choice.of("b", 0)))))).isEmpty();
    }

    @Test
    void shotsAndSamplesMustBeInRange() {
        Variant variant = copy(Variant.named("v").withShots(-1), null, null, null, null, 0, null);

        assertThat(errors(withVariants(variant))).containsExactly(
                "tasks[0].variants[0].shots: must be 0 or more, got -1",
                "tasks[0].variants[0].samples: must be 1 or more, got 0");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "-0.5 | null | null | null | temperature: must be 0 or more, got -0.5",
        "null | 0    | null | null | topP: must be more than 0 and at most 1, got 0",
        "null | 1.5  | null | null | topP: must be more than 0 and at most 1, got 1.5",
        "null | null | 0    | null | maxTokens: must be 1 or more, got 0",
        "null | null | null | -1   | topLogprobs: must be 0 or more, got -1",
    })
    void settingsMustBeInRangeWhereverTheyAppear(@Nullable Double temperature, @Nullable Double topP,
            @Nullable Integer maxTokens, @Nullable Integer topLogprobs, String problem) {
        GenerationSettings settings = new GenerationSettings(temperature, topP, maxTokens, null, null, topLogprobs);
        PromptSet minimal = PromptSetFixtures.minimal();
        ModelTarget target = new ModelTarget("t", "local", "m", settings);
        Variant variant = copy(Variant.named("v"), null, null, null, null, null, settings);
        PromptSet set = new PromptSet(PromptSet.FORMAT, 1, "x", null, settings, List.of(target),
                List.of(minimal.tasks().getFirst().withVariants(List.of(variant))));

        assertThat(errors(set)).containsExactly("defaults." + problem, "targets[0].settings." + problem,
                "tasks[0].variants[0].settings." + problem);
    }

    @Test
    void stopSequencesMustBeNonEmptyText() {
        GenerationSettings settings = new GenerationSettings(null, null, null, Arrays.asList("", null), null, null);
        PromptSet minimal = PromptSetFixtures.minimal();
        PromptSet set = new PromptSet(PromptSet.FORMAT, 1, "x", null, settings, List.of(), minimal.tasks());

        assertThat(errors(set)).containsExactly("defaults.stop[0]: must not be empty",
                "defaults.stop[1]: expected text, got null");
    }

    @Test
    void targetsNeedIdEndpointAndModelAndUniqueIds() {
        PromptSet minimal = PromptSetFixtures.minimal();
        List<ModelTarget> targets = List.of(new ModelTarget("a", "local", "m", null),
                new ModelTarget("a", null, "", null));
        PromptSet set = new PromptSet(PromptSet.FORMAT, 1, "x", null, null, targets, minimal.tasks());

        assertThat(errors(set)).containsExactly(
                "targets[1].id: duplicate target id \"a\" (also used by targets[0])",
                "targets[1].endpoint: is required",
                "targets[1].model: must not be blank");
    }

    @Test
    void aVariantMayOnlyNameExemplarsOfItsTask() {
        Variant variant = copy(Variant.named("v"), List.of("basket", "nope"), null, null, null, null, null);

        assertThat(errors(withVariants(variant))).containsExactly(
                "tasks[0].variants[0].exemplars[1]: no exemplar with id \"nope\" in this task");
    }

    @Test
    void customReasoningNeedsAVariantTemplate() {
        Variant variant = Variant.named("v").withReasoning(ReasoningStyle.CUSTOM);

        assertThat(errors(withVariants(variant))).containsExactly(
                "tasks[0].variants[0].template: is required when reasoning is custom");
    }

    @Test
    void aVariantTemplateThatDoesNotParseIsAnErrorOnItsField() {
        Variant variant = copy(Variant.named("v"), null, null, null,
                new PromptTemplate(null, "Q: {{question}} {{/oops}}", null, null, null), null, null);

        assertThat(errors(withVariants(variant))).containsExactly("tasks[0].variants[0].template.input: not a valid"
                + " template: section close tag with no open tag 'oops' (line 1)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "REGEX       | null     | null        | null | pattern: is required when extract or fallback is regex",
        "ANSWER_IS   | null     | REGEX       | null | pattern: is required when extract or fallback is regex",
        "REGEX       | (?<a     | null        | null | pattern: not a valid regular expression:"
                + " named capturing group is missing trailing '>' near index 4",
        "REGEX       | ([0-9]+) | REGEX       | null | fallback: must differ from extract (both are regex)",
        "null        | null     | ANSWER_IS   | null | fallback: must differ from extract (both are answer-is)",
        "CHOICE      | null     | null        | AB1  | choices: must be letters only, e.g. \"ABCD\", got \"AB1\"",
        "CHOICE      | null     | null        | ''   | choices: must be letters only, e.g. \"ABCD\", got \"\"",
    })
    void answerFormatRules(@Nullable ExtractRule extract, @Nullable String pattern, @Nullable ExtractRule fallback,
            @Nullable String choices, String problem) {
        AnswerFormat answer = new AnswerFormat(extract, pattern, fallback, choices, CompareRule.TEXT);

        assertThat(errors(set(withAnswer(PromptSetFixtures.minimalTask(), answer))))
                .containsExactly("tasks[0].answer." + problem);
    }

    @Test
    void aRegexWithGroupsIsFine() {
        AnswerFormat answer = new AnswerFormat(ExtractRule.REGEX, "(?m)^(\\d+)(?<answer>x)?$", ExtractRule.LAST_NUMBER,
                null, CompareRule.NUMERIC);

        ValidationReport report = validator.validate(set(withAnswer(PromptSetFixtures.minimalTask(), answer)));

        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        CHRF  | 101  | threshold: must be a chrF score from 0 to 100, got 101.0
        CHRF  | -1   | threshold: must be a chrF score from 0 to 100, got -1.0
        TESTS | 1.5  | threshold: must be the share of tests that pass, from 0 to 1, got 1.5
    """)
    void aThresholdOutsideItsRulesScaleIsRefused(CompareRule rule, double threshold, String problem) {
        AnswerFormat answer = new AnswerFormat(null, null, null, null, rule, threshold, null, null);

        assertThat(errors(set(withAnswer(PromptSetFixtures.minimalTask(), answer))))
                .containsExactly("tasks[0].answer." + problem);
    }

    @Test
    void aThresholdOnARuleThatDoesNotScoreIsAWarning() {
        AnswerFormat text = new AnswerFormat(null, null, null, null, CompareRule.TEXT, 50.0, null, null);
        AnswerFormat chrf = new AnswerFormat(null, null, null, null, CompareRule.CHRF, 60.0, null, null);

        assertThat(warnings(set(withAnswer(PromptSetFixtures.minimalTask(), text)))).containsExactly(
                "tasks[0].answer.threshold: is not used unless compare is chrf, judge or tests");
        assertThat(validator.validate(set(withAnswer(PromptSetFixtures.minimalTask(), chrf))).errors()).isEmpty();
    }

    @Test
    void warnsAboutAPatternNoRuleUses() {
        AnswerFormat answer = new AnswerFormat(ExtractRule.LAST_NUMBER, "\\d+", null, null, null);

        assertThat(warnings(set(withAnswer(PromptSetFixtures.minimalTask(), answer)))).containsExactly(
                "tasks[0].answer.pattern: is not used unless extract or fallback is regex");
    }

    @Test
    void warnsAboutAnInputNoTemplateUses() {
        Task task = PromptSetFixtures.minimalTask().withCases(List.of(
                new TestCase(null, inputs("question", "q", "note", "unused"), "1")));

        assertThat(warnings(set(task))).containsExactly("tasks[0].cases[0].inputs.note: no template uses \"note\"");
    }

    @Test
    void anInputUsedOnlyByTheOutputTemplateIsUsed() {
        Task task = withTemplate(PromptSetFixtures.minimalTask(),
                new PromptTemplate(null, "Q: {{question}}", null, "{{unit}} {{answer}}", null));
        task = task.withExemplars(List.of(new Exemplar(null, inputs("question", "q", "unit", "cm"), null, "1", null)));

        assertThat(warnings(set(task))).isEmpty();
    }

    @Test
    void warnsWhenAChainOfThoughtVariantShowsExemplarsWithoutRationale() {
        Task task = PromptSetFixtures.minimalTask().withExemplars(List.of(BASKET, BARE))
                .withVariants(List.of(Variant.named("cot").withReasoning(ReasoningStyle.FEW_SHOT_RATIONALE)));

        assertThat(warnings(set(task))).containsExactly("tasks[0].variants[0].reasoning: few-shot-rationale shows"
                + " rationales, but 1 of the 2 exemplars it shows has none: bare");
    }

    @Test
    void onlyTheExemplarsAFirstSelectionShowsNeedRationales() {
        Variant oneShot = Variant.named("cot").withReasoning(ReasoningStyle.FEW_SHOT_RATIONALE).withShots(1);
        Task task = PromptSetFixtures.minimalTask().withExemplars(List.of(BASKET, BARE))
                .withVariants(List.of(oneShot));

        assertThat(warnings(set(task))).isEmpty();
    }

    @Test
    void warnsAboutSeveralSamplesWithoutSampling() {
        Variant unset = copy(Variant.named("unset"), null, null, null, null, 5, null);
        Variant greedy = copy(Variant.named("greedy"), null, null, null, null, 5,
                new GenerationSettings(0.0, null, null, null, null, null));
        Variant warm = copy(Variant.named("warm"), null, null, null, null, 5,
                new GenerationSettings(0.7, null, null, null, null, null));

        assertThat(warnings(withVariants(unset, greedy, warm))).containsExactly(
                "tasks[0].variants[0].samples: 5 samples, but no temperature is set, so they may all be the same;"
                        + " set settings.temperature above 0 for self-consistency",
                "tasks[0].variants[1].samples: 5 samples at temperature 0 all give the same answer;"
                        + " set settings.temperature above 0 for self-consistency");
    }

    @Test
    void theSetsDefaultTemperatureCountsForSampling() {
        PromptSet minimal = PromptSetFixtures.minimal();
        Variant sampled = copy(Variant.named("sc"), null, null, null, null, 5, null);
        PromptSet set = new PromptSet(PromptSet.FORMAT, 1, "x", null,
                new GenerationSettings(0.8, null, null, null, null, null), List.of(),
                List.of(minimal.tasks().getFirst().withVariants(List.of(sampled))));

        assertThat(warnings(set)).isEmpty();
    }

    @Test
    void warnsAboutACaseWithoutExpectedAnswerUnlessNothingIsGraded() {
        Task task = PromptSetFixtures.minimalTask().withCases(List.of(TestCase.of(Map.of("question", "q"))));

        assertThat(warnings(set(task))).containsExactly(
                "tasks[0].cases[0].expected: missing, so this case cannot be graded"
                        + " (the task compares answers as text)");
        assertThat(warnings(set(withAnswer(task, new AnswerFormat(null, null, null, null, CompareRule.NONE)))))
                .isEmpty();
    }

    @Test
    void aTaskGradedByTestsReadsTheTestsAndLanguageInputsAndWarnsWhenTestsAreMissing() {
        AnswerFormat tests = new AnswerFormat(ExtractRule.CODE_BLOCK, null, null, null, CompareRule.TESTS, null, null,
                null);
        Task task = withAnswer(PromptSetFixtures.minimalTask().withCases(List.of(
                TestCase.of(Map.of("question", "q", "tests", "assert f() == 1", "language", "python")),
                TestCase.of(Map.of("question", "q")))), tests);

        assertThat(warnings(set(task))).containsExactly("tasks[0].cases[1].inputs.tests: missing, so this case"
                + " cannot be graded (the task is graded by running its tests)");
    }

    @Test
    void warnsAboutMoreShotsThanEnabledExemplars() {
        Task task = PromptSetFixtures.minimalTask().withExemplars(List.of(BASKET, OFF))
                .withVariants(List.of(Variant.named("v").withShots(2)));

        assertThat(warnings(set(task))).containsExactly(
                "tasks[0].variants[0].shots: asks for 2 exemplars but only 1 is available (enabled)");
    }

    @Test
    void warnsAboutADisabledExemplarAVariantNames() {
        Variant variant = copy(Variant.named("v"), List.of("basket", "off"), null, null, null, null, null);
        Task task = PromptSetFixtures.minimalTask().withExemplars(List.of(BASKET, OFF))
                .withVariants(List.of(variant));

        assertThat(warnings(set(task))).containsExactly(
                "tasks[0].variants[0].exemplars[1]: exemplar \"off\" is disabled, so this variant never shows it");
    }

    @Test
    void problemsCarryTheFileAndLocationGiven() {
        ValidationReport report = validator.validate(PromptSet.of(null, List.of(PromptSetFixtures.minimalTask())),
                SourceMap.NONE, "set.rationale.json");

        assertThat(report.errors()).containsExactly(new Problem("set.rationale.json", 0, 0, "name", "is required"));
    }

    private List<String> errors(PromptSet set) {
        return validator.validate(set).errors().stream().map(Problem::format).toList();
    }

    private List<String> warnings(PromptSet set) {
        ValidationReport report = validator.validate(set);
        assertThat(report.errors()).isEmpty();
        return report.warnings().stream().map(Problem::format).toList();
    }

    private static PromptSet set(Task task) {
        return PromptSet.of("x", List.of(task));
    }

    private static PromptSet withVariants(Variant... variants) {
        return set(PromptSetFixtures.minimalTask().withVariants(new ArrayList<>(List.of(variants))));
    }

    private static Task withCase(@Nullable String expected, List<Choice> choices) {
        return PromptSetFixtures.minimalTask().withCases(List.of(new TestCase(null, Map.of("question", "q"),
                expected, choices)));
    }

    private static Task withId(Task task, @Nullable String id) {
        return new Task(id, task.title(), task.description(), task.template(), task.answer(), task.exemplars(),
                task.cases(), task.variants());
    }

    private static Task withTemplate(Task task, @Nullable PromptTemplate template) {
        return new Task(task.id(), task.title(), task.description(), template, task.answer(), task.exemplars(),
                task.cases(), task.variants());
    }

    private static Task withAnswer(Task task, AnswerFormat answer) {
        return new Task(task.id(), task.title(), task.description(), task.template(), answer, task.exemplars(),
                task.cases(), task.variants());
    }

    // Variant has withers for shots, reasoning and shape only; this sets the other fields the tests vary.
    private static Variant copy(Variant v, @Nullable List<String> exemplars, @Nullable ExemplarSelection selection,
            @Nullable String trigger, @Nullable PromptTemplate template, @Nullable Integer samples,
            @Nullable GenerationSettings settings) {
        return new Variant(v.id(), v.label(), v.shots(), exemplars == null ? v.exemplars() : exemplars,
                selection == null ? v.selection() : selection, v.seed(), v.reasoning(),
                trigger == null ? v.trigger() : trigger, v.shape(), v.system(),
                template == null ? v.template() : template, samples == null ? v.samples() : samples,
                settings == null ? v.settings() : settings);
    }
}
