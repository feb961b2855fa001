// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Adds an endpoint's key to each request in the header its {@link AuthScheme} names. The key is read from the
 * {@link KeySource} per request and never stored. When the source has no key the request goes out without one:
 * local servers need none, and a server that does answers 401, which {@link HttpErrors} reports; telling the user
 * which variable or keychain entry to set is the caller's job, since only it knows the endpoint's configuration.
 * A header the request already carries is left alone.
 */
public final class AuthInterceptor implements Interceptor {

    /** The Messages API version this code is written against. */
    static final String ANTHROPIC_VERSION = "2023-06-01";

    private final AuthScheme scheme;
    private final KeySource keys;

    public AuthInterceptor(AuthScheme scheme, KeySource keys) {
        this.scheme = scheme;
        this.keys = keys;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Request.Builder builder = request.newBuilder();
        String key = blankToNull(keys.key());
        switch (scheme) {
            case BEARER -> addIfAbsent(request, builder, "Authorization", key == null ? null : "Bearer " + key);
            case ANTHROPIC -> {
                addIfAbsent(request, builder, "x-api-key", key);
                addIfAbsent(request, builder, "anthropic-version", ANTHROPIC_VERSION);
            }
            case GOOGLE -> addIfAbsent(request, builder, "x-goog-api-key", key);
        }
        return chain.proceed(builder.build());
    }

    private static void addIfAbsent(Request request, Request.Builder builder, String name, @Nullable String value) {
        if (value != null && request.header(name) == null) {
            builder.header(name, value);
        }
    }

    private static @Nullable String blankToNull(@Nullable String key) {
        return key == null || key.isBlank() ? null : key.strip();
    }
}
