// SPDX-License-Identifier: Apache-2.0
/**
 * The colour themes: one stylesheet each, applied to a scene by swapping it, so that every screen and dialog
 * switches between light and dark at once.
 */
@NullMarked
package dev.rationale.app.theme;

import org.jspecify.annotations.NullMarked;
