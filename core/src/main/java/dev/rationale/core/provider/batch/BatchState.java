// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.batch;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a batch is, in one vocabulary across providers; the provider's own word is kept in {@link BatchStatus}. */
public enum BatchState {
    /** Accepted, being checked or waiting for its turn. */
    @JsonProperty("pending") PENDING(false),
    /** Its requests are being answered. */
    @JsonProperty("running") RUNNING(false),
    /** Cancel was asked; requests already running may still finish. */
    @JsonProperty("cancelling") CANCELLING(false),
    /** Every request was answered or failed; the answers can be read. */
    @JsonProperty("completed") COMPLETED(true),
    /** The whole batch was refused (e.g. its input file was invalid); no request was answered. */
    @JsonProperty("failed") FAILED(true),
    /** The provider's time ran out; what finished can be read, the rest is not answered. */
    @JsonProperty("expired") EXPIRED(true),
    /** Cancelled; what finished before can be read. */
    @JsonProperty("cancelled") CANCELLED(true);

    private final boolean ended;

    BatchState(boolean ended) {
        this.ended = ended;
    }

    /** Whether the batch will not change any more: its answers, if any, are final. */
    public boolean ended() {
        return ended;
    }

    /** The word the results file and the history keep. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
