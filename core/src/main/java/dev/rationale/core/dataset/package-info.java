// SPDX-License-Identifier: Apache-2.0
/**
 * Datasets: test cases kept outside a prompt set, in CSV, JSON Lines or BIG-bench task JSON files.
 * {@link dev.rationale.core.dataset.Datasets} reads such a file into a {@link dev.rationale.core.dataset.Dataset}
 * and maps its columns onto a task's input variables; {@link dev.rationale.core.dataset.PromptSetImport} turns one
 * into a new prompt set or adds its cases to a task of an existing one. Reading is all or nothing: a file with any
 * problem gives a {@link dev.rationale.core.dataset.DatasetException} naming the file and line, never a partial
 * list. {@code docs/datasets.md} describes the accepted shapes.
 */
@NullMarked
package dev.rationale.core.dataset;

import org.jspecify.annotations.NullMarked;
