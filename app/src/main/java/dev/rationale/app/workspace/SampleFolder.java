// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.stream.Stream;
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
    private static final System.Logger LOG = System.getLogger(SampleFolder.class.getName());

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

    /**
     * The folder to open the samples from: {@code found} where the user may write (edits are saved, evaluations keep
     * their results and history beside the set), else a copy in {@code copies}. An installed app's samples sit in a
     * read-only folder. Files already in the copy are the user's and are never overwritten; files added to the
     * samples since are copied in.
     *
     * @return {@code found} when it is writable, {@code copies} when the copy could be made, else {@code found}
     */
    public static @Nullable Path usable(@Nullable Path found, Path copies) {
        return usable(found, copies, Files::isWritable);
    }

    static @Nullable Path usable(@Nullable Path found, Path copies, Predicate<Path> writable) {
        if (found == null || writable.test(found)) {
            return found;
        }
        try (Stream<Path> files = Files.list(found)) {
            Files.createDirectories(copies);
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = copies.resolve(String.valueOf(file.getFileName()));
                if (!Files.exists(copy)) {
                    Files.copy(file, copy);
                }
            }
            return copies;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot copy the samples from " + found + " to " + copies
                    + "; they open read-only", e);
            return found;
        }
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
