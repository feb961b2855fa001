// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.output;

import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.TokenIds;
import dev.rationale.core.run.Branching;
import dev.rationale.core.run.TokenIdRecorder;
import java.util.List;

/**
 * Where the answer an {@link OutputViewModel} shows can be branched from: whether its backend and prompt allow it,
 * the token ids the embedded engine recorded for sample 0 (which let a branch or a resample reuse the prefix), and
 * the point a branch from a token's alternative starts at. Touch it on the FX thread only.
 */
public final class OutputBranches {

    private final OutputViewModel output;
    private TokenIdRecorder recorder = new TokenIdRecorder();

    OutputBranches(OutputViewModel output) {
        this.output = output;
    }

    /** A new recorder for the run about to start; what the last one kept is dropped. */
    TokenIdRecorder fresh() {
        recorder = new TokenIdRecorder();
        return recorder;
    }

    /** Whether this run's answer can be branched (the backend and prompt allow it, and it has ended). */
    public boolean canBranch() {
        RunSpec run = output.getSpec();
        return run != null && !output.getState().isRunning() && !output.getTokens().isEmpty()
                && Branching.supported(run.provider(), run.request(), !recorder.generated().isEmpty());
    }

    /** The token ids of sample 0 on the embedded engine; empty on other backends. */
    public List<TokenIds> tokenIds() {
        return recorder.generated();
    }

    /** Where a branch from token {@code index}'s alternative number {@code alternative} starts. */
    public Branching.Point point(int index, int alternative) {
        List<ScoredToken> tokens = output.getTokens();
        List<TokenIds> ids = recorder.generated();
        return new Branching.Point(List.copyOf(tokens.subList(0, index)), tokens.get(index), alternative,
                ids.isEmpty() ? null : ids);
    }
}
