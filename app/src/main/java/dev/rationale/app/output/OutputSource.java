// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.output;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the answer Output shows is of, in words for its header and its folded request: where a completion that
 * ended earlier came from, and the request as sent. Touch it on the FX thread only.
 */
public final class OutputSource {

    private final ReadOnlyStringWrapper origin = new ReadOnlyStringWrapper(this, "origin", "");
    private final ReadOnlyStringWrapper request = new ReadOnlyStringWrapper(this, "request", "");

    /** Describes a run started here: its request; no origin, as it is the run just started. */
    void describe(RunSpec run) {
        origin.set("");
        request.set(OutputText.request(run.request()));
    }

    /** Describes a completion that ended earlier: where it came from, and its request when that was kept. */
    void describe(FinishedCompletion completion) {
        origin.set(completion.origin().describe());
        request.set(completion.request() == null ? "" : OutputText.request(completion.request()));
    }

    void clear() {
        origin.set("");
        request.set("");
    }

    /** Where a finished completion came from (run, variant, model, case, sample); empty for a run started here. */
    public ReadOnlyStringProperty originProperty() {
        return origin.getReadOnlyProperty();
    }

    public String getOrigin() {
        return origin.get();
    }

    /** The request shown: model, settings and the prompt as sent; empty when not known. */
    public ReadOnlyStringProperty requestProperty() {
        return request.getReadOnlyProperty();
    }

    public String getRequest() {
        return request.get();
    }
}
