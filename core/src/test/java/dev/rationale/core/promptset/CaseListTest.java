// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseListTest {

    private static TestCase numbered(int i) {
        return new TestCase("c" + i, Map.of("question", "What is " + i + " + 3?"), String.valueOf(i + 3));
    }

    @Test
    void givesBackEveryCaseAsItWasAddedAcrossChunks() {
        List<TestCase> original = new ArrayList<>();
        for (int i = 0; i < CaseList.CASES_PER_CHUNK * 2 + 7; i++) {
            original.add(numbered(i));
        }

        CaseList list = CaseList.copyOf(original);

        assertThat(list).hasSize(original.size()).isEqualTo(original);
        assertThat(list.get(CaseList.CASES_PER_CHUNK)).isEqualTo(numbered(CaseList.CASES_PER_CHUNK));
        assertThat(list.get(list.size() - 1)).isEqualTo(original.getLast());
    }

    @Test
    void keepsNullsChoicesOrderAndTextUtf8CannotHold() {
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("zeta", "Grüße, 日本, 😀");
        inputs.put("alpha", null);
        inputs.put("lone", "half a pair: \uD800 and \uDC00 reversed");
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < Lists.SMALL + 3; i++) {
            many.put("input" + i, "value " + i);
        }
        List<TestCase> original = Arrays.asList(
                new TestCase(null, inputs, null, Arrays.asList(Choice.of("yes", 1), null, new Choice(null, null),
                        Choice.of("no", -0.0))),
                null,
                new TestCase("", Map.of(), "", List.of()),
                new TestCase("many", many, "x"));

        CaseList list = CaseList.copyOf(original);

        assertThat(list).isEqualTo(original);
        assertThat(new ArrayList<>(list.get(0).inputs().keySet())).containsExactly("zeta", "alpha", "lone");
        assertThat(list.get(0).choices().get(3).score()).isEqualTo(-0.0);
        assertThat(list.get(1)).isNull();
        assertThat(new ArrayList<>(list.get(3).inputs().keySet())).isEqualTo(new ArrayList<>(many.keySet()));
    }

    @Test
    void cannotBeChangedAndIsKeptWhenCopied() {
        CaseList list = CaseList.copyOf(List.of(numbered(1)));

        assertThat(CaseList.copyOf(list)).isSameAs(list);
        assertThatThrownBy(() -> list.add(numbered(2))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> list.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(CaseList.copyOf(List.of())).isEmpty();
    }

    @Test
    void aSetReadFromAFileKeepsItsCasesAsBytesAndSavesTheSameText(@TempDir Path dir) throws IOException {
        StringBuilder cases = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            cases.append(i == 0 ? "" : ",").append("{\"id\":\"c").append(i).append("\",\"inputs\":{\"q\":\"")
                    .append(i).append(" + 1\"},\"expected\":\"").append(i + 1).append("\"}");
        }
        Path file = Files.writeString(dir.resolve("big.rationale.json"), "\uFEFF{\"format\":\"rationale-prompt-set\","
                + "\"version\":1,\"name\":\"Big\",\"tasks\":[{\"id\":\"t\",\"template\":{\"input\":\"Q: {{q}}\"},"
                + "\"cases\":[" + cases + "],\"variants\":[{\"id\":\"direct\"}]}]}", StandardCharsets.UTF_8);

        PromptSet set = PromptSetFiles.load(file);

        List<TestCase> loaded = set.tasks().getFirst().cases();
        assertThat(loaded).isInstanceOf(CaseList.class).hasSize(3000);
        assertThat(loaded.get(2999)).isEqualTo(new TestCase("c2999", Map.of("q", "2999 + 1"), "3000"));
        PromptSet fromText = PromptSetFiles.fromJson(Files.readString(file).substring(1), "same");
        assertThat(PromptSetFiles.toJson(set)).isEqualTo(PromptSetFiles.toJson(fromText));
    }

    @Test
    void aDuplicateCaseIdInALargeSetIsPlacedAsBefore(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("dup.rationale.json"), """
                {"format": "rationale-prompt-set", "version": 1, "name": "Dup", "tasks": [{"id": "t",
                 "template": {"input": "Q: {{q}}"},
                 "cases": [{"id": "a", "inputs": {"q": "1"}, "expected": "1"},
                           {"id": "b", "inputs": {"q": "2"}, "expected": "2"},
                           {"id": "a", "inputs": {"q": "3"}, "expected": "3"}],
                 "variants": [{"id": "direct"}]}]}
                """, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> PromptSetFiles.load(file)).isInstanceOf(InvalidPromptSetException.class)
                .hasMessageContaining(file + ":5:")
                .hasMessageContaining("tasks[0].cases[2].id: duplicate case id \"a\" (also used by tasks[0].cases[0])");
    }
}
