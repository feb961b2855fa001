// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rationale.core.dataset.DatasetFormat;
import dev.rationale.core.dataset.Datasets;
import dev.rationale.core.promptset.InvalidPromptSetException;
import dev.rationale.core.promptset.PromptSetFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every reader takes time linear in its input, on the shapes that were quadratic or could be: a long scalar, many
 * columns, many rows, long strings, values nested as deep as allowed. Sizes are picked so the smaller input takes
 * some milliseconds ({@link Scaling} compares it with ten times as much) and the whole class stays within seconds.
 *
 * <p>Not here: a JSON Lines line with many fields. Its ratio sits at 16 to 21 even though the reader is linear,
 * because ten times the fields no longer fit the processor's caches; {@code DatasetLimitsTest} reads 100,000
 * fields per line within a timeout instead.
 */
class ReaderScalingTest {
    private static final String HEAD = "{\"format\": \"rationale-prompt-set\", \"version\": 1, \"name\": \"N\",\n";

    @TempDir
    Path dir;

    // Each size gets its own file: Scaling makes both inputs before it reads either.
    private Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(text.length() + "-" + name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String setWithCases(int cases) {
        StringBuilder text = new StringBuilder(HEAD).append("\"tasks\": [{\"id\": \"t\", \"template\": {\"input\":"
                + " \"Q: {{q}}\"}, \"variants\": [{\"id\": \"v\"}], \"cases\": [\n");
        for (int i = 0; i < cases; i++) {
            text.append(i == 0 ? "" : ",\n").append("{\"id\": \"c").append(i).append("\", \"inputs\": {\"q\": \"")
                    .append(i).append(" + 1?\"}, \"expected\": \"").append(i + 1).append("\"}");
        }
        return text.append("]}]}\n").toString();
    }

    @Test
    void promptSetsInJsonAndYamlReadManyCasesInLinearTime() {
        Scaling.assertLinear("prompt set JSON, cases", 500, ReaderScalingTest::setWithCases,
                text -> PromptSetFiles.fromJson(text, "s.json"));
        Scaling.assertLinear("prompt set YAML, cases", 100,
                n -> PromptSetFiles.toYaml(PromptSetFiles.fromJson(setWithCases(n), "s.json")),
                text -> PromptSetFiles.fromYaml(text, "s.yaml"));
    }

    @Test
    void aLongYamlScalarIsRefusedInLinearTimeAndALongTextOverManyLinesReadInLinearTime() {
        Scaling.assertLinear("prompt set YAML, one long line", 200_000,
                n -> "format: rationale-prompt-set\nversion: 1\nname: " + "x".repeat(n) + "\n",
                text -> assertThatThrownBy(() -> PromptSetFiles.fromYaml(text, "s.yaml"))
                        .isInstanceOf(InvalidPromptSetException.class));
        Scaling.assertLinear("prompt set YAML, long block text", 50_000,
                n -> PromptSetFiles.toYaml(PromptSetFiles.fromJson(HEAD + "\"description\": \""
                        + "a long line of prose, told at length\\n".repeat(n / 40) + "\","
                        + setWithCases(1).substring(HEAD.length()), "s")),
                text -> assertThat(PromptSetFiles.fromYaml(text, "s.yaml").description()).isNotEmpty());
    }

    @Test
    void aLongJsonStringAndDeepButAllowedNestingReadInLinearTime() {
        Scaling.assertLinear("prompt set JSON, long string", 200_000,
                n -> HEAD + "\"description\": \"" + "y".repeat(n) + "\", \"tasks\": []}",
                text -> assertThatThrownBy(() -> PromptSetFiles.fromJson(text, "s.json"))
                        .hasMessageContaining("tasks"));
        String deep = "[".repeat(60) + "1" + "]".repeat(60);
        Scaling.assertLinear("prompt set JSON, values 60 deep", 30,
                n -> HEAD + "\"tasks\": [" + (deep + ",").repeat(n) + "1]}",
                text -> assertThatThrownBy(() -> PromptSetFiles.fromJson(text, "s.json"))
                        .isInstanceOf(InvalidPromptSetException.class));
    }

    @Test
    void csvReadsManyColumnsManyRowsAndLongCellsInLinearTime() {
        Scaling.assertLinear("CSV, columns", 5_000, n -> write("wide.csv", "expected,"
                + columns(n) + "\ny," + "v,".repeat(n - 1) + "v\n"), file -> read(file, DatasetFormat.CSV));
        Scaling.assertLinear("CSV, rows", 1_000, n -> write("long.csv", "q,expected\n" + "a question,an answer\n"
                .repeat(n)), file -> read(file, DatasetFormat.CSV));
        Scaling.assertLinear("CSV, long cell", 200_000, n -> write("cell.csv", "q,expected\n\"" + "z".repeat(n)
                + "\",a\n"), file -> read(file, DatasetFormat.CSV));
    }

    @Test
    void jsonLinesReadManyLinesAndLongStringsInLinearTime() {
        Scaling.assertLinear("JSON Lines, lines", 500, n -> write("many.jsonl",
                "{\"q\": \"a question\", \"expected\": \"an answer\"}\n".repeat(n)),
                file -> read(file, DatasetFormat.JSONL));
        Scaling.assertLinear("JSON Lines, long string", 200_000, n -> write("long.jsonl",
                "{\"q\": \"" + "w".repeat(n) + "\", \"expected\": \"a\"}\n"), file -> read(file, DatasetFormat.JSONL));
    }

    @Test
    void bigBenchReadsManyExamplesManyOptionsAndLongInputsInLinearTime() {
        Scaling.assertLinear("BIG-bench, examples", 500, n -> write("many.json", "{\"examples\": ["
                + "{\"input\": \"a question\", \"target\": \"an answer\"},\n".repeat(n - 1)
                + "{\"input\": \"a question\", \"target\": \"an answer\"}]}"),
                file -> read(file, DatasetFormat.BIG_BENCH));
        Scaling.assertLinear("BIG-bench, options", 1_000, n -> write("options.json", "{\"examples\": [{\"input\":"
                + " \"q\", \"target_scores\": {\"best\": 1, " + options(n) + "}}]}"),
                file -> read(file, DatasetFormat.BIG_BENCH));
        Scaling.assertLinear("BIG-bench, long input", 200_000, n -> write("long.json", "{\"examples\": [{\"input\": \""
                + "u".repeat(n) + "\", \"target\": \"a\"}]}"), file -> read(file, DatasetFormat.BIG_BENCH));
    }

    private static void read(Path file, DatasetFormat format) {
        assertThat(Datasets.read(file, format).cases()).isNotEmpty();
    }

    private static String columns(int n) {
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < n; i++) {
            names.append(i == 0 ? "" : ",").append("c").append(i);
        }
        return names.toString();
    }

    private static String options(int n) {
        StringBuilder options = new StringBuilder();
        for (int i = 0; i < n; i++) {
            options.append(i == 0 ? "" : ", ").append("\"o").append(i).append("\": 0");
        }
        return options.toString();
    }
}
