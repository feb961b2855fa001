// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.history;

import dev.rationale.core.endpoint.Endpoint;
import java.util.List;

/** Where History hands a run to run again: the endpoints set up now, and the Evaluate tab that starts it. */
public interface RerunHost {

    /** The endpoints set up now; read on the FX thread. */
    List<Endpoint> endpoints();

    /** Starts {@code request} as a new evaluation and shows its progress; called on the FX thread. */
    void start(RerunRequest request);
}
