// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import dev.rationale.core.promptset.GenerationSettings;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.promptset.ThinkingLevel;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --thinking off|low|medium|high}: how much a reasoning model thinks, over the variants' own setting. */
final class ThinkingOption {
    @Option(names = "--thinking", paramLabel = "LEVEL", converter = Converter.class,
            description = "How much a reasoning model thinks before it answers: off, low, medium or high, mapped to"
                    + " each backend's control (a note says when a backend has none). Default: the variant's or"
                    + " the set's setting, else the model's own.")
    private @Nullable ThinkingLevel level;

    /** The level given, or null to keep the variants' own. */
    @Nullable ThinkingLevel level() {
        return level;
    }

    /** {@code settings} with the level given over theirs. */
    GenerationSettings applyTo(GenerationSettings settings) {
        return level == null ? settings : settings.withThinking(level);
    }

    /** The variant with the level given over its own, or unchanged when none is. */
    Variant applyTo(Variant variant) {
        if (level == null) {
            return variant;
        }
        GenerationSettings own = variant.settings() == null ? GenerationSettings.NONE : variant.settings();
        return variant.withSettings(own.withThinking(level));
    }

    /** Reads a level by the name files use, so the option and the prompt-set field take the same words. */
    static final class Converter implements ITypeConverter<ThinkingLevel> {
        @Override
        public ThinkingLevel convert(String value) {
            return ThinkingLevel.parse(value).orElseThrow(() -> new TypeConversionException("\"" + value
                    + "\" is not a thinking level (one of: " + ThinkingLevel.names() + ")"));
        }
    }
}
