// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.theme;

import java.net.URL;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The colour themes the app ships. Each theme is exactly one stylesheet on the classpath (under {@code /themes/});
 * the stylesheets define the same looked-up colours and style the same classes, so switching themes never leaves a
 * screen half styled.
 */
public enum Theme {
    LIGHT("Light", "/themes/light.css"),
    DARK("Dark", "/themes/dark.css");

    private final String displayName;
    private final String stylesheetPath;

    Theme(String displayName, String stylesheetPath) {
        this.displayName = displayName;
        this.stylesheetPath = stylesheetPath;
    }

    /** The name shown to users, e.g. in menus and the status bar. */
    public String getDisplayName() {
        return displayName;
    }

    /** The classpath location of this theme's stylesheet, e.g. {@code /themes/dark.css}. */
    public String getStylesheetPath() {
        return stylesheetPath;
    }

    /**
     * The stylesheet as a URL string that {@code Scene.getStylesheets()} accepts.
     *
     * @throws IllegalStateException if the stylesheet is missing from the classpath (a packaging error)
     */
    public String getStylesheetUrl() {
        URL url = Theme.class.getResource(stylesheetPath);
        if (url == null) {
            throw new IllegalStateException("Theme stylesheet missing from the classpath: " + stylesheetPath);
        }
        return url.toExternalForm();
    }

    /**
     * Finds a theme by its enum or display name, ignoring case and surrounding blanks ("dark", " Light ").
     *
     * @return the theme, or empty if the name matches none
     */
    public static Optional<Theme> parse(String name) {
        Objects.requireNonNull(name, "name");
        String wanted = name.strip().toUpperCase(Locale.ROOT);
        for (Theme theme : values()) {
            if (theme.name().equals(wanted) || theme.displayName.toUpperCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(theme);
            }
        }
        return Optional.empty();
    }
}
