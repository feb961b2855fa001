// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.answer.AnswerFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskAnswerReaderTest {
    @TempDir
    Path dir;

    @Test
    void eachTasksAnswerIsTheOneAFullLoadGivesInJsonAndYaml() throws Exception {
        List<AnswerFormat> seen = new ArrayList<>();
        for (Path sample : SamplePromptSetsTest.samples()) {
            PromptSet set = PromptSetFiles.load(sample);
            Path yaml = dir.resolve(sample.getFileName() + ".yaml");
            PromptSetFiles.save(set, yaml);
            for (Task task : set.tasks()) {
                assertThat(PromptSetFiles.answerFormat(sample, task.id())).as(sample + " " + task.id())
                        .contains(task.effectiveAnswer());
                assertThat(PromptSetFiles.answerFormat(yaml, task.id())).as(yaml + " " + task.id())
                        .contains(task.effectiveAnswer());
                seen.add(task.effectiveAnswer());
            }
        }
        assertThat(seen).as("the samples have tasks with their own answer formats").hasSizeGreaterThan(2)
                .anyMatch(format -> !format.equals(AnswerFormat.DEFAULT));
    }

    @Test
    void nothingForAMissingTaskOrAFileThatIsNotAPromptSet() throws Exception {
        Path sample = SamplePromptSetsTest.samples().getFirst();
        Path csv = Files.writeString(dir.resolve("cases.csv"), "question,expected\nWhat is 2 + 2?,4\n");
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"tasks\": [{\"id\": \"t\", \"answer\": ");

        assertThat(PromptSetFiles.answerFormat(sample, "no-such-task")).isEmpty();
        assertThat(PromptSetFiles.answerFormat(csv, "t")).isEmpty();
        assertThat(PromptSetFiles.answerFormat(broken, "t")).isEmpty();
        assertThat(PromptSetFiles.answerFormat(dir.resolve("gone.json"), "t")).isEmpty();
    }
}
