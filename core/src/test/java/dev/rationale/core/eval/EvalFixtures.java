// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.CompareRule;
import dev.rationale.core.answer.ExtractRule;
import dev.rationale.core.promptset.GenerationSettings;
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
import java.util.function.Consumer;

/** A task of sums for evaluation tests: case {@code c07} asks "What is 7 + 3?" and expects 10. */
final class EvalFixtures {
    private EvalFixtures() {
    }

    static Task sums(int caseCount, Variant... variants) {
        List<TestCase> cases = new ArrayList<>();
        for (int i = 0; i < caseCount; i++) {
            cases.add(new TestCase(String.format("c%02d", i), Map.of("question", question(i)),
                    String.valueOf(i + 3)));
        }
        return new Task("sums", null, null, new PromptTemplate(null, "Q: {{question}}", null, null, null),
                format(), List.of(), cases, List.of(variants));
    }

    static AnswerFormat format() {
        return new AnswerFormat(ExtractRule.ANSWER_IS, null, null, null, CompareRule.NUMERIC);
    }

    static String question(int i) {
        return "What is " + i + " + 3?";
    }

    /** What the variant sends as its last user message for case i. */
    static String lastMessage(Variant variant, int i) {
        String trigger = variant.appendedTrigger();
        String question = "Q: " + question(i);
        return trigger.isEmpty() ? question : question + "\n\n" + trigger;
    }

    static Variant direct() {
        return Variant.named("direct").withShape(PromptShape.CHAT);
    }

    static Variant stepByStep() {
        return Variant.named("cot").withShape(PromptShape.CHAT).withReasoning(ReasoningStyle.ZERO_SHOT_TRIGGER);
    }

    static Variant voting(int samples) {
        return new Variant("vote", null, null, List.of(), null, null, null, null, PromptShape.CHAT, null, null,
                samples, new GenerationSettings(0.7, null, null, null, null, null));
    }

    /** A listener that hands each likelihood score to {@code heard} and ignores completions. */
    static EvalListener onScore(Consumer<LikelihoodRecord> heard) {
        return new EvalListener() {
            @Override
            public void finished(SampleRecord record) {
            }

            @Override
            public void scored(LikelihoodRecord record) {
                heard.accept(record);
            }
        };
    }

    static PromptSet set(Task task) {
        return PromptSet.of("sums", List.of(task));
    }
}
