// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.history;

import dev.rationale.core.endpoint.Endpoint;
import java.util.ArrayList;
import java.util.List;

/** A rerun host with fixed endpoints that keeps every rerun it was asked to start. */
public final class RecordingRerunHost implements RerunHost {
    private final List<Endpoint> endpoints;
    private final List<RerunRequest> started = new ArrayList<>();

    public RecordingRerunHost(Endpoint... endpoints) {
        this.endpoints = List.of(endpoints);
    }

    @Override
    public List<Endpoint> endpoints() {
        return endpoints;
    }

    @Override
    public void start(RerunRequest request) {
        started.add(request);
    }

    /** The reruns started so far, in order. */
    public List<RerunRequest> started() {
        return List.copyOf(started);
    }
}
