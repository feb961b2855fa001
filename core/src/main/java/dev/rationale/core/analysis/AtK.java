// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.analysis;

/**
 * A cell's accuracy when k of each case's samples are used, three ways ({@link AtKScores} says how each is
 * computed): the mean over the cell's graded cases, each 0..1.
 *
 * @param k how many samples
 * @param pass pass@k: the chance that at least one of k samples drawn at random is correct
 * @param maj maj@k: the majority of the first k samples is correct
 * @param cons cons@k: the majority of k samples is correct, expected over every choice and order of the k
 */
public record AtK(int k, double pass, double maj, double cons) {
}
