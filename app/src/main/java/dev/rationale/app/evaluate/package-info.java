// SPDX-License-Identifier: Apache-2.0
/**
 * The Evaluate screen's charts: accuracy per variant with 95% intervals, accuracy against the number of shots and
 * against the model, the vote distribution of one case, and the calibration diagram. Each chart takes plain figures
 * computed in core and holds no state of its own.
 */
@NullMarked
package dev.rationale.app.evaluate;

import org.jspecify.annotations.NullMarked;
