// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.rationale.core.answer.AnswerFormat;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One thing to ask a model, in several ways: its templates, how its answers are read, the exemplars its
 * few-shot prompts draw from, the test cases to run, and the variants (prompting strategies) to compare.
 */
@JsonPropertyOrder({"id", "title", "description", "template", "answer", "exemplars", "cases", "variants"})
public record Task(
        @Nullable String id,
        @Nullable String title,
        @Nullable String description,
        @Nullable PromptTemplate template,
        @Nullable AnswerFormat answer,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Exemplar> exemplars,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<TestCase> cases,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Variant> variants) {

    public Task {
        exemplars = Lists.copyOf(exemplars);
        // A set read from a file has its cases as a CaseList already (immutable): kept as it is, not copied.
        cases = cases instanceof CaseList list ? list : Lists.copyOf(cases);
        variants = Lists.copyOf(variants);
    }

    public Optional<Variant> variant(String variantId) {
        return variants.stream().filter(v -> variantId.equals(v.id())).findFirst();
    }

    public AnswerFormat effectiveAnswer() {
        return answer == null ? AnswerFormat.DEFAULT : answer;
    }

    public PromptTemplate effectiveTemplate() {
        return template == null ? new PromptTemplate(null, null, null, null, null) : template;
    }

    public String effectiveTitle() {
        return title != null ? title : String.valueOf(id);
    }

    public Task withExemplars(List<Exemplar> newExemplars) {
        return new Task(id, title, description, template, answer, newExemplars, cases, variants);
    }

    public Task withCases(List<TestCase> newCases) {
        return new Task(id, title, description, template, answer, exemplars, newCases, variants);
    }

    public Task withVariants(List<Variant> newVariants) {
        return new Task(id, title, description, template, answer, exemplars, cases, newVariants);
    }
}
