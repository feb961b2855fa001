// SPDX-License-Identifier: Apache-2.0
/**
 * The hosted providers' batch APIs behind one interface: a {@link dev.rationale.core.provider.batch.BatchApi}
 * submits many requests as one job, reports its state, cancels it and hands back its answers matched by custom id.
 * Each provider's implementation lives in that provider's package beside its wire code; what a batch means for an
 * evaluation (splitting, keeping the ids, grading, resuming) is {@code dev.rationale.core.batch}'s.
 */
@NullMarked
package dev.rationale.core.provider.batch;

import org.jspecify.annotations.NullMarked;
