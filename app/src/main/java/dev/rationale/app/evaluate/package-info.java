// SPDX-License-Identifier: Apache-2.0
/**
 * The Evaluate tab: an evaluation of the open task's variants (or a k-shot sweep) on one or more models, its
 * progress with cancel and resume, the grid of scores with 95% intervals, and the charts: accuracy per variant,
 * against the number of shots and against the model, the vote distribution of one case, the calibration diagram,
 * and the likelihood accuracy of multiple-choice cases. Evaluated cases open again in Output or Compare.
 */
@NullMarked
package dev.rationale.app.evaluate;

import org.jspecify.annotations.NullMarked;
