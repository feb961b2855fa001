// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SectionDepthTest {

    private static String nested(String open, String close, int depth) {
        return open.repeat(depth) + "x" + close.repeat(depth);
    }

    @Test
    void eightThousandNestedSectionsAreRefusedWhenListingVariables() {
        assertThatThrownBy(() -> TemplateVariables.of(nested("{{#a}}", "{{/a}}", 8000)))
                .isInstanceOf(TemplateException.class)
                .hasMessage("sections nest 8000 deep (from line 1); at most 64 levels are allowed");
    }

    @Test
    void eightThousandNestedSectionsAreRefusedWhenFilling() {
        assertThatThrownBy(() -> MustacheTemplates.fill(nested("{{#a}}", "{{/a}}", 8000), Map.of("a", "y"),
                "template.input for case \"c1\""))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("template.input for case \"c1\": sections nest 8000 deep");
    }

    @Test
    void nestingUpToTheLimitIsFilled() {
        String template = nested("{{#a}}", "{{/a}}", SectionDepth.LIMIT);

        assertThat(MustacheTemplates.fill(template, Map.of("a", "y"), "here")).isEqualTo("x");
        assertThat(TemplateVariables.of(template)).containsExactly("a");
    }

    @Test
    void theLineNamedIsWhereTheLimitIsPassed() {
        String template = "{{#a}}\n".repeat(70) + "{{/a}}".repeat(70);

        assertThatThrownBy(() -> TemplateVariables.of(template)).hasMessageContaining("70 deep (from line 65)");
    }

    static Stream<Arguments> sectionsInEveryDisguise() {
        return Stream.of(
                Arguments.of("inverted", "", "{{^a}}", "{{/a}}"),
                Arguments.of("block", "", "{{$a}}", "{{/a}}"),
                Arguments.of("two-character delimiters", "{{=<% %>=}}", "<%#a%>", "<%/a%>"),
                Arguments.of("one-character delimiters", "{{=| |=}}", "|#a|", "|/a|"),
                Arguments.of("a tag restarted inside another", "", "{{b {{#a}}", "{{/a}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sectionsInEveryDisguise")
    void everyKindOfSectionAndDelimiterCounts(String kind, String prefix, String open, String close) {
        String template = prefix + nested(open, close, 100);

        assertThatThrownBy(() -> TemplateVariables.of(template)).isInstanceOf(TemplateException.class)
                .hasMessageContaining("100 deep");
    }

    @Test
    void commentsAndTripleMustachesOpenNothing() {
        String template = "{{! {{#a}} }}{{{b}}}".repeat(100);

        assertThat(TemplateVariables.of(template)).containsExactly("b");
    }
}
