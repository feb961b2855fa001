// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.dataset;

import dev.rationale.core.promptset.PromptSet;
import java.util.List;

/**
 * A prompt set with imported cases, valid and ready to save, and what the import did.
 *
 * @param promptSet the new or updated set
 * @param taskId the task that received the cases
 * @param cases how many test cases were imported
 * @param exemplars how many examples became exemplars instead (BIG-bench few-shot)
 * @param ignoredColumns dataset columns that feed no input of the task
 * @param severalAnswers how many cases accepted more than one answer, of which the set keeps only the first as the
 *     expected answer (a case's tied top-scored choices stay in its choices)
 */
public record ImportResult(
        PromptSet promptSet,
        String taskId,
        int cases,
        int exemplars,
        List<String> ignoredColumns,
        long severalAnswers) {

    public ImportResult {
        ignoredColumns = List.copyOf(ignoredColumns);
    }
}
