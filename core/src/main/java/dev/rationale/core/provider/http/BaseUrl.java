// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;

/**
 * An endpoint's base URL, to which protocol paths are appended as written: {@code http://host:11434} and
 * {@code /api/chat} give {@code http://host:11434/api/chat}, and a base behind a proxy prefix keeps its prefix
 * (unlike URL resolution, which would replace it). A trailing slash on the base is ignored. Every HTTP backend
 * addresses its endpoint through this one type.
 */
public final class BaseUrl {
    // Parsing a URL (its host through IDNA among the rest) costs as much as writing a chat request's body, and an
    // endpoint is sent to a handful of paths: the URLs of the first few paths are kept and shared (they are
    // immutable).
    private static final int KEPT_PATHS = 32;

    private final String base;
    private final Map<String, HttpUrl> resolved = new ConcurrentHashMap<>();

    private BaseUrl(String base) {
        this.base = base;
    }

    /** @throws IllegalArgumentException when {@code url} is not an http(s) URL */
    public static BaseUrl of(String url) {
        HttpUrl parsed = HttpUrl.get(url.strip());
        String text = parsed.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return new BaseUrl(text);
    }

    /** The URL of {@code pathAndQuery}, which starts with {@code /} and may carry an already encoded query. */
    public HttpUrl resolve(String pathAndQuery) {
        HttpUrl known = resolved.get(pathAndQuery);
        if (known != null) {
            return known;
        }
        if (!pathAndQuery.startsWith("/")) {
            throw new IllegalArgumentException("a path starts with /: " + pathAndQuery);
        }
        HttpUrl url = HttpUrl.get(base + pathAndQuery);
        if (resolved.size() < KEPT_PATHS) {
            resolved.put(pathAndQuery, url);
        }
        return url;
    }

    /** The base itself, e.g. for its host. */
    public HttpUrl url() {
        return HttpUrl.get(base);
    }

    @Override
    public String toString() {
        return base;
    }
}
