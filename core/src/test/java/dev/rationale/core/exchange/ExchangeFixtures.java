// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.CompareRule;
import dev.rationale.core.answer.ExtractRule;
import dev.rationale.core.promptset.Choice;
import dev.rationale.core.promptset.Exemplar;
import dev.rationale.core.promptset.GenerationSettings;
import dev.rationale.core.promptset.ModelTarget;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptShape;
import dev.rationale.core.promptset.PromptTemplate;
import dev.rationale.core.promptset.ReasoningStyle;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.promptset.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A small sums prompt set: a one-shot variant with a system text and a voting chain-of-thought variant. */
final class ExchangeFixtures {
    static final String MODEL = "gpt-4o-mini";

    private ExchangeFixtures() {
    }

    static PromptSet set() {
        Task task = new Task("sums", null, null, new PromptTemplate(null, "Q: {{question}}", null, null, null),
                new AnswerFormat(ExtractRule.ANSWER_IS, null, null, null, CompareRule.NUMERIC),
                List.of(new Exemplar("e1", Map.of("question", "What is 1 + 1?"), "1 and 1 make 2.", "2", null)),
                List.of(new TestCase("c1", Map.of("question", "What is 2 + 3?"), "5"),
                        new TestCase("c2", Map.of("question", "What is 4 + 4?"), "8"),
                        new TestCase("c3", Map.of("question", "What is <b>7</b> + 2?"), "9")),
                List.of(oneShot(), voting()));
        return new PromptSet(PromptSet.FORMAT, PromptSet.CURRENT_VERSION, "Sums", null,
                new GenerationSettings(0.0, 0.9, 64, List.of(), 11L, null),
                List.of(new ModelTarget("main", "hosted", MODEL, new GenerationSettings(null, null, 128, List.of(),
                        null, null))),
                List.of(task));
    }

    /** The sums set with its first case multiple choice: options 4, 5 (correct) and 6, scored 0, 1 and 0.5. */
    static PromptSet withChoices() {
        PromptSet set = set();
        Task task = set.tasks().getFirst();
        List<TestCase> cases = new ArrayList<>(task.cases());
        cases.set(0, new TestCase("c1", Map.of("question", "What is 2 + 3?"), "5",
                List.of(Choice.of("4", 0), Choice.of("5", 1), Choice.of("6", 0.5))));
        return new PromptSet(set.format(), set.version(), set.name(), set.description(), set.defaults(),
                set.targets(), List.of(task.withCases(cases)));
    }

    static Variant oneShot() {
        return new Variant("one-shot", null, 1, List.of(), null, null, null, null, PromptShape.CHAT,
                "You add numbers.", null, null, new GenerationSettings(null, null, null, List.of(), null, 3));
    }

    static Variant voting() {
        return new Variant("cot-vote", null, 0, List.of(), null, null, ReasoningStyle.ZERO_SHOT_TRIGGER, null,
                PromptShape.CHAT, null, null, 2, new GenerationSettings(0.7, null, null, List.of(), null, null));
    }
}
