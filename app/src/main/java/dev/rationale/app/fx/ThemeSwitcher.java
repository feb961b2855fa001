// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.fx;

import dev.rationale.app.theme.Theme;
import java.util.Objects;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * Applies a {@link Theme} to a scene by swapping its theme stylesheet. A scene carries at most one theme stylesheet
 * at a time; stylesheets that are not themes (added by features later) are left in place, after the theme so they
 * can build on its looked-up colours. Must be called on the FX thread.
 */
public final class ThemeSwitcher {

    private ThemeSwitcher() {
    }

    /** Replaces whatever theme stylesheet {@code scene} has with the one of {@code theme}. */
    public static void apply(Scene scene, Theme theme) {
        Objects.requireNonNull(scene, "scene");
        Objects.requireNonNull(theme, "theme");
        var stylesheets = scene.getStylesheets();
        for (Theme any : Theme.values()) {
            stylesheets.remove(any.getStylesheetUrl());
        }
        stylesheets.add(0, theme.getStylesheetUrl());
    }

    /**
     * Keeps the scene that {@code node} is in styled with the current value of {@code theme}: applies it whenever
     * the node joins a scene and whenever the theme changes. The listeners live as long as the node.
     */
    public static void follow(Node node, ObservableValue<Theme> theme) {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(theme, "theme");
        node.sceneProperty().addListener((obs, oldScene, newScene) -> {
            if (newScene != null) {
                apply(newScene, theme.getValue());
            }
        });
        theme.addListener((obs, oldTheme, newTheme) -> {
            Scene scene = node.getScene();
            if (scene != null) {
                apply(scene, newTheme);
            }
        });
        if (node.getScene() != null) {
            apply(node.getScene(), theme.getValue());
        }
    }
}
