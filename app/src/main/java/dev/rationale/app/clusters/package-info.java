// SPDX-License-Identifier: Apache-2.0
/**
 * Several samples of one case read together: their answer clusters as a bar chart (a bar's chains shown on
 * selection) and their reasoning chains aligned step by step. Shown in Evaluate's case detail and in Compare; the
 * work is done by {@link dev.rationale.core.analysis.ClusteredChains} off the FX thread.
 */
@NullMarked
package dev.rationale.app.clusters;

import org.jspecify.annotations.NullMarked;
