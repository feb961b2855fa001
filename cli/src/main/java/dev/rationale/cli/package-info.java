// SPDX-License-Identifier: Apache-2.0
/**
 * The {@code rationale} command line: thin picocli commands over {@code core}. Exit codes are part of the
 * contract scripts rely on: 0 success, 1 an unexpected failure, 2 bad input (a usage error, an invalid prompt
 * set, a prompt that cannot be rendered).
 */
@NullMarked
package dev.rationale.cli;

import org.jspecify.annotations.NullMarked;
