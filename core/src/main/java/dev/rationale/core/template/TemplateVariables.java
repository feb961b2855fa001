// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.template;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The names a Mustache template refers to: {@code {{name}}}, {@code {{{name}}}}, {@code {{&name}}} and the
 * sections {@code {{#name}}} and {@code {{^name}}}, in order of first use, each once. The template is really
 * parsed, so a name inside a comment or a changed delimiter is handled as Mustache handles it.
 */
public final class TemplateVariables {
    // jmustache's special names refer to the current section value or loop position, never to a variable.
    private static final Set<String> SPECIAL_NAMES = Set.of(".", "this", "-first", "-last", "-index");

    private TemplateVariables() {
    }

    /**
     * Returns the names {@code template} uses.
     *
     * @throws TemplateException when the template does not parse, e.g. a section that is never closed, or nests
     *     sections deeper than 64 levels; the message says what is wrong in plain words
     */
    public static List<String> of(String template) {
        Set<String> names = new LinkedHashSet<>();
        compile(template).visit(new NameCollector(names));
        if (names.contains("")) {
            throw new TemplateException("a tag has no name");
        }
        names.removeAll(SPECIAL_NAMES);
        return List.copyOf(names);
    }

    private static Template compile(String template) {
        SectionDepth.check(template);
        try {
            return Mustache.compiler().compile(template);
        } catch (MustacheException e) {
            throw new TemplateException(plain(String.valueOf(e.getMessage())), e);
        } catch (IndexOutOfBoundsException e) {
            // jmustache 1.16 fails this way on an empty tag such as "{{}}" instead of with a parse error.
            throw new TemplateException("a tag has no name", e);
        }
    }

    // "Section missing close tag 'x' @ line 2" reads better as "section missing close tag 'x' (line 2)".
    private static String plain(String message) {
        String text = message.replaceFirst(" @ line (\\d+)$", " (line $1)");
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private record NameCollector(Set<String> names) implements Mustache.Visitor {
        @Override
        public void visitText(String text) {
        }

        @Override
        public void visitVariable(String name) {
            names.add(name);
        }

        @Override
        public boolean visitInclude(String name) {
            return false;
        }

        @Override
        public boolean visitSection(String name) {
            names.add(name);
            return true;
        }

        @Override
        public boolean visitInvertedSection(String name) {
            names.add(name);
            return true;
        }
    }
}
