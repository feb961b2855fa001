// SPDX-License-Identifier: Apache-2.0
/**
 * The words of the domain (prompt set, task, exemplar, test case, variant, model target) as immutable
 * records, and the file format that stores them: {@link dev.rationale.core.promptset.PromptSetFiles} reads
 * and writes {@code *.rationale.json} and YAML files, {@link dev.rationale.core.promptset.PromptSetValidator}
 * checks their meaning. The records hold exactly what a file says; absent optional fields are null and
 * the {@code effective...} methods give the defaults the format documents.
 */
@NullMarked
package dev.rationale.core.promptset;

import org.jspecify.annotations.NullMarked;
