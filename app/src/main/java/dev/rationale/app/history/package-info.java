// SPDX-License-Identifier: Apache-2.0
/**
 * The History screen: the runs and evaluations kept in the workspace's history database, their completions and
 * each completion in full. Reads only; the runner and the Output runs write.
 */
@NullMarked
package dev.rationale.app.history;

import org.jspecify.annotations.NullMarked;
