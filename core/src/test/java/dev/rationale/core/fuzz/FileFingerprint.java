// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;

/** A file's bytes and modification time, taken before a read, to show the read left the file as it was. */
public record FileFingerprint(byte[] bytes, FileTime modified) {

    public static FileFingerprint of(Path file) {
        try {
            return new FileFingerprint(Files.readAllBytes(file), Files.getLastModifiedTime(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code file} still has exactly these bytes and this modification time. */
    public boolean matches(Path file) {
        FileFingerprint now = of(file);
        return Arrays.equals(bytes, now.bytes) && modified.equals(now.modified);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FileFingerprint that && Arrays.equals(bytes, that.bytes)
                && modified.equals(that.modified);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bytes) + modified.hashCode();
    }

    @Override
    public String toString() {
        return bytes.length + " bytes, modified " + modified;
    }
}
