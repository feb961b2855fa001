// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import dev.rationale.core.provider.ProviderException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * Finds the llama.cpp library for this platform inside the {@code de.kherud:llama} jar and extracts it once to a
 * cache folder, {@code ${user.home}/.cache/rationale/native/llama-<version>-<hash>/} (or below
 * {@code java.io.tmpdir} when the home folder is not writable). A file already there with the same size and
 * SHA-256 is reused; a new one is written to a temporary file and moved into place atomically, so two JVMs
 * extracting at once never load a half-written library.
 */
final class NativeLibraryFile {

    /** Points at a llama.cpp library of build b4916 to load instead of the jar's (e.g. a real llama.dll). */
    static final String LIBRARY_PROPERTY = "rationale.embedded.library";
    /** Overrides the cache folder. */
    static final String CACHE_PROPERTY = "rationale.embedded.cache";

    private static final String JAR_FOLDER = "/de/kherud/llama/";
    private static final String POM_PROPERTIES = "/META-INF/maven/de.kherud/llama/pom.properties";

    private NativeLibraryFile() {
    }

    /** The platform as the jar names its folders, e.g. {@code Linux/x86_64}. */
    static String platform() {
        return osFolder() + "/" + archFolder();
    }

    /**
     * The library to load: the override when set, else the jar's copy, extracted.
     *
     * @throws ProviderException ENGINE when this platform has no library or it cannot be extracted
     */
    static Path locate() {
        String override = System.getProperty(LIBRARY_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String resource = JAR_FOLDER + platform() + "/" + fileName();
        byte[] library = read(resource);
        String hash = sha256(library);
        Path folder = cacheRoot().resolve("llama-" + bindingVersion() + "-" + hash.substring(0, 16));
        Path target = folder.resolve(fileName());
        try {
            if (!sameFile(target, library.length, hash)) {
                write(folder, target, library);
            }
            return target;
        } catch (IOException e) {
            throw unavailable("cannot extract the library to " + folder + " (" + e.getMessage() + ")", e);
        }
    }

    static ProviderException unavailable(String why, @Nullable Throwable cause) {
        return new ProviderException(ProviderException.Kind.ENGINE, "the embedded engine is not available on "
                + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + ": " + why, null, cause);
    }

    private static String osFolder() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return "Windows";
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return "Mac";
        }
        boolean android = System.getProperty("java.vm.vendor", "").toLowerCase(Locale.ROOT).contains("android");
        return android ? "Linux-Android" : os.contains("linux") ? "Linux" : os;
    }

    private static String archFolder() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "amd64", "x86_64", "x64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            case "x86", "i386", "i486", "i586", "i686" -> "x86";
            default -> arch;
        };
    }

    private static String fileName() {
        return switch (osFolder()) {
            case "Windows" -> "jllama.dll";
            case "Mac" -> "libjllama.dylib";
            default -> "libjllama.so";
        };
    }

    private static byte[] read(String resource) {
        try (InputStream in = NativeLibraryFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw unavailable("the de.kherud:llama jar has no library for " + platform(), null);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw unavailable("cannot read " + resource + " (" + e.getMessage() + ")", e);
        }
    }

    private static String bindingVersion() {
        try (InputStream in = NativeLibraryFile.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
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
