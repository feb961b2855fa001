// SPDX-License-Identifier: Apache-2.0
/**
 * The user's named endpoints and their keys. {@link dev.rationale.core.endpoint.EndpointStore} reads and writes
 * the endpoints file, which holds only where a key is found (an environment variable or a keychain entry), never
 * the key; {@link dev.rationale.core.endpoint.KeyResolver} finds the key when a request needs it, and
 * {@link dev.rationale.core.endpoint.ProviderFactory} turns an endpoint into a provider.
 */
@NullMarked
package dev.rationale.core.endpoint;

import org.jspecify.annotations.NullMarked;
