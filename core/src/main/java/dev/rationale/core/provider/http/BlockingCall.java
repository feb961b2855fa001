// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.http;

import com.fasterxml.jackson.core.JacksonException;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.ProviderException.Kind;
import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * A small request answered in one piece (a model list, a token count), run on the caller's thread with the same
 * error mapping as {@link StreamingCall}. Blocks; never call it on the UI thread.
 */
public final class BlockingCall {

    /** Reads a successful body into a value. */
    @FunctionalInterface
    public interface BodyReader<T> {
        T read(BufferedSource body) throws IOException;
    }

    private BlockingCall() {
    }

    /**
     * Sends {@code request} and reads its body.
     *
     * @throws ProviderException UNREACHABLE or TIMEOUT without an answer, the status's kind for a non-2xx answer
     *     (see {@link HttpErrors}), MALFORMED_REPLY for a body that is not what {@code reader} expects,
     *     INTERRUPTED when the body is cut off
     */
    public static <T> T execute(OkHttpClient client, Request request, String provider, BodyReader<T> reader) {
        Response response;
        try {
            response = client.newCall(request).execute();
        } catch (IOException e) {
            throw HttpErrors.beforeResponse(provider, e);
        }
        try (response) {
            if (!response.isSuccessful()) {
                throw HttpErrors.fromResponse(provider, response);
            }
            return reader.read(response.body().source());
        } catch (JacksonException e) {
            throw MalformedReply.fromJson(provider, "the reply", e, null);
        } catch (IOException e) {
            throw new ProviderException(Kind.INTERRUPTED, provider + ": the reply was cut off ("
                    + HttpErrors.describe(e) + ")", null, e);
        }
    }
}
