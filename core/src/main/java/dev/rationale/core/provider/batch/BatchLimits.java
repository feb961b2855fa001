// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.batch;

/**
 * The most one batch may hold: requests, and bytes as the provider counts them (the input file, or the create
 * request's body). Work above either is split into several batches.
 */
public record BatchLimits(int requests, long bytes) {

    public BatchLimits {
        if (requests < 1 || bytes < 1) {
            throw new IllegalArgumentException("batch limits must be positive: " + requests + " requests, " + bytes
                    + " bytes");
        }
    }
}
