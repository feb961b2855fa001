// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.endpoint;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * One server of a pool: a named endpoint and how many requests it takes at once.
 *
 * @param endpoint the name of an endpoint in the same file
 * @param concurrency requests in flight on it at most, 1 or more; a pool refuses a member without it (servers differ
 *     too much for a default to fit)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"endpoint", "concurrency"})
public record PoolMember(String endpoint, @Nullable Integer concurrency) {
}
