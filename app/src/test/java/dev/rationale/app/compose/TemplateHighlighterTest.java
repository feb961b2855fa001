// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.app.compose.TemplateTag.Kind;
import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateHighlighterTest {

    private static List<String> tagTexts(String template) {
        return TemplateHighlighter.tags(template).stream().map(t -> template.substring(t.start(), t.end())).toList();
    }

    @Test
    void findsVariablesAndSectionsWithTheirRanges() {
        String template = "Q: {{question}}\n{{#rationale}}{{rationale}} {{/rationale}}The answer is {{answer}}.";

        List<TemplateTag> tags = TemplateHighlighter.tags(template);

        assertThat(tags).containsExactly(
                new TemplateTag(3, 15, Kind.VARIABLE),
                new TemplateTag(16, 30, Kind.SECTION),
                new TemplateTag(30, 43, Kind.VARIABLE),
                new TemplateTag(44, 58, Kind.SECTION),
                new TemplateTag(72, 82, Kind.VARIABLE));
        assertThat(tagTexts(template)).containsExactly(
                "{{question}}", "{{#rationale}}", "{{rationale}}", "{{/rationale}}", "{{answer}}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{{name}}         | VARIABLE",
        "{{ name }}       | VARIABLE",
        "{{{name}}}       | VARIABLE",
        "{{&name}}        | VARIABLE",
        "{{#items}}       | SECTION",
        "{{^items}}       | SECTION",
        "{{/items}}       | SECTION",
        "{{! a note }}    | COMMENT",
        "{{=<% %>=}}      | COMMENT",
        "{{}}             | INVALID",
        "{{#}}            | INVALID",
        "{{name           | INVALID",
    })
    void classifiesEachKindOfTag(String tag, Kind kind) {
        assertThat(TemplateHighlighter.tags(tag)).containsExactly(new TemplateTag(0, tag.length(), kind));
    }

    @Test
    void anUnclosedTagIsInvalidUpToTheEndOfItsLine() {
        String template = "Say {{word\nthen {{other}}";

        assertThat(TemplateHighlighter.tags(template)).containsExactly(
                new TemplateTag(4, 10, Kind.INVALID),
                new TemplateTag(16, 25, Kind.VARIABLE));
    }

    @Test
    void anUnclosedTagEndsWhereTheNextTagOpens() {
        assertThat(tagTexts("{{a {{b}} c")).containsExactly("{{a ", "{{b}}");
        assertThat(TemplateHighlighter.tags("{{a {{b}} c")).extracting(TemplateTag::kind)
                .containsExactly(Kind.INVALID, Kind.VARIABLE);
    }

    @Test
    void aCommentMaySpanLines() {
        assertThat(tagTexts("x {{! one\ntwo }} y")).containsExactly("{{! one\ntwo }}");
    }

    @Test
    void textWithoutTagsHasNone() {
        assertThat(TemplateHighlighter.tags("")).isEmpty();
        assertThat(TemplateHighlighter.tags("Plain { text } with single braces }}")).isEmpty();
    }

    @Test
    void styleSpansCoverTheWholeTextAndStyleOnlyTheTags() {
        String template = "Q: {{question}} ok";

        StyleSpans<Collection<String>> spans =
                TemplateHighlighter.styleSpans(TemplateHighlighter.tags(template), template.length());

        assertThat(spans.length()).isEqualTo(template.length());
        List<StyleSpan<Collection<String>>> list = spans.stream().toList();
        assertThat(list).extracting(StyleSpan::getLength).containsExactly(3, 12, 3);
        assertThat(list.get(1).getStyle()).containsExactly("compose-template-variable");
        assertThat(list.get(0).getStyle()).isEmpty();
    }

    @Test
    void styleSpansOfAnEmptyTextAreOneEmptySpan() {
        assertThat(TemplateHighlighter.styleSpans(List.of(), 0).length()).isZero();
    }
}
