// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.workspace;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Finds the sample prompt sets shown on first start: the folder named by {@value #PROPERTY}, else a
 * {@code sample-prompts} folder in the working directory or one of its two parents (the app started from the
 * repository, or from its {@code app} module as Maven does).
 */
public final class SampleFolder {

    /** System property naming the samples folder, e.g. {@code -Drationale.samples.dir=/opt/rationale/samples}. */
    public static final String PROPERTY = "rationale.samples.dir";

    private static final String NAME = "sample-prompts";
    private static final int PARENTS = 2;

    private SampleFolder() {
    }

    /** The samples folder, or null when there is none. Looks at no more than four folders. */
    public static @Nullable Path find() {
        String named = System.getProperty(PROPERTY);
        if (named != null && !named.isBlank()) {
            Path folder = Path.of(named.strip());
            return Files.isDirectory(folder) ? folder.toAbsolutePath().normalize() : null;
        }
        return findFrom(Path.of("").toAbsolutePath());
    }

    static @Nullable Path findFrom(Path start) {
        Path dir = start;
        for (int i = 0; i <= PARENTS && dir != null; i++, dir = dir.getParent()) {
            Path candidate = dir.resolve(NAME);
            if (Files.isDirectory(candidate)) {
                return candidate.normalize();
            }
        }
        return null;
    }
}
