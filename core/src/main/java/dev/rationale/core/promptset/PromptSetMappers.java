// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.cfg.MutableCoercionConfig;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The one JSON and one YAML mapper every prompt-set file goes through, and the writers that give the canonical
 * text. Reading is strict: unknown fields, duplicate keys, trailing content and every scalar coercion ({@code
 * "3"} for a number, {@code 2.5} for an integer, {@code 7} for text) are errors, because each would otherwise
 * change the file's meaning or its bytes on the next save. Mappers are thread-safe once built.
 */
final class PromptSetMappers {
    /**
     * How deeply values may nest. A valid prompt set nests about eight levels (tasks, a task, its variants, a
     * variant, its template...); 64 leaves room for any future shape and keeps the work per value bounded: each
     * value's field path, which the {@link SourceMap} records, is as long as its depth. Jackson's own default,
     * 1,000, would let a file of deep values cost time and memory in proportion to size times depth.
     */
    static final int DEEPEST_NESTING = 64;

    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(DEEPEST_NESTING)
            .build();

    static final ObjectMapper JSON = strict(JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(LIMITS).build()));

    // Built on first use, each in a holder of its own: a command that reads one JSON set (every evaluation) does
    // not pay tens of milliseconds at start-up for the YAML mapper and the writers.
    private static final class Yaml {
        static final ObjectMapper MAPPER = strict(YAMLMapper.builder(yamlFactory()));
        static final ObjectWriter WRITER = MAPPER.writerFor(PromptSet.class);
    }

    private static final class JsonWriter {
        static final ObjectWriter WRITER = JSON.writerFor(PromptSet.class).with(jsonPrettyPrinter());
    }

    private PromptSetMappers() {
    }

    /** The YAML mapper, as strict as {@link #JSON}. */
    static ObjectMapper yaml() {
        return Yaml.MAPPER;
    }

    /** Two-space indented JSON, keys in record order, absent fields left out, one final newline. */
    static String toJson(PromptSet set) {
        return write(JsonWriter.WRITER, set) + "\n";
    }

    /** Block-style YAML without a {@code ---} marker, multi-line text as literal blocks. */
    static String toYaml(PromptSet set) {
        String text = write(Yaml.WRITER, set);
        return text.endsWith("\n") ? text : text + "\n";
    }

    private static String write(ObjectWriter writer, PromptSet set) {
        try {
            return writer.writeValueAsString(set);
        } catch (JsonProcessingException e) {
            // Records of strings, numbers and lists always serialise; reaching this is a bug, not a user error.
            throw new IllegalStateException("could not serialise a prompt set", e);
        }
    }

    private static <M extends ObjectMapper, B extends MapperBuilder<M, B>> M strict(B builder) {
        return builder
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .withCoercionConfig(LogicalType.Integer, config -> fail(config, CoercionInputShape.String,
                        CoercionInputShape.EmptyString, CoercionInputShape.Float, CoercionInputShape.Boolean))
                // An integer where a number is expected is the same number ("temperature": 0), so it passes.
                .withCoercionConfig(LogicalType.Float, config -> fail(config, CoercionInputShape.String,
                        CoercionInputShape.EmptyString, CoercionInputShape.Boolean))
                .withCoercionConfig(LogicalType.Boolean, config -> fail(config, CoercionInputShape.String,
                        CoercionInputShape.EmptyString, CoercionInputShape.Integer, CoercionInputShape.Float))
                .withCoercionConfig(LogicalType.Textual, config -> fail(config, CoercionInputShape.Integer,
                        CoercionInputShape.Float, CoercionInputShape.Boolean))
                .withCoercionConfig(LogicalType.Enum, config -> fail(config, CoercionInputShape.EmptyString,
                        CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean))
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                        JsonInclude.Include.USE_DEFAULTS))
                .addModule(new SimpleModule("rationale-numbers").addSerializer(Double.class,
                        new WholeNumberSerializer()))
                .addModule(new SimpleModule("rationale-cases").setDeserializerModifier(
                        new CaseListDeserializer.Installer()))
                .build();
    }

    private static void fail(MutableCoercionConfig config, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            config.setCoercion(shape, CoercionAction.Fail);
        }
    }

    private static DefaultPrettyPrinter jsonPrettyPrinter() {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        // An explicit "\n" rather than the platform's line separator: files must be identical on every OS.
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return printer;
    }

    private static YAMLFactory yamlFactory() {
        return YAMLFactory.builder()
                .streamReadConstraints(LIMITS)
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                // Without this, the text "7" would be written as 7 and read back as a number.
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                // Folding long lines would make a one-word edit show as a multi-line diff.
                .disable(YAMLGenerator.Feature.SPLIT_LINES)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .build();
    }
}
