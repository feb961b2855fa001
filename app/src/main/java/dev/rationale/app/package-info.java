// SPDX-License-Identifier: Apache-2.0
/**
 * The JavaFX application: {@link dev.rationale.app.RationaleApp} starts it (through {@link dev.rationale.app.Launcher}
 * from a jar) and closes it, and {@link dev.rationale.app.AppContext} is the one composition root, which creates the
 * services once and builds every view model from them, with the FX executor and the clock injected. Feature packages
 * below hold one screen or dialog each: a view that builds nodes and a view model that holds state.
 */
@NullMarked
package dev.rationale.app;

import org.jspecify.annotations.NullMarked;
