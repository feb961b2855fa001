// SPDX-License-Identifier: Apache-2.0
/**
 * The fuzz suite: seeded generators over every input Rationale reads from a file or a socket, asserting that bad
 * input ends in one of our documented exceptions with a location, in time linear in its size, and never changes
 * the file read. {@code -Dfuzz.count=N} sets the inputs tried per property (200 in the build); a failing input
 * names the {@code -Dfuzz.seed} and {@code -Dfuzz.count=1} that replay it alone.
 */
package dev.rationale.core.fuzz;
