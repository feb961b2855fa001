// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.fx;

/**
 * The style-class names the views use, in one place so the theme stylesheets ({@code themes/*.css}) and the code
 * agree on them. Names are kebab-case and start with the feature they belong to.
 */
public final class Styles {

    public static final String SHELL_PLACEHOLDER = "shell-placeholder";
    public static final String SHELL_PLACEHOLDER_TITLE = "shell-placeholder-title";
    public static final String SHELL_PLACEHOLDER_BODY = "shell-placeholder-body";
    public static final String SHELL_STATUS_BAR = "shell-status-bar";
    public static final String SHELL_STATUS_TEXT = "shell-status-text";
    public static final String SHELL_STATUS_THEME = "shell-status-theme";
    public static final String SHELL_ABOUT = "shell-about";
    public static final String SHELL_BADGE = "shell-badge";
    public static final String SHELL_BADGE_DOT = "shell-badge-dot";

    private Styles() {
    }
}
