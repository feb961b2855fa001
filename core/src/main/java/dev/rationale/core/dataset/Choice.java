// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.dataset;

/**
 * One option of a multiple-choice case with the score its file gives it (BIG-bench {@code target_scores}): the
 * options with the highest score are the expected answers, and a likelihood scorer ranks all of them.
 */
public record Choice(String text, double score) {
}
