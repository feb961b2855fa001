// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.template;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Fills Mustache templates. Prompts are plain text, so nothing is HTML-escaped; a variable with no value is
 * an error rather than an empty string, because a silently blank question is a wrong prompt that looks right.
 */
public final class MustacheTemplates {
    private static final Mustache.Compiler COMPILER = Mustache.compiler()
            .escapeHTML(false)
            .emptyStringIsFalse(true)
            .nullValue("");

    // The same few templates are filled for every exemplar and case of a run; compiling once is enough.
    private static final Map<String, Template> COMPILED = new ConcurrentHashMap<>();

    private MustacheTemplates() {
    }

    /**
     * Fills {@code template} with {@code values}.
     *
     * @param where names the template and the item being rendered, for the error message
     * @throws TemplateException if the template does not parse or uses a variable {@code values} lacks
     */
    public static String fill(String template, Map<String, ? extends @Nullable Object> values, String where) {
        return fill(template, values, () -> where);
    }

    /**
     * As {@link #fill(String, Map, String)}, with the words naming the template made only for an error message:
     * a prompt set's templates are filled for every case, and the name is most of the work of a small template.
     */
    public static String fill(String template, Map<String, ? extends @Nullable Object> values,
            Supplier<String> where) {
        Template compiled = COMPILED.get(template);
        if (compiled == null) {
            compiled = compile(template, where.get());
        }
        try {
            return compiled.execute(values);
        } catch (MustacheException.Context e) {
            throw new TemplateException(where.get() + ": no value for {{" + e.key + "}}", e);
        } catch (MustacheException e) {
            throw new TemplateException(where.get() + ": " + e.getMessage(), e);
        }
    }

    /** Parses {@code template} once and keeps it. */
    static Template compile(String template, String where) {
        Template cached = COMPILED.get(template);
        if (cached != null) {
            return cached;
        }
        try {
            SectionDepth.check(template);
            Template compiled = COMPILER.compile(template);
            COMPILED.putIfAbsent(template, compiled);
            return compiled;
        } catch (TemplateException e) {
            throw new TemplateException(where + ": " + e.getMessage(), e);
        } catch (MustacheException e) {
            throw new TemplateException(where + ": template does not parse: " + e.getMessage(), e);
        } catch (IndexOutOfBoundsException e) {
            // jmustache 1.16 fails this way on an empty tag ("{{}}") or delimiter change ("{{=}}").
            throw new TemplateException(where + ": template does not parse: a tag is empty", e);
        }
    }
}
