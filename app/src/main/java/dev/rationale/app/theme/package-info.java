// SPDX-License-Identifier: Apache-2.0
/**
 * The colour themes, one stylesheet each, and {@link dev.rationale.app.theme.ThemeViewModel}, which holds the
 * active one; {@link dev.rationale.app.fx.ThemeSwitcher} swaps the stylesheet, so that every screen and dialog
 * switches between light and dark at once.
 */
@NullMarked
package dev.rationale.app.theme;

import org.jspecify.annotations.NullMarked;
