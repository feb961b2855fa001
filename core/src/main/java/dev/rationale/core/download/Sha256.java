// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.download;

import java.util.Locale;
import java.util.regex.Pattern;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/** SHA-256 values as lower-case hex: checking given ones and reading the one a server states for a file. */
final class Sha256 {

    private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");

    private Sha256() {
    }

    /** {@code value} stripped and in lower case. @throws IllegalArgumentException unless it is 64 hex digits */
    static String normalize(String value) {
        String hex = value.strip().toLowerCase(Locale.ROOT);
        if (!HEX_64.matcher(hex).matches()) {
            throw new IllegalArgumentException("a SHA-256 is 64 hex digits, got \"" + value + "\"");
        }
        return hex;
    }

    /**
     * The SHA-256 the server states for the file {@code response} delivers, or null. Hugging Face puts the LFS
     * object's hash in {@code X-Linked-Etag} on the resolve URL's redirect, so the whole redirect chain is
     * searched, and that header wins; otherwise a strong {@code ETag} of 64 hex digits, which some file servers
     * derive from the content, is taken. Anything else (a weak tag, an MD5, a git blob id) states nothing.
     */
    static @Nullable String statedBy(Response response) {
        String linked = firstInChain(response, "X-Linked-Etag");
        return linked != null ? linked : firstInChain(response, "ETag");
    }

    private static @Nullable String firstInChain(Response response, String header) {
        for (Response hop = response; hop != null; hop = hop.priorResponse()) {
            String value = fromEtag(hop.header(header));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static @Nullable String fromEtag(@Nullable String etag) {
        if (etag == null || etag.startsWith("W/")) {
            return null;
        }
        String bare = etag.strip();
        if (bare.length() >= 2 && bare.startsWith("\"") && bare.endsWith("\"")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        String hex = bare.toLowerCase(Locale.ROOT);
        return HEX_64.matcher(hex).matches() ? hex : null;
    }
}
