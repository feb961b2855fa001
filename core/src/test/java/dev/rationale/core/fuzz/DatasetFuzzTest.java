// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rationale.core.dataset.DatasetException;
import dev.rationale.core.dataset.DatasetFormat;
import dev.rationale.core.dataset.Datasets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JSON Lines and BIG-bench files, mutated from the test fixtures and the sample task, and generated with deep
 * nesting, long strings and odd Unicode: each reads or fails with a {@link DatasetException} that is located, on a
 * small stack, and the file is left as it was.
 */
class DatasetFuzzTest {
    // Deep enough to write the values beyond Jackson's reading limit of 1,000 levels that the readers must refuse.
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(5000).build()).build()).build();
    private static final List<byte[]> JSONL = List.of(fixture("sums.jsonl"));
    private static final List<byte[]> BIG_BENCH = List.of(fixture("colours.json"), fixture("opposites.json"),
            sample("everyday-science.bigbench.json"));

    @TempDir
    Path dir;

    @Test
    void aMutatedJsonLinesFileReadsOrFailsWithALocatedErrorAndIsLeftAlone() {
        Fuzz.check("mutated JSON Lines", random -> SmallStack.run(r ->
                readAndCheck(Mutations.mutate(pick(JSONL, r), r, 8), "cases.jsonl", DatasetFormat.JSONL), random));
    }

    @Test
    void aMutatedBigBenchTaskReadsOrFailsWithALocatedErrorAndIsLeftAlone() {
        Fuzz.check("mutated BIG-bench task", random -> SmallStack.run(r ->
                readAndCheck(Mutations.mutate(pick(BIG_BENCH, r), r, 8), "task.json", DatasetFormat.BIG_BENCH),
                random));
    }

    @Test
    void aGeneratedJsonLinesFileWithHazardsFailsOnlyWithALocatedError() {
        Fuzz.check("generated JSON Lines", 0.5, random -> SmallStack.run(r -> {
            StringBuilder text = new StringBuilder();
            for (int line = 1 + r.nextInt(5); line > 0; line--) {
                ObjectNode object = JsonNodeFactory.instance.objectNode().put("expected", OddText.of(r, 3) + "y");
                object.set("q", hazard(r));
                text.append(JSON.writeValueAsString(object)).append(r.nextBoolean() ? "\n" : "\r\n");
            }
            readAndCheck(text.toString().getBytes(StandardCharsets.UTF_8), "gen.jsonl", DatasetFormat.JSONL);
        }, random));
    }

    @Test
    void aGeneratedBigBenchTaskWithHazardsFailsOnlyWithALocatedError() {
        Fuzz.check("generated BIG-bench task", 0.5, random -> SmallStack.run(r -> {
            ObjectNode task = JsonNodeFactory.instance.objectNode().put("name", OddText.of(r, 3));
            ArrayNode examples = task.putArray("examples");
            for (int i = 1 + r.nextInt(5); i > 0; i--) {
                ObjectNode example = examples.addObject();
                example.set("input", hazard(r));
                example.putObject("target_scores").put(OddText.of(r, 2) + "a", 1).put(OddText.of(r, 2) + "b", 0);
            }
            byte[] text = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(task);
            readAndCheck(text, "gen.json", DatasetFormat.BIG_BENCH);
        }, random));
    }

    private void readAndCheck(byte[] input, String name, DatasetFormat format) throws IOException {
        Path file = Files.write(dir.resolve(name), input);
        FileFingerprint before = FileFingerprint.of(file);
        try {
            assertThat(Datasets.read(file, format).cases()).isNotEmpty();
        } catch (DatasetException e) {
            Located.assertLocated(e, name);
        }
        assertThat(before.matches(file)).as("file unchanged").isTrue();
    }

    // A value that is odd text, a long string, or a list nested up to beyond Jackson's limit of 1,000.
    private static com.fasterxml.jackson.databind.JsonNode hazard(SplittableRandom random) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (random.nextInt(3)) {
            case 0 -> nodes.textNode(OddText.of(random, 12) + "q");
            case 1 -> nodes.textNode("x".repeat(random.nextInt(200_000)));
            default -> {
                ArrayNode deep = nodes.arrayNode();
                ArrayNode inner = deep;
                for (int i = random.nextInt(1100); i > 0; i--) {
                    inner = inner.addArray();
                }
                yield deep;
            }
        };
    }

    private static byte[] pick(List<byte[]> originals, SplittableRandom random) {
        return originals.get(random.nextInt(originals.size()));
    }

    private static byte[] fixture(String name) {
        try {
            return Files.readAllBytes(Path.of(DatasetFuzzTest.class.getResource("/dataset/" + name).toURI()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sample(String name) {
        try {
            return Files.readAllBytes(Path.of(System.getProperty("rationale.samples.dir", "../sample-prompts"), name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
