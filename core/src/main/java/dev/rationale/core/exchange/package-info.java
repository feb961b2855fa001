// SPDX-License-Identifier: Apache-2.0
/**
 * Exchange: prompt sets written to other formats and read back from them, one reader/writer pair per format.
 * {@link dev.rationale.core.exchange.PromptSetExporter} is the entry point for every export format
 * ({@link dev.rationale.core.exchange.ExportFormat}); {@link dev.rationale.core.exchange.PromptfooReader} imports a
 * promptfoo configuration. What a format cannot carry is never dropped silently: each export and import returns
 * the list of what it could not map. {@code docs/exchange.md} describes every mapping. Nothing here touches a
 * key: endpoints are referred to by where their key is, never by its value.
 */
@NullMarked
package dev.rationale.core.exchange;

import org.jspecify.annotations.NullMarked;
