// SPDX-License-Identifier: Apache-2.0
/**
 * What every screen shares to talk to the toolkit: the FX hand-off of streamed items in batches, a debounced
 * off-thread computation, the user dialogs view models ask through (and their JavaFX implementation), the
 * style-class names, the theme stylesheet swapped on a scene, scene snapshots, the uncaught-exception reporter, and
 * the user-facing text of a failure.
 */
@NullMarked
package dev.rationale.app.fx;

import org.jspecify.annotations.NullMarked;
