// SPDX-License-Identifier: Apache-2.0
/**
 * The Compare tab: variants, endpoints, models or seeds side by side on one test case, run together, with how far
 * their answers agree, a word diff of two columns, scrolling kept in step, branch columns opened from an Output
 * token, and finished completions shown again without a run.
 */
@NullMarked
package dev.rationale.app.compare;

import org.jspecify.annotations.NullMarked;
