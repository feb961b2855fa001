// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.endpoints;

import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.endpoint.ProviderFactory;
import dev.rationale.core.provider.Capabilities;
import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.provider.ModelInfo;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/**
 * What "Test" found out about an endpoint: the kind's capabilities (known without asking the server) and either
 * the models the server lists or why it could not list them.
 *
 * @param capabilities null only when no provider could be made for the endpoint
 * @param error one line for the user; null when the models were listed
 */
record EndpointCheck(@Nullable Capabilities capabilities, List<ModelInfo> models, @Nullable String error) {

    /** How many model names the summary spells out. */
    static final int MODELS_NAMED = 5;

    private static final System.Logger LOG = System.getLogger(EndpointCheck.class.getName());

    /** Asks the endpoint for its models. Blocks on the network; run it off the FX thread. Never throws. */
    static EndpointCheck run(ProviderFactory factory, Endpoint endpoint) {
        CompletionProvider provider;
        try {
            provider = factory.create(endpoint);
        } catch (RuntimeException e) {
            return failed(null, endpoint, e);
        }
        Capabilities capabilities = provider.capabilities();
        try {
            return new EndpointCheck(capabilities, provider.listModels(), null);
        } catch (RuntimeException e) {
            return failed(capabilities, endpoint, e);
        } finally {
            // A throw-away provider; the embedded one holds threads until closed.
            if (provider instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.log(Level.DEBUG, "closing the test provider failed", e);
                }
            }
        }
    }

    private static EndpointCheck failed(@Nullable Capabilities capabilities, Endpoint endpoint, RuntimeException e) {
        // The user reads the one line in the dialog; the trace is for whoever debugs it. Provider messages never
        // carry keys, so the whole failure may go to the log.
        LOG.log(Level.DEBUG, "testing endpoint \"" + endpoint.name() + "\" failed", e);
        return new EndpointCheck(capabilities, List.of(), oneLine(e));
    }

    /** The first line of a failure's message, or its type when it has none. */
    static String oneLine(Throwable error) {
        Throwable cause = error.getCause() != null && error.getMessage() == null ? error.getCause() : error;
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return cause.getClass().getSimpleName();
        }
        return message.strip().lines().findFirst().orElse(message);
    }

    /** {@link #oneLine} of a failure of background work, without the future's wrapper. */
    static String oneLineOfWork(Throwable error) {
        return oneLine(error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
    }

    /** The models in one line: the count and the first few names. */
    static String summarize(List<String> ids) {
        if (ids.isEmpty()) {
            return "Connected; it lists no models.";
        }
        String named = String.join(", ", ids.subList(0, Math.min(MODELS_NAMED, ids.size())));
        String more = ids.size() > MODELS_NAMED ? " and " + (ids.size() - MODELS_NAMED) + " more" : "";
        return ids.size() + (ids.size() == 1 ? " model: " : " models: ") + named + more;
    }
}
