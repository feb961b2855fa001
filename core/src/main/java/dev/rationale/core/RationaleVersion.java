// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this build of Rationale, as Maven stamped it into the core jar. */
public final class RationaleVersion {
    private static final String RESOURCE = "version.properties";

    private RationaleVersion() {
    }

    /** Returns the version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String current() {
        try (InputStream in = RationaleVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the core jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
