// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import dev.rationale.core.exchange.NunjucksText.Piece;
import java.util.List;
import java.util.Optional;

/** Moves prompt text between promptfoo's templates and Rationale's Mustache templates. */
final class PromptTexts {
    private PromptTexts() {
    }

    /**
     * The pieces of a promptfoo template, or empty (with the reason in {@code notMapped}) when it uses more than
     * plain variables or holds literal text Mustache would read as a tag.
     */
    static Optional<List<Piece>> pieces(String template, String where, List<String> notMapped) {
        Optional<List<Piece>> pieces = NunjucksText.read(template);
        if (pieces.isEmpty()) {
            notMapped.add(where + "uses template features beyond {{ variable }} (filters, conditions, loops)");
            return pieces;
        }
        for (Piece piece : pieces.get()) {
            if (!piece.variable() && (piece.text().contains("{{") || piece.text().contains("}}"))) {
                notMapped.add(where + "holds the literal text {{ or }}, which Rationale's templates read as a tag");
                return Optional.empty();
            }
        }
        return pieces;
    }

    static String mustache(List<Piece> pieces) {
        StringBuilder out = new StringBuilder();
        for (Piece piece : pieces) {
            out.append(piece.variable() ? "{{" + piece.text() + "}}" : piece.text());
        }
        return out.toString();
    }

    static String literal(List<Piece> pieces) {
        StringBuilder out = new StringBuilder();
        pieces.forEach(piece -> out.append(piece.text()));
        return out.toString();
    }
}
