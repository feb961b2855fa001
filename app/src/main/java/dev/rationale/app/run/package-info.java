// SPDX-License-Identifier: Apache-2.0
/**
 * The run bar's state and what it feeds: the endpoint, model, chat layout and generation settings of the next run,
 * and {@link dev.rationale.app.run.RunPlanner}, which turns a variant, a case and those settings into the request a
 * provider streams.
 */
@NullMarked
package dev.rationale.app.run;

import org.jspecify.annotations.NullMarked;
