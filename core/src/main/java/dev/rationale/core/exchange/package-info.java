// SPDX-License-Identifier: Apache-2.0
/**
 * Exchange: prompt sets and runs written to other formats and read back from them, one reader/writer pair per
 * format. {@link dev.rationale.core.exchange.PromptSetExporter} is the entry point for the prompt-set formats
 * ({@link dev.rationale.core.exchange.ExportFormat}); {@link dev.rationale.core.exchange.PromptfooReader} imports a
 * promptfoo configuration; the OpenAI Batch export and import, a run's results (CSV, JSONL) and its HTML report
 * have classes of their own. What a format cannot carry is never dropped silently: each export and import returns
 * the list of what it could not map. {@code docs/exchange.md} and {@code docs/exchange-batch-and-reports.md}
 * describe every mapping. Nothing here touches a key: endpoints are referred to by where their key is (an
 * environment variable's name), never by its value; run results and reports carry no endpoint URL either.
 */
@NullMarked
package dev.rationale.core.exchange;

import org.jspecify.annotations.NullMarked;
