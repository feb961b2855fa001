// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.rationale.core.history.HistoryStore;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunResultsExportTest {
    private static final List<String> COLUMNS = List.of("run", "task", "variant", "endpoint", "model", "case",
            "sample", "answer", "expected", "grade", "confidence", "latencyMillis", "promptTokens",
            "completionTokens", "finishReason", "failure");

    @TempDir
    Path dir;
    private RunSnapshot snapshot;
    private String runId;

    @BeforeEach
    void importRun() throws Exception {
        runId = BatchOutputs.importedRun(dir);
        try (HistoryStore store = HistoryStore.open(dir)) {
            snapshot = RunSnapshot.read(store, runId).orElseThrow();
        }
    }

    @Test
    void csvHasAHeaderAndOneRowPerCompletion() throws Exception {
        StringWriter out = new StringWriter();

        RunResultsExport.writeCsv(snapshot, out);

        CsvMapper csv = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<List<String>> table = new ArrayList<>();
        try (MappingIterator<List<String>> rows = csv.readerForListOf(String.class).with(CsvSchema.emptySchema())
                .readValues(out.toString())) {
            rows.forEachRemaining(table::add);
        }
        assertThat(table.getFirst()).isEqualTo(COLUMNS);
        assertThat(table).hasSize(9);
        Map<String, String> first = find(table, "one-shot", "c1");
        assertThat(first).containsEntry("run", runId).containsEntry("task", "sums")
                .containsEntry("variant", "one-shot").containsEntry("endpoint", "openai-batch")
                .containsEntry("model", "gpt-4o-mini").containsEntry("case", "c1").containsEntry("sample", "0")
                .containsEntry("answer", "5").containsEntry("expected", "5").containsEntry("grade", "correct")
                .containsEntry("latencyMillis", "").containsEntry("promptTokens", "40")
                .containsEntry("completionTokens", "5").containsEntry("finishReason", "stop")
                .containsEntry("failure", "");
        assertThat(Double.parseDouble(first.get("confidence"))).isCloseTo(Math.exp(-0.9), within(1e-9));
        List<Map<String, String>> failed = new ArrayList<>();
        for (int i = 1; i < table.size(); i++) {
            if (row(table, i).get("grade").equals("failed")) {
                failed.add(row(table, i));
            }
        }
        // The refusal's text holds a comma-free quote and markup; CSV keeps it whole in one field.
        assertThat(failed).extracting(r -> r.get("failure")).anySatisfy(f -> assertThat(f)
                .contains("HTTP 400").contains("Invalid 'messages': <too long> & more"));
        assertThat(failed).extracting(r -> r.get("answer")).containsOnly("");
    }

    @Test
    void theStreamedResultsAreTheRowsOfTheRunReadWhole() throws Exception {
        StringWriter wholeCsv = new StringWriter();
        StringWriter wholeJsonl = new StringWriter();
        RunResultsExport.writeCsv(snapshot, wholeCsv);
        RunResultsExport.writeJsonl(snapshot, wholeJsonl);
        StringWriter streamedCsv = new StringWriter();
        StringWriter streamedJsonl = new StringWriter();

        try (HistoryStore store = HistoryStore.open(dir)) {
            StreamedRun run = StreamedRun.open(store, runId).orElseThrow();
            assertThat(RunResultsExport.writeCsv(run, streamedCsv)).isEqualTo(8);
            assertThat(RunResultsExport.writeJsonl(run, streamedJsonl)).isEqualTo(8);
        }

        assertThat(streamedCsv.toString()).isEqualTo(wholeCsv.toString()).contains(String.valueOf(Math.exp(-0.9)));
        assertThat(streamedJsonl.toString()).isEqualTo(wholeJsonl.toString());
    }

    @Test
    void jsonlHasOneObjectPerCompletionWithTheSameColumns() throws Exception {
        StringWriter out = new StringWriter();

        RunResultsExport.writeJsonl(snapshot, out);

        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(8);
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            JsonNode row = json.readTree(line);
            assertThat(row.fieldNames()).toIterable().containsExactlyElementsOf(COLUMNS);
        }
        JsonNode wrong = json.readTree(lines.stream().filter(l -> l.contains("\"wrong\"")).findFirst().orElseThrow());
        assertThat(wrong.get("variant").asText()).isEqualTo("cot-vote");
        assertThat(wrong.get("case").asText()).isEqualTo("c2");
        assertThat(wrong.get("sample").asInt()).isEqualTo(1);
        assertThat(wrong.get("answer").asText()).isEqualTo("7");
        assertThat(wrong.get("expected").asText()).isEqualTo("8");
        assertThat(wrong.get("latencyMillis").isNull()).isTrue();
    }

    private static Map<String, String> find(List<List<String>> table, String variant, String caseId) {
        for (int i = 1; i < table.size(); i++) {
            Map<String, String> row = row(table, i);
            if (row.get("variant").equals(variant) && row.get("case").equals(caseId)) {
                return row;
            }
        }
        throw new AssertionError("no row " + variant + "/" + caseId);
    }

    private static Map<String, String> row(List<List<String>> table, int index) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int c = 0; c < COLUMNS.size(); c++) {
            row.put(COLUMNS.get(c), table.get(index).get(c));
        }
        return row;
    }
}
