// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.workspace;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.rationale.core.storage.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The workspace folder and the prompt sets opened most recently (newest first, at most {@value #MAX_RECENT}), as
 * kept in a small JSON file in the user's config folder. Immutable; {@link #opened} returns the next state.
 *
 * @param folder the folder the sidebar lists, or null before one was chosen
 * @param recent absolute paths, newest first, without duplicates
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkspaceState(@Nullable String folder, List<String> recent) {

    /** How many recent files are kept. */
    public static final int MAX_RECENT = 10;

    /** The file name in the config folder. */
    public static final String FILE_NAME = "workspace.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public WorkspaceState {
        recent = recent == null ? List.of() : List.copyOf(recent);
    }

    /** No folder and no recent files. */
    public static WorkspaceState empty() {
        return new WorkspaceState(null, List.of());
    }

    /** This state with {@code file} first among the recent files. */
    public WorkspaceState opened(Path file) {
        String path = file.toAbsolutePath().normalize().toString();
        List<String> next = new ArrayList<>(MAX_RECENT);
        next.add(path);
        recent.stream().filter(p -> !p.equals(path)).limit(MAX_RECENT - 1L).forEach(next::add);
        return new WorkspaceState(folder, next);
    }

    /** This state with {@code newFolder} as the workspace folder. */
    public WorkspaceState inFolder(Path newFolder) {
        return new WorkspaceState(newFolder.toAbsolutePath().normalize().toString(), recent);
    }

    /** The folder as a path, or null. */
    public @Nullable Path folderPath() {
        return folder == null ? null : Path.of(folder);
    }

    /** The recent files as paths, newest first. */
    public List<Path> recentPaths() {
        return recent.stream().map(Path::of).toList();
    }

    /**
     * Reads the state from {@code file}; an empty state when it does not exist or cannot be read, because losing
     * the recent-files list must never stop the app from starting.
     */
    public static WorkspaceState load(Path file) {
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        try {
            WorkspaceState state = JSON.readValue(file.toFile(), WorkspaceState.class);
            return state == null ? empty() : state;
        } catch (IOException e) {
            return empty();
        }
    }

    /** Writes the state to {@code file} atomically. */
    public void save(Path file) throws IOException {
        AtomicFiles.write(file, JSON.writeValueAsBytes(this));
    }
}
