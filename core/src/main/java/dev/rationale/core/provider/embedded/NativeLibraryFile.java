// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import dev.rationale.core.provider.ProviderException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Finds llama.cpp's libraries for this platform among core's resources ({@code /dev/rationale/llama/<platform>/},
 * put there by the build from the {@code @node-llama-cpp/<platform>} npm package, with a {@code files.list} of
 * SHA-256, size and name per file) and extracts them once, all into one folder:
 * {@code ${user.home}/.cache/rationale/native/llama-<version>-<hash>/} (or below {@code java.io.tmpdir} when the
 * home folder is not writable). A file already there with the listed size and SHA-256 is reused; a new one is
 * written to a temporary file and moved into place atomically, so two JVMs extracting at once never load a
 * half-written library.
 */
final class NativeLibraryFile {

    /** Points at a folder holding a llama.cpp release's libraries to load instead of the bundled ones. */
    static final String LIBRARY_PROPERTY = "rationale.embedded.library";
    /** Overrides the cache folder. */
    static final String CACHE_PROPERTY = "rationale.embedded.cache";

    private static final String RESOURCE_FOLDER = "/dev/rationale/llama/";

    private NativeLibraryFile() {
    }

    /** The platform as the build names its resource folder, e.g. {@code linux-x64}. */
    static String platform() {
        return osFolder() + "-" + archFolder();
    }

    /**
     * The folder holding the libraries: the override when set, else the bundled copies, extracted.
     *
     * @throws ProviderException ENGINE when this platform has no libraries or they cannot be extracted
     */
    static Path locate() {
        String override = System.getProperty(LIBRARY_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String base = RESOURCE_FOLDER + platform() + "/";
        byte[] list = read(base + "files.list");
        String version = new String(read(base + "version"), StandardCharsets.UTF_8).strip();
        Path folder = cacheRoot().resolve("llama-" + version + "-" + sha256(list).substring(0, 16));
        try {
            for (String line : new String(list, StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.strip().split(" ", 3);
                Path target = folder.resolve(fields[2]);
                if (!sameFile(target, Long.parseLong(fields[1]), fields[0])) {
                    write(folder, target, read(base + fields[2]));
                }
            }
            return folder;
        } catch (IOException e) {
            throw unavailable("cannot extract the libraries to " + folder + " (" + e.getMessage() + ")", e);
        }
    }

    static ProviderException unavailable(String why, @Nullable Throwable cause) {
        return new ProviderException(ProviderException.Kind.ENGINE, "the embedded engine is not available on "
                + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + ": " + why, null, cause);
    }

    private static String osFolder() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return "win";
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return "mac";
        }
        return os.contains("linux") ? "linux" : os;
    }

    private static String archFolder() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "amd64", "x86_64", "x64" -> "x64";
            case "aarch64", "arm64" -> "arm64";
            default -> arch;
        };
    }

    private static byte[] read(String resource) {
        try (InputStream in = NativeLibraryFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw unavailable("this build carries no llama.cpp libraries for " + platform(), null);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw unavailable("cannot read " + resource + " (" + e.getMessage() + ")", e);
        }
    }

    private static Path cacheRoot() {
        String override = System.getProperty(CACHE_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        Path home = Path.of(System.getProperty("user.home", "."), ".cache", "rationale", "native");
        if (writable(home)) {
            return home;
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "rationale-native-" + System.getProperty("user.name"));
    }

    private static boolean writable(Path folder) {
        try {
            Files.createDirectories(folder);
            return Files.isWritable(folder);
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    private static boolean sameFile(Path target, long size, String hash) throws IOException {
        return Files.isRegularFile(target) && Files.size(target) == size
                && sha256(Files.readAllBytes(target)).equals(hash);
    }

    private static void write(Path folder, Path target, byte[] library) throws IOException {
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, target.getFileName().toString(), ".part");
        try {
            Files.write(temporary, library);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
