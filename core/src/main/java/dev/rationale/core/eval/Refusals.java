// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.provider.ProviderException.Kind;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Failures that waiting cannot fix, remembered so that the rest of a run does not repeat them: once an endpoint
 * refuses the key, its remaining requests are not sent; once a model is unknown, that target's are not. They are
 * still recorded, as failed with the first refusal as reason, so no completion goes missing, and a resumed run
 * (after the key is fixed) asks them again. Thread-safe.
 */
final class Refusals {
    private final Map<String, String> endpoints = new ConcurrentHashMap<>();
    private final Map<String, String> targets = new ConcurrentHashMap<>();

    /** Notes a finished record's failure if it is one of the kinds that stop a lane or target. */
    void note(SampleRecord record) {
        if (Kind.AUTHENTICATION.name().equals(record.errorKind()) && record.attempts() > 0) {
            endpoints.putIfAbsent(record.endpoint(), String.valueOf(record.reason()));
        } else if (Kind.MODEL_NOT_FOUND.name().equals(record.errorKind()) && record.attempts() > 0) {
            targets.putIfAbsent(record.target(), String.valueOf(record.reason()));
        }
    }

    /** Why {@code job} must not be sent, with the failure kind, or null when it may be. */
    @Nullable Refusal of(CompletionJob job) {
        String endpoint = endpoints.get(job.target().endpoint().name());
        if (endpoint != null) {
            return new Refusal(Kind.AUTHENTICATION.name(), "not sent: the endpoint refused the key (" + endpoint + ")");
        }
        String model = targets.get(job.target().id());
        return model == null ? null : new Refusal(Kind.MODEL_NOT_FOUND.name(), "not sent: " + model);
    }

    record Refusal(String kind, String reason) {
    }
}
