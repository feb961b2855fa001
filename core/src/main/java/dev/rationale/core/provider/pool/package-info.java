// SPDX-License-Identifier: Apache-2.0
/**
 * Endpoint pools: several servers of one model behind one provider. Each request goes to the member with the fewest
 * requests in flight for its limit; a member that fails is taken out with a back-off and probed back in, and what
 * failed on it before anything reached the caller is sent to the others. The caller (an evaluation, a run) sees one
 * provider whose capacity is the members' summed concurrency.
 */
@NullMarked
package dev.rationale.core.provider.pool;

import org.jspecify.annotations.NullMarked;
