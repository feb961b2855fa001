// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.download;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * A GGUF model offered for download on first run.
 *
 * @param id stable key for settings, e.g. {@code smollm2-135m-instruct-q8_0}
 * @param displayName what the user reads, e.g. "SmolLM2 135M Instruct"
 * @param description one short sentence on what to expect from the model
 * @param parameters the model's parameter count, rounded
 * @param sizeBytes the file's approximate size, for display only; the server's length is what counts
 * @param url where the file is fetched from
 * @param sha256 the file's SHA-256 in lower-case hex, or null when not known in advance; the downloader then
 *     checks the checksum the server states
 * @param fileName the name the file gets in the models folder; a plain name, never a path
 */
public record RecommendedModel(String id, String displayName, String description, long parameters, long sizeBytes,
        URI url, @Nullable String sha256, String fileName) {

    /** @throws IllegalArgumentException for a checksum that is not 64 hex digits or a file name that is a path */
    public RecommendedModel {
        sha256 = sha256 == null ? null : Sha256.normalize(sha256);
        // The name is resolved inside the models folder; a separator or a leading dot would escape or hide it.
        if (fileName.isBlank() || fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".")) {
            throw new IllegalArgumentException("not a plain file name: " + fileName);
        }
    }
}
