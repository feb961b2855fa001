// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rationale.core.parse.Utf8Files;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads a prompt set from text in steps, each of which can reject it: parse (syntax, duplicate keys), check the
 * header (format and version), bind to the records (unknown fields, wrong types), validate (meaning). Binding
 * works on the parsed tree, and a {@link SourceMap} from a second, streaming parse, made only when there is a
 * problem to place, gives every later problem its line and column.
 */
final class PromptSetReader {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final PromptSetValidator validator = new PromptSetValidator();

    /** @throws InvalidPromptSetException with every problem found, when the text is not a usable prompt set */
    LoadedPromptSet read(String text, String file, FileSyntax syntax) {
        // Some Windows editors start UTF-8 files with a byte-order mark, which JSON parsers reject.
        String body = !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
        ObjectMapper mapper = syntax.mapper();
        if (syntax == FileSyntax.YAML) {
            YamlLineLimit.check(body, file);
        }
        SourceMap map = sourceMap(mapper, body);
        PromptSet direct = syntax == FileSyntax.JSON ? bindDirectly(mapper, body) : null;
        if (direct != null) {
            return validated(direct, map, file);
        }
        JsonNode tree = parse(body, file, syntax);
        ObjectNode root = requireObject(tree, file, map);
        List<Problem> headerProblems = FormatHeader.check(root, map, file);
        if (!headerProblems.isEmpty()) {
            throw new InvalidPromptSetException(headerProblems);
        }
        return validated(bind(mapper, root, file, map), map, file);
    }

    /**
     * Reads a JSON file from disk a piece at a time, without its text or tree in memory: a set of half a million
     * cases is a file of 40 MB, which as a string, its bytes and their decoding took four times that at once.
     * Null when anything is off with the file that binding notices (see {@link #bindDirectly}), even that it cannot
     * be read: the caller then reads its text, which words every problem.
     *
     * @throws InvalidPromptSetException when the set binds but is not valid
     */
    @Nullable LoadedPromptSet readJsonFile(Path file, String name) {
        ObjectMapper mapper = FileSyntax.JSON.mapper();
        PromptSet direct;
        try (Reader reader = withoutByteOrderMark(Utf8Files.reader(file))) {
            direct = bindDirectly(mapper, reader);
        } catch (IOException e) {
            return null;
        }
        if (direct == null) {
            return null;
        }
        SourceMap map = SourceMap.lazy(() -> {
            try {
                return mapper.createParser(withoutByteOrderMark(Utf8Files.reader(file)));
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + name + " again to place a problem", e);
            }
        });
        return validated(direct, map, name);
    }

    // Skipped as the text's way skips it, so that lines and columns are the same either way.
    private static Reader withoutByteOrderMark(Reader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != BYTE_ORDER_MARK) {
            reader.reset();
        }
        return reader;
    }

    private LoadedPromptSet validated(PromptSet set, SourceMap map, String file) {
        ValidationReport report = validator.validate(set, map, file);
        if (report.hasErrors()) {
            throw new InvalidPromptSetException(report.errors(), report.warnings());
        }
        return new LoadedPromptSet(set, report.warnings());
    }

    /**
     * The set read straight from the text, without the tree: a file of half a million cases took several times its
     * own size as a tree before its records existed. Null whenever anything is off (bad JSON, an unknown field, a
     * wrong type, a header this Rationale does not read): the tree's way then finds and words every problem, so
     * what is accepted and what is said about a bad file do not depend on this shortcut.
     */
    private static @Nullable PromptSet bindDirectly(ObjectMapper mapper, String body) {
        try {
            return readable(mapper.readerFor(PromptSet.class).readValue(body));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static @Nullable PromptSet bindDirectly(ObjectMapper mapper, Reader body) {
        try {
            return readable(mapper.readerFor(PromptSet.class).readValue(body));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static @Nullable PromptSet readable(@Nullable PromptSet set) {
        boolean readable = set != null && PromptSet.FORMAT.equals(set.format()) && set.version() != null
                && set.version() >= 1 && set.version() <= PromptSet.CURRENT_VERSION;
        return readable ? set : null;
    }

    private static @Nullable JsonNode parse(String body, String file, FileSyntax syntax) {
        try (JsonParser parser = syntax.mapper().createParser(body)) {
            return parse(parser, file, syntax);
        } catch (IOException e) {
            throw new IllegalStateException("reading a string does no I/O", e);
        }
    }

    // The parser is kept for the failure: Jackson reports its limits (nesting, lengths) without a location.
    private static @Nullable JsonNode parse(JsonParser parser, String file, FileSyntax syntax) throws IOException {
        try {
            return syntax.mapper().readTree(parser);
        } catch (JacksonException e) {
            throw InvalidPromptSetException.of(JacksonProblems.fromParse(e, parser, file, syntax));
        }
    }

    private static SourceMap sourceMap(ObjectMapper mapper, String body) {
        return SourceMap.lazy(() -> {
            try {
                return mapper.createParser(body);
            } catch (IOException e) {
                throw new IllegalStateException("reading a string does no I/O", e);
            }
        });
    }

    private static ObjectNode requireObject(@Nullable JsonNode tree, String file, SourceMap map) {
        if (tree == null || tree.isMissingNode()) {
            throw InvalidPromptSetException.of(Problem.of(file, "the file is empty; expected a prompt set"));
        }
        if (tree instanceof ObjectNode root) {
            return root;
        }
        throw InvalidPromptSetException.of(Problem.at(file, map.locate(FieldPath.ROOT), "",
                "not a Rationale prompt set: expected an object at the top, got " + JacksonProblems.describe(tree)));
    }

    // After a wrong type Jackson cannot go on, so binding stops at the first such problem; unknown fields are
    // collected on the way and all reported. Validation is skipped then: it would only repeat the damage.
    private static PromptSet bind(ObjectMapper mapper, ObjectNode root, String file, SourceMap map) {
        UnknownFieldCollector unknownFields = new UnknownFieldCollector(file, map);
        try {
            PromptSet set = mapper.readerFor(PromptSet.class).withHandler(unknownFields).readValue(root);
            if (!unknownFields.problems().isEmpty()) {
                throw new InvalidPromptSetException(inFileOrder(unknownFields.problems()));
            }
            return set;
        } catch (JsonMappingException e) {
            List<Problem> problems = new ArrayList<>(unknownFields.problems());
            problems.add(JacksonProblems.fromBinding(e, root, map, file));
            throw new InvalidPromptSetException(inFileOrder(problems));
        } catch (IOException e) {
            throw new IllegalStateException("binding a parsed tree does no I/O", e);
        }
    }

    // Jackson holds back a record's unknown fields until the record is complete; sorting restores file order.
    private static List<Problem> inFileOrder(List<Problem> problems) {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Findings.FILE_ORDER);
        return sorted;
    }
}
