// SPDX-License-Identifier: Apache-2.0
/**
 * Multiple-choice scoring by likelihood, the way BIG-bench and PaLM scored multiple choice: each option is scored as
 * the continuation of the prompt, and the options are ranked by their log-probability, raw and per token.
 * {@link dev.rationale.core.scoring.ChoiceScorer} picks how a backend scores a continuation: the embedded engine
 * directly, a server that echoes prompt log-probabilities (vLLM's text completions) by sending prompt and option
 * together.
 */
@NullMarked
package dev.rationale.core.scoring;

import org.jspecify.annotations.NullMarked;
