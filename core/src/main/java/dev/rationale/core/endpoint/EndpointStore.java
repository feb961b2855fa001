// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.endpoint;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.rationale.core.RationaleException;
import dev.rationale.core.storage.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The user's endpoints file, {@code endpoints.json} in Rationale's configuration folder. It lists endpoints and
 * where their keys are; there is no field a key could go in. Writes are atomic.
 */
public final class EndpointStore {
    public static final int VERSION = 1;
    private static final String FILE_NAME = "endpoints.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** The file's content. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"version", "endpoints"})
    record EndpointsFile(@Nullable Integer version, @Nullable List<Endpoint> endpoints) {
    }

    private final Path file;

    public EndpointStore(Path file) {
        this.file = file;
    }

    /** The store in the user's configuration folder. */
    public static EndpointStore user() {
        return new EndpointStore(userConfigDirectory().resolve(FILE_NAME));
    }

    /** The user's configuration folder for this machine; see {@link #configDirectory}. */
    public static Path userConfigDirectory() {
        return configDirectory(System::getenv, System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home")));
    }

    /**
     * Where Rationale keeps its settings: {@code RATIONALE_CONFIG_DIR} if set, else the platform's place
     * ({@code $XDG_CONFIG_HOME/rationale} or {@code ~/.config/rationale} on Linux, {@code ~/Library/Application
     * Support/Rationale} on macOS, {@code %APPDATA%\Rationale} on Windows).
     */
    static Path configDirectory(UnaryOperator<@Nullable String> env, String osName, Path home) {
        String override = env.apply("RATIONALE_CONFIG_DIR");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Rationale");
        }
        if (os.contains("win")) {
            String appData = env.apply("APPDATA");
            return appData != null ? Path.of(appData, "Rationale") : home.resolve("Rationale");
        }
        String xdg = env.apply("XDG_CONFIG_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config")).resolve("rationale");
    }

    public Path file() {
        return file;
    }

    /** The endpoints, in file order; none when the file does not exist yet. */
    public List<Endpoint> load() {
        try {
            EndpointsFile content = JSON.readValue(Files.readString(file), EndpointsFile.class);
            if (content.version() != null && content.version() > VERSION) {
                throw new RationaleException(file + ": written by a newer Rationale (version " + content.version()
                        + "); this one reads up to version " + VERSION);
            }
            List<Endpoint> endpoints = content.endpoints() == null ? List.of() : content.endpoints();
            checkNames(endpoints);
            return List.copyOf(endpoints);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (JacksonException e) {
            throw new RationaleException(file + ":" + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new RationaleException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The endpoint called {@code name}. */
    public Optional<Endpoint> find(String name) {
        return load().stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** Replaces the file's endpoints. */
    public void save(List<Endpoint> endpoints) {
        checkNames(endpoints);
        try {
            String text = JSON.writeValueAsString(new EndpointsFile(VERSION, List.copyOf(endpoints))) + "\n";
            AtomicFiles.writeString(file, text);
        } catch (IOException e) {
            throw new RationaleException("cannot save " + file + ": " + e.getMessage(), e);
        }
    }

    /** Adds {@code endpoint}, or replaces the one with its name. */
    public void put(Endpoint endpoint) {
        List<Endpoint> endpoints = new ArrayList<>(load());
        endpoints.removeIf(e -> e.name().equals(endpoint.name()));
        endpoints.add(endpoint);
        save(endpoints);
    }

    private void checkNames(List<Endpoint> endpoints) {
        Set<String> seen = new HashSet<>();
        for (Endpoint endpoint : endpoints) {
            if (endpoint.name() == null || endpoint.name().isBlank()) {
                throw new RationaleException(file + ": an endpoint has no name");
            }
            if (endpoint.kind() == null) {
                throw new RationaleException(file + ": endpoint \"" + endpoint.name() + "\" has no kind");
            }
            if (!seen.add(endpoint.name())) {
                throw new RationaleException(file + ": two endpoints are called \"" + endpoint.name() + "\"");
            }
        }
    }
}
