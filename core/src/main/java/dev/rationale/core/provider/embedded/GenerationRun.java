// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import dev.rationale.core.provider.Branch;
import dev.rationale.core.provider.Cancellable;
import dev.rationale.core.provider.CompletionEvent;
import dev.rationale.core.provider.CompletionEvent.Completed;
import dev.rationale.core.provider.CompletionEvent.Failed;
import dev.rationale.core.provider.CompletionEvent.Notice;
import dev.rationale.core.provider.CompletionEvent.PromptScored;
import dev.rationale.core.provider.CompletionEvent.SampleFinished;
import dev.rationale.core.provider.CompletionEvent.TokensScored;
import dev.rationale.core.provider.CompletionEvent.UsageReported;
import dev.rationale.core.provider.CompletionListener;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.StreamTimer;
import dev.rationale.core.provider.TemplateThinking;
import dev.rationale.core.promptset.ThinkingLevel;
import dev.rationale.core.provider.TokenAlternative;
import dev.rationale.core.provider.TokenIdListener;
import dev.rationale.core.provider.TokenIds;
import dev.rationale.core.provider.Usage;
import dev.rationale.core.provider.Utf8TokenJoiner;
import java.util.BitSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One embedded completion (or branch), run on a provider thread from start to end. The event contract is the one
 * every provider keeps: the request check's notices first; then the scored prompt when asked; per sample, text and
 * its scored tokens as they are released, then the sample's end; then usage and {@link Completed}. Samples run
 * one after another on the same cache, each starting again from the prompt. {@link #cancel} is seen between
 * tokens (and between prompt batches): unfinished samples end CANCELLED, then Completed, and nothing else comes.
 * An engine failure ends the stream as {@link Failed}, keeping what came before; an exception from a listener
 * ends it as Failed (INTERRUPTED) with that exception as the cause.
 */
final class GenerationRun implements Cancellable, Runnable {
    private final EngineCache engine;
    private final CompletionRequest request;
    private final List<String> notices;
    private final @Nullable Branch branch;
    private final CompletionListener listener;
    private final TokenIdListener ids;
    private final StreamTimer timer = StreamTimer.start();
    private final BitSet finished = new BitSet();
    private volatile boolean cancelled;
    private int generatedTokens;
    private int reasoningTokens;
    private boolean reasoned;

    GenerationRun(EngineCache engine, CompletionRequest request, List<String> notices, @Nullable Branch branch,
            CompletionListener listener, TokenIdListener ids) {
        this.engine = engine;
        this.request = request;
        this.notices = List.copyOf(notices);
        this.branch = branch;
        this.listener = listener;
        this.ids = ids;
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public void run() {
        ProviderException failure = null;
        try {
            notices.forEach(notice -> emit(new Notice(notice)));
            generate();
        } catch (ListenerFailed e) {
            failure = new ProviderException(ProviderException.Kind.INTERRUPTED,
                    "Embedded engine: stopped because the listener failed (" + e.getCause() + ")", null, e.getCause());
        } catch (ProviderException e) {
            failure = e;
        } catch (RuntimeException e) {
            failure = new ProviderException(ProviderException.Kind.ENGINE, "the embedded engine failed: " + e, null, e);
        }
        end(failure);
    }

    private void generate() {
        TokenSampler sampler = TokenSampler.of(request);
        if (request.maxTokens() != null && request.maxTokens() < 0) {
            throw new ProviderException(ProviderException.Kind.INVALID_REQUEST,
                    "the most tokens to generate must be 0 or more, got " + request.maxTokens());
        }
        LlamaModel model = engine.model(request.model());
        ThinkingLevel thinking = request.thinking();
        PromptTokens prompt = PromptTokens.of(model, request.prompt(), thinking == null ? null : thinking.on());
        if (thinking != null) {
            TemplateThinking.notice("The embedded engine", model.path().getFileName().toString(), thinking,
                    model.chatTemplate().map(TemplateThinking::hasSwitch).orElse(false))
                    .ifPresent(notice -> emit(new Notice(notice)));
        }
        int[] context = context(model, prompt.ids());
        LlamaSession session = engine.acquire(model, context);
        try {
            deliverIds(() -> ids.onPrompt(TokenTexts.boxed(prompt.ids())));
            PromptScorer scorer = new PromptScorer(model, context, request.promptLogprobs() ? prompt.ids().length : 0,
                    request.requestedTopLogprobs());
            if (!session.evaluate(context, scorer.logitsFrom(), scorer, this::stopped) || scorer.last() == null) {
                return;
            }
            if (request.promptLogprobs()) {
                emit(new PromptScored(scorer.scoredTokens()));
            }
            for (int sample = 0; sample < request.samples() && !stopped(); sample++) {
                session.truncate(context.length);
                generateSample(model, session, sample, scorer.last(), sampler,
                        new ReasoningSplit(prompt.text(), keptText(model)));
            }
            if (!stopped()) {
                emit(new UsageReported(new Usage(context.length, generatedTokens,
                        reasoned ? Integer.valueOf(reasoningTokens) : null)));
            }
        } finally {
            engine.release(session);
        }
    }

    // The prompt, then for a branch the kept part of the original completion.
    private int[] context(LlamaModel model, int[] prompt) {
        if (branch == null) {
            return prompt;
        }
        if (branch.forced()) {
            model.checkToken(branch.token());
        }
        List<Integer> prefix = branch.prefix();
        int[] context = new int[prompt.length + prefix.size()];
        System.arraycopy(prompt, 0, context, 0, prompt.length);
        for (int i = 0; i < prefix.size(); i++) {
            context[prompt.length + i] = model.checkToken(prefix.get(i));
        }
        return context;
    }

    private void generateSample(LlamaModel model, LlamaSession session, int sample, float[] promptLogits,
            TokenSampler sampler, ReasoningSplit split) {
        TokenDistribution[] next = {new TokenDistribution(promptLogits)};
        SampleWriter writer = new SampleWriter(request.stop(), primedAssembler(model),
                (text, tokens, tokenIds) -> release(sample, split, text, tokens, tokenIds));
        Integer max = request.maxTokens();
        int produced = 0;
        int forced = branch == null || !branch.forced() ? -1 : branch.token();
        FinishReason reason = null;
        while (reason == null) {
            if (stopped()) {
                return;
            }
            if (max != null && produced >= max) {
                reason = FinishReason.LENGTH;
                break;
            }
            TokenDistribution distribution = next[0];
            int token = forced >= 0 ? forced : sampler.choose(distribution);
            forced = -1;
            produced++;
            generatedTokens++;
            if (model.isEndOfGeneration(token)) {
                reason = FinishReason.STOP;
            } else if (writer.add(token, model.tokenBytes(token), distribution.logprob(token),
                    alternatives(model, distribution), topIds(distribution))) {
                reason = FinishReason.STOP_SEQUENCE;
            } else if (max != null && produced >= max) {
                reason = FinishReason.LENGTH;
            } else if (session.length() >= session.contextSize()) {
                emit(new Notice("the context is full (" + session.contextSize() + " tokens); the answer was cut"));
                reason = FinishReason.LENGTH;
            } else {
                session.append(token, (index, logits) -> next[0] = new TokenDistribution(logits));
            }
        }
        if (reason != FinishReason.STOP_SEQUENCE) {
            writer.finish();
        }
        split.finish(sample).forEach(this::emitText);
        reasoningTokens += split.reasoningTokens();
        reasoned |= split.reasoned();
        finished.set(sample);
        emit(new SampleFinished(sample, reason));
    }

    // A branch that starts inside a UTF-8 character continues the bytes the kept tokens left unfinished.
    private Utf8TokenJoiner primedAssembler(LlamaModel model) {
        Utf8TokenJoiner utf8 = new Utf8TokenJoiner();
        if (branch != null) {
            for (int token : branch.prefix()) {
                utf8.push(model.tokenBytes(token));
            }
        }
        return utf8;
    }

    private List<TokenAlternative> alternatives(LlamaModel model, TokenDistribution distribution) {
        if (!request.logprobs()) {
            return List.of();
        }
        return TokenTexts.alternatives(model, distribution, distribution.top(request.requestedTopLogprobs()));
    }

    private List<Integer> topIds(TokenDistribution distribution) {
        return request.logprobs() ? TokenTexts.boxed(distribution.top(request.requestedTopLogprobs())) : List.of();
    }

    // The kept tokens' text, for a branch whose continuation may be inside the model's thinking.
    private String keptText(LlamaModel model) {
        if (branch == null) {
            return "";
        }
        Utf8TokenJoiner utf8 = new Utf8TokenJoiner();
        StringBuilder text = new StringBuilder();
        branch.prefix().forEach(token -> text.append(utf8.push(model.tokenBytes(token))));
        return text.toString();
    }

    private void release(int sample, ReasoningSplit split, String text, List<ScoredToken> tokens,
            List<TokenIds> tokenIds) {
        if (!text.isEmpty()) {
            split.feed(sample, text, tokens.size()).forEach(this::emitText);
        }
        if (request.logprobs()) {
            emit(new TokensScored(sample, tokens));
        }
        deliverIds(() -> ids.onTokens(sample, tokenIds));
    }

    private void emitText(CompletionEvent event) {
        timer.markText(event instanceof CompletionEvent.ReasoningDelta);
        emit(event);
    }

    private boolean stopped() {
        return cancelled || Thread.currentThread().isInterrupted();
    }

    private void end(@Nullable ProviderException failure) {
        ProviderException outcome = stopped() ? null : failure;
        if (outcome == null) {
            try {
                for (int sample = 0; sample < request.samples(); sample++) {
                    if (!finished.get(sample)) {
                        deliver(new SampleFinished(sample, stopped() ? FinishReason.CANCELLED : FinishReason.OTHER));
                    }
                }
            } catch (ListenerFailed e) {
                outcome = new ProviderException(ProviderException.Kind.INTERRUPTED,
                        "Embedded engine: stopped because the listener failed (" + e.getCause() + ")", null,
                        e.getCause());
            }
        }
        // Not guarded: a listener failing on the last event has nowhere else to report to.
        listener.onEvent(outcome == null ? new Completed(timer.timings()) : new Failed(outcome, timer.timings()));
    }

    private void emit(CompletionEvent event) {
        if (stopped()) {
            return;
        }
        deliver(event);
    }

    private void deliver(CompletionEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            throw new ListenerFailed(e);
        }
    }

    private void deliverIds(Runnable call) {
        if (stopped()) {
            return;
        }
        try {
            call.run();
        } catch (RuntimeException e) {
            throw new ListenerFailed(e);
        }
    }

    /** A listener threw; carried out of the generation loop to end the stream as failed. */
    private static final class ListenerFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ListenerFailed(RuntimeException cause) {
            super(cause);
        }
    }
}
