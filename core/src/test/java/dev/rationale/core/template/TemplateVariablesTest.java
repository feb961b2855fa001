// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateVariablesTest {

    @Test
    void listsVariablesAndSectionsInOrderOfFirstUseOnce() {
        String template = "{{#rationale}}{{rationale}} {{/rationale}}Q: {{question}}"
                + " {{^hint}}none{{/hint}} {{question}}";

        assertThat(TemplateVariables.of(template)).containsExactly("rationale", "question", "hint");
    }

    @Test
    void findsEveryKindOfVariableTag() {
        assertThat(TemplateVariables.of("{{a}} {{{b}}} {{&c}} {{ d }}")).containsExactly("a", "b", "c", "d");
    }

    @Test
    void ignoresCommentsTextAndTheCurrentItem() {
        assertThat(TemplateVariables.of("{{! {{not}} }}plain {{#list}}{{.}}{{/list}}")).containsExactly("list");
    }

    @Test
    void anErrorQuotingATagWithALineBreakStaysOneLine() {
        // Found by the fuzz suite (-Dfuzz.count=10000 -Dfuzz.seed=77): jmustache quotes the bad tag as written.
        assertThatThrownBy(() -> TemplateVariables.of("{{{#a}}\n text"))
                .isInstanceOf(TemplateException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").contains("\\n"));
    }

    @Test
    void followsChangedDelimiters() {
        assertThat(TemplateVariables.of("{{=<% %>=}}<% name %> {{literal}}")).containsExactly("name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{{#x}}never closed", "closed {{/x}} without opening", "{{#a}}{{/b}}", "{{}}",
        "{{#}}{{/}}"})
    void aTemplateThatDoesNotParseIsAnError(String template) {
        assertThatThrownBy(() -> TemplateVariables.of(template)).isInstanceOf(TemplateException.class)
                .hasMessageNotContaining("@ line");
    }

    @Test
    void theErrorSaysWhatIsWrongAndOnWhichLine() {
        assertThatThrownBy(() -> TemplateVariables.of("first\n{{#x}}"))
                .hasMessage("section missing close tag 'x' (line 2)");
    }
}
