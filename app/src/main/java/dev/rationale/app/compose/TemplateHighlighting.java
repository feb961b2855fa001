// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.compose;

import java.util.List;

/**
 * The tags found in one version of a template. The editor applies them only while it still shows exactly
 * {@code text}: highlighting computed for an older text would land on the wrong characters.
 */
public record TemplateHighlighting(String text, List<TemplateTag> tags) {

    public static final TemplateHighlighting NONE = new TemplateHighlighting("", List.of());

    public TemplateHighlighting {
        tags = List.copyOf(tags);
    }

    static TemplateHighlighting of(String text) {
        return new TemplateHighlighting(text, TemplateHighlighter.tags(text));
    }
}
