// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

/** A running completion. Cancelling ends it at once with {@link FinishReason#CANCELLED}; calling again is harmless. */
@FunctionalInterface
public interface Cancellable {
    void cancel();
}
