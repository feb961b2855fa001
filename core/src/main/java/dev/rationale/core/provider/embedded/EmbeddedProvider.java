// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import dev.rationale.core.provider.Branch;
import dev.rationale.core.provider.Brancher;
import dev.rationale.core.provider.Cancellable;
import dev.rationale.core.provider.Capabilities;
import dev.rationale.core.provider.CompletionListener;
import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.ContinuationScore;
import dev.rationale.core.provider.IntakeCache;
import dev.rationale.core.provider.LikelihoodScorer;
import dev.rationale.core.provider.ModelInfo;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.RequestCheck;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.TokenIdListener;
import dev.rationale.core.provider.Tokenizer;
import dev.rationale.core.render.PromptIntake;
import dev.rationale.core.render.RenderedPrompt;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * llama.cpp in this process, on GGUF files, with exact token probabilities. {@code request.model()} is the path of
 * a GGUF file, absolute or relative to the models folder; each file is loaded once and kept until {@link #close}.
 *
 * <p>Generation runs on threads this provider owns ({@link EmbeddedOptions#parallelism()} at once, more wait), so
 * {@link #stream} returns at once and events arrive on a provider thread. What it does by default, and why:
 * <ul>
 *   <li>Greedy decoding when the request gives no temperature (reproducible, and comparable with the probabilities
 *       shown); otherwise top-k, top-p, min-p, then temperature, with a seeded generator (see
 *       {@code TokenSampler}).</li>
 *   <li>Every probability reported (generated tokens, their alternatives, prompt tokens, continuation scores) is
 *       the model's own distribution at temperature 1 over the whole vocabulary, before sampling settings
 *       truncate or reshape it, as OpenAI-style servers report logprobs.</li>
 *   <li>Up to {@value #MAX_TOP_LOGPROBS} alternatives per token: all are computable, but more are never useful to
 *       read and cost time on large vocabularies.</li>
 *   <li>No token limit by default: a sample ends at the model's end-of-generation token, a stop sequence, or a
 *       full context (LENGTH, with a notice). The end token is not reported as a token; usage counts it.</li>
 *   <li>Chat prompts use the GGUF's chat template and are refused by a model without one (see
 *       {@code PromptTokens}); raw text is used as is; BOS is added when the model asks for it.</li>
 *   <li>Several samples are generated one after another from the same evaluated prompt.</li>
 * </ul>
 * Beyond {@link CompletionProvider}, and reached through its optional abilities ({@link #brancher()} and the rest):
 * {@link #branch} continues a completion from any token with another one, and {@link #scoreContinuations} scores
 * candidate answers by likelihood. The token ids both need arrive through a {@link TokenIdListener} passed to
 * {@link #stream(CompletionRequest, CompletionListener, TokenIdListener)}.
 */
public final class EmbeddedProvider
        implements CompletionProvider, Brancher, Tokenizer, LikelihoodScorer, AutoCloseable {

    /** The most alternatives per token a request gets. */
    public static final int MAX_TOP_LOGPROBS = 100;

    private static final String NAME = "The embedded engine";
    private static final Capabilities CAPABILITIES = Capabilities.builder().chat().thinkingControl().rawText()
            .reasoning().maxTopLogprobs(MAX_TOP_LOGPROBS).promptLogprobs().seed().multipleSamples().modelListing()
            .branching()
            .build();
    private static final AtomicInteger PROVIDERS = new AtomicInteger();

    private final EmbeddedOptions options;
    private final EngineCache engine;
    // Every job of an evaluation asks; the engine's threads should generate, not probe templates again.
    private final IntakeCache intakes = new IntakeCache();
    private final ExecutorService executor;

    public EmbeddedProvider(EmbeddedOptions options) {
        this.options = options;
        this.engine = new EngineCache(options);
        this.executor = Executors.newFixedThreadPool(options.parallelism(), threads());
    }

    /** A provider with {@link EmbeddedOptions#defaults default options} on the given models folder. */
    public EmbeddedProvider(Path modelsDirectory) {
        this(EmbeddedOptions.defaults(modelsDirectory));
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.EMBEDDED;
    }

    /** The same on every platform; where the engine is unavailable each request fails with an ENGINE error. */
    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Cancellable stream(CompletionRequest request, CompletionListener listener) {
        return stream(request, listener, TokenIdListener.NONE);
    }

    @Override
    public Optional<Brancher> brancher() {
        return Optional.of(this);
    }

    @Override
    public Optional<Tokenizer> tokenizer() {
        return Optional.of(this);
    }

    @Override
    public Optional<LikelihoodScorer> likelihoodScorer() {
        return Optional.of(this);
    }

    /**
     * Like {@link #stream(CompletionRequest, CompletionListener)}, also reporting the token ids behind the events,
     * which {@link #branch} takes.
     */
    @Override
    public Cancellable stream(CompletionRequest request, CompletionListener listener, TokenIdListener ids) {
        return start(request, null, listener, ids);
    }

    /**
     * Continues a completion of {@code request} from {@code branch.position()} with {@code branch.token()}: the
     * prompt and the kept tokens are evaluated (reusing the cache a previous run left, so usually only the new
     * token), then generation goes on as for {@link #stream}. The stream's first token is the chosen one, scored
     * by the model at that position; {@code maxTokens} counts it. A {@link Branch#resample free branch} samples that
     * token instead; with several samples, the prompt and the kept tokens are evaluated once and every sample
     * continues from that cache. Stop sequences are looked for in the new text
     * only. Splice the result after the original's first {@code position} tokens.
     *
     * @throws ProviderException UNSUPPORTED as {@link #stream} does; a token id outside the vocabulary ends the
     *     stream as Failed (INVALID_REQUEST)
     */
    @Override
    public Cancellable branch(CompletionRequest request, Branch branch, CompletionListener listener,
            TokenIdListener ids) {
        return start(request, branch, listener, ids);
    }

    /** {@link #branch(CompletionRequest, Branch, CompletionListener, TokenIdListener)} without the ids. */
    public Cancellable branch(CompletionRequest request, Branch branch, CompletionListener listener) {
        return branch(request, branch, listener, TokenIdListener.NONE);
    }

    /**
     * Scores each continuation as the text right after the prompt (after the assistant's opening, for a chat
     * prompt): the log-probability of its tokens given the prompt. Each is tokenised together with the prompt; if
     * its first characters merge with the prompt's last token, that merged token is scored as part of it. Blocks
     * until done (on a provider thread); call it off the UI thread, and not from a listener.
     *
     * @throws ProviderException ENGINE for a missing or unloadable model or an over-long text; INVALID_REQUEST for
     *     an empty continuation
     */
    @Override
    public List<ContinuationScore> scoreContinuations(String model, RenderedPrompt prompt, List<String> continuations) {
        return await(() -> ContinuationScorer.score(engine, model, prompt, continuations));
    }

    /**
     * Scores every token of the prompt given the tokens before it, with up to {@code top} alternatives each
     * (at most {@value #MAX_TOP_LOGPROBS}); the first token has a null logprob. Blocks like
     * {@link #scoreContinuations}.
     */
    public List<ScoredToken> scorePrompt(String model, RenderedPrompt prompt, int top) {
        return await(() -> ContinuationScorer.scorePrompt(engine, model, prompt, Math.clamp(top, 0,
                MAX_TOP_LOGPROBS)));
    }

    /**
     * Raw text on the wire; chat through the GGUF's chat template where it has one llama.cpp can apply, else raw
     * text only (a base model). Loads the model if it is not loaded yet, so it blocks like {@link #tokenize}.
     */
    @Override
    public PromptIntake intake(String model) {
        return intakes.get(model, name -> await(() -> ModelTemplates.intake(engine.model(name))));
    }

    /** The token ids the model reads for {@code prompt} (template applied, BOS added as the model asks). */
    @Override
    public List<Integer> tokenize(String model, RenderedPrompt prompt) {
        return await(() -> TokenTexts.boxed(PromptTokens.of(engine.model(model), prompt).ids()));
    }

    /**
     * The {@code *.gguf} files in the models folder and up to two folders below it, by path relative to it (the
     * name a request gives). Parameter count and context length are filled in for models already loaded.
     *
     * @throws ProviderException ENGINE when the folder does not exist or cannot be read
     */
    @Override
    public List<ModelInfo> listModels() {
        return ModelFiles.list(options.modelsDirectory(), engine);
    }

    /**
     * How many tokens this provider has evaluated so far, over all its models and runs: prompts, kept prefixes and
     * generated tokens. Read before and after a run, it shows what a cache reuse saved (a resample from a point
     * evaluates the prompt and the kept tokens once, then only the new tokens of each continuation).
     */
    public long decodedTokens() {
        return engine.decodedTokens();
    }

    /** Stops all runs, waits briefly for them, and frees every model and context. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        engine.close();
    }

    private Cancellable start(CompletionRequest request, @Nullable Branch branch,
            CompletionListener listener, TokenIdListener ids) {
        RequestCheck.Checked checked = RequestCheck.check(request, CAPABILITIES, NAME);
        GenerationRun run = new GenerationRun(engine, checked.request(), checked.notices(), branch, listener, ids);
        try {
            executor.execute(run);
        } catch (RejectedExecutionException e) {
            throw new ProviderException(ProviderException.Kind.ENGINE, "the embedded engine is closed", null, e);
        }
        return run;
    }

    private <T> T await(Callable<T> task) {
        try {
            return executor.submit(task).get();
        } catch (RejectedExecutionException e) {
            throw new ProviderException(ProviderException.Kind.ENGINE, "the embedded engine is closed", null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderException.Kind.INTERRUPTED, "interrupted while the embedded engine "
                    + "was working", null, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new ProviderException(ProviderException.Kind.ENGINE, "the embedded engine failed: " + e.getCause(),
                    null, e.getCause());
        }
    }

    private static ThreadFactory threads() {
        int provider = PROVIDERS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "rationale-embedded-" + provider + "-" + count.incrementAndGet());
            // Generation must not keep the JVM alive once the application has ended.
            thread.setDaemon(true);
            return thread;
        };
    }
}
