// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.output;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.ReadOnlyStyledDocument;
import org.fxmisc.richtext.model.ReadOnlyStyledDocumentBuilder;
import org.fxmisc.richtext.model.SegmentOps;
import org.fxmisc.richtext.model.StyledSegment;

/**
 * A batch of heat-map tokens as a styled document to append in one edit: split into paragraphs at line breaks,
 * with the adjacent tokens of one style joined into one segment, so a paragraph has as few text nodes as it has
 * changes of colour. Its first paragraph joins the heat map's last one. Build it on the FX thread, once.
 */
final class HeatParagraphs {

    private final ReadOnlyStyledDocumentBuilder<Collection<String>, String, HeatStyle> builder;
    private List<StyledSegment<String, HeatStyle>> paragraph = new ArrayList<>();
    private final StringBuilder run = new StringBuilder();
    private HeatStyle runStyle = HeatStyle.PLAIN;
    private boolean empty = true;

    HeatParagraphs(SegmentOps<String, HeatStyle> segments, Collection<String> paragraphStyle) {
        this.builder = new ReadOnlyStyledDocumentBuilder<>(segments, paragraphStyle);
    }

    /** Adds a token's {@code text} in {@code style}; an empty text adds nothing. */
    void add(String text, HeatStyle style) {
        if (text.isEmpty()) {
            return;
        }
        empty = false;
        if (!style.equals(runStyle)) {
            endRun();
            runStyle = style;
        }
        int from = 0;
        for (int lineBreak = text.indexOf('\n'); lineBreak >= 0; lineBreak = text.indexOf('\n', from)) {
            run.append(text, from, lineBreak);
            endParagraph();
            from = lineBreak + 1;
        }
        run.append(text, from, text.length());
    }

    boolean isEmpty() {
        return empty;
    }

    /** The document of all added: its last paragraph is empty when the last text ended with a line break. */
    ReadOnlyStyledDocument<Collection<String>, String, HeatStyle> build() {
        endParagraph();
        return builder.build();
    }

    private void endRun() {
        if (!run.isEmpty()) {
            paragraph.add(new StyledSegment<>(run.toString(), runStyle));
            run.setLength(0);
        }
    }

    private void endParagraph() {
        endRun();
        if (paragraph.isEmpty()) {
            paragraph.add(new StyledSegment<>("", runStyle));
        }
        builder.addParagraph(paragraph);
        paragraph = new ArrayList<>();
    }
}
