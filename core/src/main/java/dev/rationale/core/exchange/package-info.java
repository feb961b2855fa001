// SPDX-License-Identifier: Apache-2.0
/**
 * Import and export: a prompt set or a run's results in the formats other tools read, one reader/writer pair per
 * format. Exports carry prompts, settings and results only: never a key, a header or an endpoint's URL.
 */
@NullMarked
package dev.rationale.core.exchange;

import org.jspecify.annotations.NullMarked;
