// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.rationale.core.RationaleException;
import dev.rationale.core.eval.OfflineEvaluation;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.provider.openai.OpenAiBatchLines;
import dev.rationale.core.provider.openai.OpenAiChatProvider;
import dev.rationale.core.provider.openai.OpenAiOptions;
import dev.rationale.core.render.PromptIntake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a task's variants as an OpenAI Batch API input file: one JSON line per variant x case x sample, each a
 * {@code POST /v1/chat/completions} whose body is what {@link OpenAiChatProvider} sends in an evaluation (same
 * rendered messages, settings, seeds and logprobs), not streamed. A case with several samples gets one line per
 * sample with seeds set as an evaluation sets them for separate requests. Lines carry no key and no URL but the
 * API's path. Pure apart from writing.
 */
public final class OpenAiBatchExport {
    /** The API path every line posts to. */
    public static final String URL = OpenAiBatchLines.URL;

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private OpenAiBatchExport() {
    }

    /**
     * What was written.
     *
     * @param lines the requests written
     * @param skipped what the file leaves out, each with the reason: the likelihood scoring of cases with choices
     */
    public record Written(int lines, List<String> skipped) {
        public Written {
            skipped = List.copyOf(skipped);
        }
    }

    /**
     * Writes the lines. The chat endpoint takes messages only, so raw-text variants are laid out as chat messages by
     * their chat layout, as a run on a chat endpoint sends them; each such request's prompt says so. Cases with
     * choices are sent like any other, and it is listed that their choices are not scored by likelihood.
     *
     * @param variants the variants to export, in order
     * @param model the model every request names
     * @param tokenLimit which field carries the token limit; OpenAI's own API wants
     *     {@code MAX_COMPLETION_TOKENS}
     * @throws RationaleException when a prompt does not render or two completions would share an id
     * @throws UncheckedIOException when {@code out} cannot be written
     */
    public static Written write(PromptSet set, Task task, List<Variant> variants, String model,
            OpenAiOptions.TokenLimit tokenLimit, Writer out) {
        List<String> skipped = new ArrayList<>();
        long scored = task.cases().stream().filter(TestCase::hasChoices).count();
        if (scored > 0) {
            skipped.add("the choices of " + scored + (scored == 1 ? " case are" : " cases are") + " not scored by"
                    + " likelihood; a batch is graded by its completions only");
        }
        OfflineEvaluation evaluation = OpenAiBatchPlan.of(set, task, variants, model);
        PromptIntake intake = OpenAiBatchPlan.intake(model);
        String setName = OpenAiBatchPlan.setName(set);
        Map<String, OfflineEvaluation.Planned> seen = new HashMap<>();
        int lines = 0;
        try {
            for (OfflineEvaluation.Planned planned : evaluation.requests(intake,
                    OpenAiChatProvider.CAPABILITIES.logprobs())) {
                String id = BatchCustomIds.of(setName, planned.key());
                OfflineEvaluation.Planned before = seen.put(id, planned);
                if (before != null) {
                    throw new RationaleException("two completions share the batch id " + id + ": " + before.key()
                            + " and " + planned.key());
                }
                out.write(JSON.writeValueAsString(OpenAiBatchLines.input(id, planned.request(), tokenLimit)));
                out.write('\n');
                lines++;
            }
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a batch line", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Written(lines, skipped);
    }
}
