// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.batch;

import dev.rationale.core.provider.CompletionRequest;

/**
 * One request of a batch.
 *
 * @param customId unique within its batch; the answer comes back under it
 */
public record BatchItem(String customId, CompletionRequest request) {
}
