// SPDX-License-Identifier: Apache-2.0
/**
 * Running a prompt set's variants: turning a task, a variant and a test case with their generation settings into
 * the completion request a provider takes; continuing an answer from one of its points, with another token
 * ({@link dev.rationale.core.run.Branching}) or K times to see whether the answer flips
 * ({@link dev.rationale.core.run.Resampler}). Shared by the desktop app and the command line.
 */
@NullMarked
package dev.rationale.core.run;

import org.jspecify.annotations.NullMarked;
