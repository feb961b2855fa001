// SPDX-License-Identifier: Apache-2.0
/**
 * File &gt; Export: the open prompt set written in another format through {@code core.exchange}, with the run bar's
 * endpoint and model where a format names one. No JavaFX here; {@link dev.rationale.app.shell.SetExporter} asks where
 * and runs it off the FX thread.
 */
@NullMarked
package dev.rationale.app.exchange;

import org.jspecify.annotations.NullMarked;
