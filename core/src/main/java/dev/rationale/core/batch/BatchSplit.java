// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.batch;

import dev.rationale.core.provider.batch.BatchItem;
import dev.rationale.core.provider.batch.BatchLimits;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Gathers requests, in order, into batches that keep to a provider's limits on requests and bytes: an item that
 * would take the batch over either starts the next one. One item larger than the byte limit on its own goes alone
 * (the provider's refusal then says what is wrong). Not thread-safe.
 */
final class BatchSplit {

    /** One batch's worth: the plan's completion numbers and their requests, in the same order. */
    record Chunk(int[] slots, List<BatchItem> items) {
    }

    private final BatchLimits limits;
    private int[] slots = new int[16];
    private List<BatchItem> items = new ArrayList<>();
    private long bytes;

    BatchSplit(BatchLimits limits) {
        this.limits = limits;
    }

    /**
     * Adds an item of {@code size} bytes; returns the batch it closed, or null when it still fits in the open one.
     */
    @Nullable Chunk add(int slot, BatchItem item, long size) {
        Chunk closed = null;
        if (!items.isEmpty() && (items.size() == limits.requests() || bytes + size > limits.bytes())) {
            closed = rest();
        }
        if (items.size() == slots.length) {
            slots = Arrays.copyOf(slots, slots.length * 2);
        }
        slots[items.size()] = slot;
        items.add(item);
        bytes += size;
        return closed;
    }

    /** The open batch, and the split starts afresh; null when it holds nothing. */
    @Nullable Chunk rest() {
        if (items.isEmpty()) {
            return null;
        }
        Chunk chunk = new Chunk(Arrays.copyOf(slots, items.size()), items);
        items = new ArrayList<>();
        bytes = 0;
        return chunk;
    }
}
