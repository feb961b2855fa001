// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.download;

import java.io.IOException;
import java.util.Locale;
import okhttp3.HttpUrl;
import okhttp3.Response;

/**
 * The one-line messages of failed downloads. Each names the file and the server's host (with its port when it is
 * not the default, as for a local server), and says what the user can do. URLs are not repeated in full: a signed
 * CDN redirect's query is long and useless to the user.
 */
final class FailureMessages {

    private final String file;

    /** @param file the file's name, as the user knows it */
    FailureMessages(String file) {
        this.file = file;
    }

    /** A non-2xx answer, e.g. "…: huggingface.co answered HTTP 404 Not Found (no such file)". */
    String http(Response response, String partName) {
        int code = response.code();
        String reason = response.message().isBlank() ? "" : " " + response.message();
        String hint = switch (code) {
            case 401, 403 -> " (the file is not public)";
            case 404 -> " (no such file)";
            case 416 -> " (the partial file does not match; delete " + partName + ")";
            default -> "";
        };
        return start() + host(response) + " answered HTTP " + code + reason + hint;
    }

    /** No answer at all: refused, unknown host, TLS, timeout. */
    String unreachable(HttpUrl url, IOException e) {
        return start() + "cannot reach " + host(url) + " (" + describe(e) + ")";
    }

    /** The body broke off after {@code bytes} bytes of the file were on disk. */
    String interrupted(Response response, long bytes, IOException e) {
        return start() + "the connection to " + host(response) + " broke after " + megabytes(bytes) + " ("
                + describe(e) + "); start again to resume";
    }

    /** The body ended cleanly but short of (or beyond) the length the server had announced. */
    String wrongLength(Response response, long bytes, long total) {
        return start() + host(response) + " sent " + bytes + " of " + total + " bytes; start again to resume";
    }

    /** A successful answer without a single byte. */
    String empty(Response response) {
        return start() + host(response) + " sent an empty file";
    }

    /** A 206 answer for another range than the one asked for, a second time. */
    String wrongRange(Response response, long asked, long sent) {
        return start() + host(response) + " sent bytes from " + (sent < 0 ? "an unknown position" : sent)
                + " when asked for byte " + asked;
    }

    /** The whole file's hash differs from the wanted one. */
    String damaged(String actual, String wanted, String whose, String advice) {
        return "The download of " + file + " is damaged: its SHA-256 begins " + abbreviate(actual) + " instead of "
                + abbreviate(wanted) + " (" + whose + "); " + advice;
    }

    /** The listener threw for a progress or verification event. */
    String listenerFailed(Throwable cause) {
        return "The download of " + file + " stopped because its listener failed: " + cause;
    }

    /** A failure that is a bug rather than a network or disk condition; the detail is in the log. */
    String unexpected(RuntimeException e) {
        return start() + "unexpected error (" + e.getClass().getSimpleName() + ")";
    }

    /** The host, with the port when it is not the scheme's default. */
    static String host(HttpUrl url) {
        return url.port() == HttpUrl.defaultPort(url.scheme()) ? url.host() : url.host() + ":" + url.port();
    }

    // After redirects the answering host is the last one, e.g. the CDN rather than huggingface.co.
    private static String host(Response response) {
        return host(response.request().url());
    }

    private String start() {
        return "Could not download " + file + ": ";
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    private static String abbreviate(String sha256) {
        return sha256.substring(0, 12) + "…";
    }
}
