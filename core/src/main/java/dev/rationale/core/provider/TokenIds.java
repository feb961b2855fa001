// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import java.util.List;

/**
 * The vocabulary ids behind one generated {@link dev.rationale.core.provider.ScoredToken}, which carries text
 * only: what a {@link Branch} needs.
 *
 * @param id the generated token's id
 * @param alternatives the ids of its alternatives, in the order of {@code ScoredToken.top()}
 */
public record TokenIds(int id, List<Integer> alternatives) {
    public TokenIds {
        alternatives = List.copyOf(alternatives);
    }
}
