// SPDX-License-Identifier: Apache-2.0
/**
 * The History tab: the runs kept in the workspace's history database (every Run, Compare column, branch and
 * evaluation), their completions a page at a time and each completion in full, shown again in Output or Compare;
 * two runs compared; a run reopened, rerun, reported or deleted. {@link dev.rationale.app.history.RunRecorder} writes
 * the runs started outside an evaluation; the evaluation runner writes its own.
 */
@NullMarked
package dev.rationale.app.history;

import org.jspecify.annotations.NullMarked;
