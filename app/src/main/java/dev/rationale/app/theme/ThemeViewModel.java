// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.theme;

import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The theme's view model: the active theme and its name for the status bar. Knows nothing about nodes;
 * the view binds to it. Like all view models it must only be touched on the FX thread.
 */
public final class ThemeViewModel {

    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT) {
        @Override
        public void set(Theme newValue) {
            // A null theme would leave the scene without any stylesheet;
            // refuse it where it is set, not where it breaks.
            super.set(Objects.requireNonNull(newValue, "theme"));
        }
    };
    private final ReadOnlyStringWrapper themeName = new ReadOnlyStringWrapper(this, "themeName");

    /** Starts with the light theme. */
    public ThemeViewModel() {
        themeName.bind(Bindings.createStringBinding(() -> getTheme().getDisplayName(), theme));
    }

    /** The active theme; never null. */
    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public Theme getTheme() {
        return theme.get();
    }

    public void setTheme(Theme newTheme) {
        theme.set(newTheme);
    }

    /** Switches between the light and the dark theme. */
    public void toggleTheme() {
        setTheme(getTheme() == Theme.LIGHT ? Theme.DARK : Theme.LIGHT);
    }

    /** The display name of the active theme, for the status bar. */
    public ReadOnlyStringProperty themeNameProperty() {
        return themeName.getReadOnlyProperty();
    }

    public String getThemeName() {
        return themeName.get();
    }
}
