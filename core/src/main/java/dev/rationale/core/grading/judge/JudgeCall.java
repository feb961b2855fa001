// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.judge;

import dev.rationale.core.provider.Cancellable;
import dev.rationale.core.provider.CompletionCollector;
import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.ReplySchema;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.PromptIntake;
import dev.rationale.core.render.RenderedPrompt;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * Sends judge prompts to one model on one endpoint and waits for each reply on the calling (virtual) thread, at
 * most as many at a time as the endpoint's slots allow. Requests are greedy (temperature 0) and ask for the reply's
 * JSON shape with the backend's structured output where it has one; where it has none, a chat that continues a
 * begun reply gets the opening brace as that beginning (Anthropic before Claude 4.6), and the prompt alone asks for
 * the rest. The HTTP layer retries 429s and 5xx; a stream cut midway is asked again once. Thread-safe.
 */
public final class JudgeCall {
    /** A judge that says nothing for this long is given up on. */
    static final Duration TIMEOUT = Duration.ofMinutes(10);

    private static final String PREFILL = "{";

    private final CompletionProvider provider;
    private final String model;
    private final Semaphore slots;

    /**
     * @param slots shared by every call to the same judge endpoint: its concurrency limit
     */
    public JudgeCall(CompletionProvider provider, String model, Semaphore slots) {
        this.provider = provider;
        this.model = model;
        this.slots = slots;
    }

    /** The model that judges. */
    public String model() {
        return model;
    }

    /**
     * Asks {@code prompt} and waits for the reply.
     *
     * @throws InterruptedException when the caller is cancelled while waiting; the request is cancelled too
     */
    public JudgeExchange ask(String prompt, ReplySchema shape) throws InterruptedException {
        slots.acquire();
        try {
            return send(prompt, shape);
        } finally {
            slots.release();
        }
    }

    private JudgeExchange send(String prompt, ReplySchema shape) throws InterruptedException {
        boolean structured = provider.capabilities().structuredOutput();
        PromptIntake intake;
        try {
            intake = provider.intake(model);
        } catch (ProviderException e) {
            return new JudgeExchange(prompt, "", String.valueOf(e.getMessage()));
        }
        boolean prefilled = !structured && intake.chat() && intake.prefill();
        CompletionRequest request = CompletionRequest.of(model, rendered(prompt, intake, prefilled))
                .withSampling(0.0, null, null, null, null)
                .withReplySchema(structured ? shape : null);
        CompletionResult result = once(request);
        if (result.failure() != null && result.failure().kind() == ProviderException.Kind.INTERRUPTED) {
            result = once(request);
        }
        String text = result.samples().isEmpty() ? "" : result.samples().getFirst().text();
        String reply = prefilled ? PREFILL + text : text;
        ProviderException failure = result.failure();
        return new JudgeExchange(prompt, reply, failure == null ? null : String.valueOf(failure.getMessage()));
    }

    private CompletionResult once(CompletionRequest request) throws InterruptedException {
        CompletionCollector collector = new CompletionCollector(1);
        Cancellable handle;
        try {
            handle = provider.stream(request, collector);
        } catch (ProviderException e) {
            return new CompletionResult(List.of(), List.of(), null, null, List.of(), e);
        }
        try {
            if (!collector.await(TIMEOUT)) {
                handle.cancel();
                return new CompletionResult(List.of(), List.of(), null, null, List.of(),
                        new ProviderException(ProviderException.Kind.TIMEOUT, "no answer within " + TIMEOUT));
            }
        } catch (InterruptedException e) {
            handle.cancel();
            throw e;
        }
        return collector.result();
    }

    // The judge prompt is one user turn: as chat where the model takes chat (through its template if need be),
    // else as raw text that invites the reply.
    private static RenderedPrompt rendered(String prompt, PromptIntake intake, boolean prefilled) {
        List<ChatMessage> messages = new ArrayList<>(List.of(ChatMessage.user(prompt)));
        if (prefilled) {
            messages.add(ChatMessage.assistant(PREFILL));
        }
        if (intake.chat()) {
            return new RenderedPrompt.Chat(messages);
        }
        if (intake.formatter() != null) {
            return new RenderedPrompt.Text(intake.formatter().format(messages.subList(0, 1)));
        }
        return new RenderedPrompt.Text(prompt + "\n\n");
    }

}
