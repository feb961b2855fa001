// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * The lines of a {@link ResultsFile} read back a line at a time, up to a length (what the file held at some moment
 * while it grows): each a {@link SampleRecord}, a {@link LikelihoodRecord} or a {@link BatchRecord}. A last line
 * without its newline is torn and is not read; a line that is not a record is skipped with a warning.
 */
final class ResultsLines {
    private static final System.Logger LOG = System.getLogger(ResultsLines.class.getName());
    private static final ObjectMapper MAPPER = ResultsFile.MAPPER;

    private ResultsLines() {
    }

    static void forEach(Path path, long length, Consumer<SampleRecord> samples,
            Consumer<LikelihoodRecord> scores) throws IOException {
        forEach(path, length, samples, scores, batch -> { });
    }

    static void forEach(Path path, long length, Consumer<SampleRecord> samples,
            Consumer<LikelihoodRecord> scores, Consumer<BatchRecord> batches) throws IOException {
        forEachLine(path, length, line -> parse(line, samples, scores, batches));
    }

    /**
     * The lines of batches only. A batch's line is the one that has a {@code slots} key; a line without the text
     * {@code "slots"} is passed over unparsed, so a large run's completions cost a read, not a parse each.
     */
    static void forEachBatch(Path path, long length, Consumer<BatchRecord> batches) throws IOException {
        forEachLine(path, length, line -> {
            if (line.contains("\"slots\"")) {
                parse(line, r -> { }, s -> { }, batches);
            }
        });
    }

    private static void forEachLine(Path path, long length, Consumer<String> lines) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new BoundedInputStream(Files.newInputStream(path), length), StandardCharsets.UTF_8), 1 << 16)) {
            String line = reader.readLine();
            while (line != null) {
                String next = reader.readLine();
                // The last line without its newline is torn (or being written): not a record yet.
                if (next != null || endsWithNewline(path, length)) {
                    lines.accept(line);
                }
                line = next;
            }
        }
    }

    private static boolean endsWithNewline(Path path, long length) throws IOException {
        if (length == 0) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            return channel.read(last, length - 1) == 1 && last.get(0) == '\n';
        }
    }

    /** Hands the record {@code line} holds to {@code samples} or {@code scores}; logs and skips what is none. */
    static void parse(String line, Consumer<SampleRecord> samples, Consumer<LikelihoodRecord> scores) {
        parse(line, samples, scores, batch -> { });
    }

    /** As {@link #parse(String, Consumer, Consumer)}, handing the lines of batches to {@code batches}. */
    static void parse(String line, Consumer<SampleRecord> samples, Consumer<LikelihoodRecord> scores,
            Consumer<BatchRecord> batches) {
        if (line.isBlank()) {
            return;
        }
        try {
            JsonNode node = MAPPER.readTree(line);
            // A completion names its batch too; only a batch's own line has its slots.
            if (node.has("slots")) {
                BatchRecord batch = MAPPER.treeToValue(node, BatchRecord.class);
                if (batch.state() != null && batch.slots() != null) {
                    batches.accept(batch);
                    return;
                }
            } else if (node.has("likelihood")) {
                LikelihoodRecord score = MAPPER.treeToValue(node, LikelihoodRecord.class);
                if (complete(score)) {
                    scores.accept(score);
                    return;
                }
            } else {
                SampleRecord record = MAPPER.treeToValue(node, SampleRecord.class);
                if (complete(record)) {
                    samples.accept(record);
                    return;
                }
            }
            LOG.log(Level.WARNING, "skipping a result without its key or status");
        } catch (JsonProcessingException e) {
            LOG.log(Level.WARNING, "skipping a line that is not a result: " + e.getOriginalMessage());
        }
    }

    // Jackson leaves a missing field null whatever the record declares.
    @SuppressWarnings("ConstantValue")
    private static boolean complete(SampleRecord record) {
        return record.task() != null && record.variant() != null && record.target() != null
                && record.testCase() != null && record.status() != null;
    }

    @SuppressWarnings("ConstantValue")
    private static boolean complete(LikelihoodRecord record) {
        return record.task() != null && record.variant() != null && record.target() != null
                && record.testCase() != null && record.likelihood() != null;
    }
}
