// SPDX-License-Identifier: Apache-2.0
/**
 * Evaluations through the providers' batch APIs ({@link dev.rationale.core.provider.batch.BatchApi}): the plan's
 * missing completions rendered as a run would send them, split to fit each provider's limits, submitted, their
 * batch ids kept in the results file so that a later process can poll and import them, and the answers graded like
 * any evaluation's. See {@link dev.rationale.core.batch.BatchRunner}.
 */
@NullMarked
package dev.rationale.core.batch;

import org.jspecify.annotations.NullMarked;
