// SPDX-License-Identifier: Apache-2.0
/**
 * Rationale's core: the domain of prompt sets, their file format, prompt rendering and answer grading.
 * Nothing here knows JavaFX; the desktop app and the command line are both thin layers over it.
 */
@NullMarked
package dev.rationale.core;

import org.jspecify.annotations.NullMarked;
