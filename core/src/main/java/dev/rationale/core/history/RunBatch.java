// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

/**
 * A provider batch that an evaluation run submitted or collected: its completions were answered at the batch
 * price, and the batch's id finds it again at the provider.
 *
 * @param batch the provider's id of the batch
 * @param api which batch API, e.g. {@code "OpenAI Batch"}
 * @param target the model target's id whose requests it holds
 * @param state where the batch was when last seen, in {@code BatchState}'s words ({@code completed},
 *     {@code expired}…)
 * @param requests requests it holds
 * @param finished of those, answered or failed when last seen
 * @param failed of {@code finished}, those that failed
 * @param imported whether its answers are in the run
 */
public record RunBatch(String batch, String api, String target, String state, int requests, int finished, int failed,
        boolean imported) {
}
