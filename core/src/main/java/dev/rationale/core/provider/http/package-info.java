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
 */
@NullMarked
package dev.rationale.core.provider.http;

import org.jspecify.annotations.NullMarked;
