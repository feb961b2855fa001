// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.rationale.core.RationaleException;
import dev.rationale.core.eval.CompletionKey;
import dev.rationale.core.eval.OfflineEvaluation;
import dev.rationale.core.eval.SampleRecord;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.http.HttpErrors;
import dev.rationale.core.provider.openai.OpenAiChatBodies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads OpenAI Batch API output (and error) files back into an evaluation of the prompt set they were exported
 * from. Each line {@code {"custom_id", "response": {"status_code", "body"}, "error"}} is matched to its completion
 * by recomputing every custom id the set can have ({@link BatchCustomIds}); a completion body is graded with the
 * task's answer format like any evaluation's, a refused request or a line-level error becomes a failed completion
 * with its reason. Ids the set does not have, lines that are not JSON and repeated ids are listed, never dropped
 * silently. Reads files; nothing else.
 */
public final class OpenAiBatchImport {
    /** How failure messages name the source. */
    static final String SOURCE = "OpenAI Batch";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private OpenAiBatchImport() {
    }

    /**
     * @param files the batch's output file, and its error file if it has one
     * @param taskId the task, when the files hold completions of several
     * @param model the model to record; null takes the one the first completion body names
     * @throws RationaleException when no line belongs to the set, or lines belong to several tasks and none was
     *     chosen
     * @throws UncheckedIOException when a file cannot be read
     */
    public static ImportedBatch read(List<Path> files, PromptSet set, @Nullable String taskId,
            @Nullable String model) {
        List<Line> lines = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            readLines(file, lines, problems);
        }
        Map<String, Match> index = index(set, taskId);
        Map<String, List<Line>> byTask = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (Line line : lines) {
            Match match = index.get(line.customId());
            if (match == null) {
                unknown.add(line.customId());
            } else {
                byTask.computeIfAbsent(String.valueOf(match.task().id()), t -> new ArrayList<>()).add(line);
            }
        }
        if (byTask.isEmpty()) {
            throw new RationaleException("none of the " + lines.size() + " batch lines belongs to prompt set \""
                    + OpenAiBatchPlan.setName(set) + "\" (ids are made from the set's name, task, variant and case:"
                    + " was one renamed since the export?)");
        }
        if (byTask.size() > 1) {
            throw new RationaleException("the batch holds completions of tasks " + String.join(", ", byTask.keySet())
                    + "; choose one with --task");
        }
        List<Line> matched = byTask.values().iterator().next();
        Task task = index.get(matched.getFirst().customId()).task();
        Set<String> variantIds = new HashSet<>();
        matched.forEach(line -> variantIds.add(index.get(line.customId()).variant()));
        List<Variant> variants = task.variants().stream().filter(v -> variantIds.contains(String.valueOf(v.id())))
                .toList();
        String chosenModel = model != null ? model : modelOf(matched);
        OfflineEvaluation evaluation = OpenAiBatchPlan.of(set, task, variants, chosenModel);
        return grade(evaluation, matched, index, unknown, problems);
    }

    private static ImportedBatch grade(OfflineEvaluation evaluation, List<Line> matched, Map<String, Match> index,
            List<String> unknown, List<String> problems) {
        Map<CompletionKey, CompletionRequest> requests = new HashMap<>();
        String model = evaluation.plan().targets().getFirst().model();
        evaluation.requests(OpenAiBatchPlan.intake(model), true).forEach(p -> requests.put(p.key(), p.request()));
        Map<CompletionKey, ImportedBatch.Imported> imported = new LinkedHashMap<>();
        String target = evaluation.plan().targets().getFirst().id();
        for (Line line : matched) {
            CompletionKey key = index.get(line.customId()).key(target);
            if (imported.containsKey(key)) {
                problems.add(line.where() + ": custom_id " + line.customId() + " appears again; the first is kept");
                continue;
            }
            imported.put(key, graded(evaluation, key, requests.get(key), line.json()));
        }
        List<CompletionKey> missing = evaluation.plan().keys().stream().filter(k -> !imported.containsKey(k))
                .toList();
        return new ImportedBatch(evaluation.plan(), List.copyOf(imported.values()), unknown, missing, problems);
    }

    private static ImportedBatch.Imported graded(OfflineEvaluation evaluation, CompletionKey key,
            CompletionRequest request, JsonNode line) {
        JsonNode error = line.path("error");
        if (!error.isMissingNode() && !error.isNull()) {
            String code = error.path("code").asText("");
            String message = error.path("message").asText(error.toString());
            return failed(evaluation, key, request, ProviderException.Kind.SERVER_ERROR,
                    SOURCE + ": " + (code.isEmpty() ? "" : code + ": ") + message);
        }
        JsonNode response = line.path("response");
        int status = response.path("status_code").asInt(0);
        JsonNode body = response.path("body");
        if (status != 200) {
            ProviderException failure = HttpErrors.fromStatus(SOURCE, status, body.toString());
            return failed(evaluation, key, request, failure.kind(), String.valueOf(failure.getMessage()));
        }
        try {
            var result = OpenAiChatBodies.response(body, request.samples(), request.requestedTopLogprobs(),
                    SOURCE);
            SampleRecord record = evaluation.graded(key, request, result);
            return new ImportedBatch.Imported(record, request, result.first(), result);
        } catch (ProviderException e) {
            return failed(evaluation, key, request, e.kind(), String.valueOf(e.getMessage()));
        }
    }

    private static ImportedBatch.Imported failed(OfflineEvaluation evaluation, CompletionKey key,
            CompletionRequest request, ProviderException.Kind kind, String reason) {
        return new ImportedBatch.Imported(evaluation.failed(key, kind.name(), reason), request, null, null);
    }

    /** A set's completions by custom id: every variant of every task (or of the chosen one), on any model. */
    private static Map<String, Match> index(PromptSet set, @Nullable String taskId) {
        Map<String, Match> index = new HashMap<>();
        for (Task task : set.tasks()) {
            if (task.variants().isEmpty() || task.cases().isEmpty()
                    || taskId != null && !taskId.equals(task.id())) {
                continue;
            }
            OfflineEvaluation all = OpenAiBatchPlan.of(set, task, task.variants(), "any");
            for (CompletionKey key : all.plan().keys()) {
                index.put(BatchCustomIds.of(OpenAiBatchPlan.setName(set), key),
                        new Match(task, key.variant(), key.testCase(), key.sample()));
            }
        }
        if (taskId != null && index.isEmpty()) {
            throw new RationaleException("no task \"" + taskId + "\" with variants and cases in the prompt set");
        }
        return index;
    }

    private static String modelOf(List<Line> lines) {
        for (Line line : lines) {
            String named = OpenAiChatBodies.model(line.json().path("response").path("body"));
            if (named != null && !named.isBlank()) {
                return named;
            }
        }
        return "unknown";
    }

    private static void readLines(Path file, List<Line> lines, List<String> problems) {
        List<String> texts;
        try {
            texts = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            String where = file.getFileName() + ":" + (i + 1);
            if (text.isBlank()) {
                continue;
            }
            try {
                JsonNode json = JSON.readTree(text);
                String id = json.path("custom_id").asText("");
                if (id.isEmpty()) {
                    problems.add(where + ": no custom_id");
                } else {
                    lines.add(new Line(where, id, json));
                }
            } catch (JsonProcessingException e) {
                problems.add(where + ": not JSON (" + e.getOriginalMessage() + ")");
            }
        }
    }

    private record Line(String where, String customId, JsonNode json) {
    }

    /** A completion of the set, on whichever model the batch ran: ids do not name the model. */
    private record Match(Task task, String variant, String testCase, int sample) {
        CompletionKey key(String target) {
            return new CompletionKey(String.valueOf(task.id()), variant, target, testCase, sample);
        }
    }
}
