// SPDX-License-Identifier: Apache-2.0
/**
 * The training run behind the command line's ahead-of-time cache (JDK 25's {@code -XX:AOTCache}): the build runs
 * it once after packaging the jar, and the launchers start the JVM with the cache it leaves, so the classes,
 * linking and method profiles of a typical run are ready before {@code main}.
 */
@NullMarked
package dev.rationale.cli.aot;

import org.jspecify.annotations.NullMarked;
