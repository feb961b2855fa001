// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.endpoints;

import dev.rationale.core.endpoint.Endpoint;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * One saved server offered as a member of the pool being edited: whether it is in, and the requests it takes at
 * once. Touch it on the FX thread.
 */
public final class PoolMemberChoice {
    /** The concurrency a newly ticked member starts at: the usual one of a remote server. */
    static final int DEFAULT_CONCURRENCY = 8;

    private final Endpoint endpoint;
    private final BooleanProperty chosen = new SimpleBooleanProperty(this, "chosen");
    private final IntegerProperty concurrency = new SimpleIntegerProperty(this, "concurrency", DEFAULT_CONCURRENCY);

    PoolMemberChoice(Endpoint endpoint, boolean chosen, int concurrency) {
        this.endpoint = endpoint;
        this.chosen.set(chosen);
        this.concurrency.set(concurrency);
    }

    public Endpoint getEndpoint() {
        return endpoint;
    }

    /** E.g. "gpu1 · openai · llama-8b", so that members of another model stand out before they are ticked. */
    public String label() {
        return endpoint.name() + " · " + endpoint.kind().id() + " · "
                + (endpoint.model() == null ? "no model set" : endpoint.model());
    }

    public BooleanProperty chosenProperty() {
        return chosen;
    }

    public IntegerProperty concurrencyProperty() {
        return concurrency;
    }
}
