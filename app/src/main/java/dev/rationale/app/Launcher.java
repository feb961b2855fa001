// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app;

import javafx.application.Application;

/**
 * The app's entry point. A plain class rather than the {@link javafx.application.Application} subclass itself,
 * because the JavaFX launcher refuses to start an Application main class from the classpath (as in a fat jar or a
 * jpackage image) when the JavaFX modules are not on the module path.
 */
public final class Launcher {

    private Launcher() {
    }

    /** Starts the desktop app; arguments are passed on to {@link RationaleApp}. */
    public static void main(String[] args) {
        RationaleApp.prepareServices();
        Application.launch(RationaleApp.class, args);
    }
}
