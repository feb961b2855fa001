// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import java.util.List;

/** A pool's view of its members, for progress lines and the Endpoints screen. Thread-safe; never blocks on I/O. */
public interface PoolHealth {

    /** The pool's endpoint name. */
    String name();

    /** Requests in flight over all members at most: the sum of their concurrencies. */
    int capacity();

    /** Each member's health now, in the pool's order. */
    List<MemberHealth> members();
}
