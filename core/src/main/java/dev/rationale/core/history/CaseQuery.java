// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import org.jspecify.annotations.Nullable;

/**
 * One case of one variant on one model, looked for across every run of a prompt set's task: where an evaluation
 * that was stopped and resumed keeps the completions of each session, each in a run of its own.
 *
 * @param promptSetFile the prompt set's file as the runs stored it ({@link Run#promptSetFile}); null for runs of an
 *     unsaved set
 * @param task the task's id
 * @param endpoint the target's endpoint name
 */
public record CaseQuery(@Nullable String promptSetFile, @Nullable String task, String variant, String endpoint,
        String model, String caseId) {
}
