// SPDX-License-Identifier: Apache-2.0
/**
 * The Output tab: one run streamed as a token heat map with each token's alternatives in a popup, the reasoning
 * split into steps with their confidence, the extracted answer and its grade, timings, usage and the request as
 * sent. The same view shows each Compare column and completions read back from an evaluation or the history.
 */
@NullMarked
package dev.rationale.app.output;

import org.jspecify.annotations.NullMarked;
