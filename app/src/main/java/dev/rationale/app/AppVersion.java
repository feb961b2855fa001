// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app;

/**
 * The version of the running app as users should see it: the jar manifest's {@code Implementation-Version}, or
 * "development build" when the classes do not come from a packaged jar (IDE, {@code target/classes}).
 */
public final class AppVersion {

    /** The app's name as shown in titles and the About dialog. */
    public static final String APP_NAME = "Rationale";

    /** Shown instead of a version number when there is no manifest to read it from. */
    public static final String DEVELOPMENT_BUILD = "development build";

    private AppVersion() {
    }

    /** The version of the classes this app was loaded from. */
    public static String current() {
        return describe(AppVersion.class.getPackage().getImplementationVersion());
    }

    /** Turns a manifest's implementation version (null or blank when absent) into the text users see. */
    public static String describe(String implementationVersion) {
        if (implementationVersion == null || implementationVersion.isBlank()) {
            return DEVELOPMENT_BUILD;
        }
        return implementationVersion.strip();
    }
}
