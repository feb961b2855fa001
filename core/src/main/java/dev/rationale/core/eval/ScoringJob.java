// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.promptset.Variant;

/** One case of a variant on a target to score by likelihood: its prompt with each option as continuation. */
record ScoringJob(Variant variant, EvalTarget target, String caseId, TestCase testCase, ChoiceQuestion question) {

    CompletionKey.CaseKey key() {
        return new CompletionKey.CaseKey(String.valueOf(variant.id()), target.id(), caseId);
    }
}
