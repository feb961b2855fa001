// SPDX-License-Identifier: Apache-2.0
/**
 * The HTTP layer every network provider shares: one {@link okhttp3.OkHttpClient} built by
 * {@link dev.rationale.core.provider.http.HttpClients} (retry, redacted logging), a per-endpoint variant that adds
 * the key ({@link dev.rationale.core.provider.http.AuthInterceptor}), pure readers for the two stream framings
 * ({@link dev.rationale.core.provider.http.SseReader}, {@link dev.rationale.core.provider.http.NdjsonReader}),
 * the mapping of HTTP failures to {@link dev.rationale.core.provider.ProviderException}
 * ({@link dev.rationale.core.provider.http.HttpErrors}), and
 * {@link dev.rationale.core.provider.http.StreamingCall}, which runs one streamed request and guarantees the event
 * contract of {@link dev.rationale.core.provider.CompletionProvider#stream}.
 *
 * <p>Every HTTP backend has one shape: its provider class extends
 * {@link dev.rationale.core.provider.http.HttpProvider} and names an
 * {@link dev.rationale.core.provider.http.HttpProtocol} (capabilities, request, stream reader, model list, intake)
 * over one {@link dev.rationale.core.provider.http.HttpEndpoint} (client,
 * {@link dev.rationale.core.provider.http.BaseUrl}, name); wire JSON goes through the one
 * {@link dev.rationale.core.provider.http.WireJson} mapping.
 *
 * <p>A reply that breaks its protocol is a MALFORMED_REPLY whose message says what the server sent and where, in
 * words a user can act on: fields are read through {@link dev.rationale.core.provider.http.WireFields} (absent and
 * {@code null} mean "not sent"; a wrong JSON type, a sample index outside the request, is an error), JSON errors
 * are worded by {@link dev.rationale.core.provider.http.MalformedReply}, and a handler's exception becomes the
 * stream's one failure through {@link dev.rationale.core.provider.http.StreamFailures}. A line or event over
 * {@link dev.rationale.core.provider.http.SseReader#MAX_EVENT_BYTES} is refused, not buffered.
 */
@NullMarked
package dev.rationale.core.provider.http;

import org.jspecify.annotations.NullMarked;
