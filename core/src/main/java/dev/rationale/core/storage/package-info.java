// SPDX-License-Identifier: Apache-2.0
/**
 * How Rationale's files sit on disk. {@link dev.rationale.core.storage.AtomicFiles} replaces a file's content in
 * one step, so a crash or a full disk leaves either the old file or the new one, never half of each.
 */
@NullMarked
package dev.rationale.core.storage;

import org.jspecify.annotations.NullMarked;
