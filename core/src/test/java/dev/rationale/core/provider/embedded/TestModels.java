// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import dev.rationale.core.provider.CompletionCollector;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.TokenIdListener;
import dev.rationale.core.render.RenderedPrompt;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/** The test model and the reference values of {@code shared/models/README.md}. */
public final class TestModels {
    static final String ONCE = "Once upon a time";
    static final String ONCE_64 = ", there was a little girl named Lily. She loved to play outside in the park. "
            + "One day, she saw a big, red ball. She wanted to play with it, but it was too high.\nLily's mom said";
    static final String LILY_64 = " big box. She loved to play with her toys and run around. One day, she saw a big "
            + "box in the ground. She wanted to play with it, but it was too high.\n\"Hello,";
    static final String DOG_64 = " was a big, red ball. He liked to play with his ball. He liked to play with his "
            + "ball. He liked to play with his ball. He liked to play with his ball.\nOne day, a little boy named "
            + "Tim cam";
    /** README: the whole greedy story run.c writes for "Once upon a time" before it emits {@code <s>}. */
    static final String ONCE_STORY = ", there was a little girl named Lily. She loved to play outside in the park. "
            + "One day, she saw a big, red ball. She wanted to play with it, but it was too high.\n"
            + "Lily's mom said, \"Lily, let's go to the park.\" Lily was sad and didn't know what to do. She said, "
            + "\"I want to play with your ball, but I can't find it.\"\n"
            + "Lily was sad and didn't know what to do. She said, \"I'm sorry, Lily. I didn't know what to do.\"\n"
            + "Lily didn't want to help her mom, so she said, \"I'm sorry, mom. I didn't know what to do.\" Her mom "
            + "said, \"Don't worry, Lily. We can help you.\"\n"
            + "Lily and her mom went to the park to play. They played together and had fun. After a while, Lily's mom "
            + "came into the room and saw the park. She was so happy and said, \"Thank you, Lily! You are a good "
            + "friend.\"";

    private TestModels() {
    }

    public static Path folder() {
        return Path.of(System.getProperty("rationale.models.dir", "../../shared/models")).toAbsolutePath().normalize();
    }

    /** The 260K-parameter story model the reference values come from. */
    public static Path stories() {
        return folder().resolve("stories260K.gguf");
    }

    /** An engine over {@link #folder()} on one thread, so that sampled runs repeat; the caller closes it. */
    public static EmbeddedProvider oneThread() {
        return new EmbeddedProvider(EmbeddedOptions.defaults(folder()).withThreads(1));
    }

    /** Starts a one-sample completion with a collector and returns what arrived by its end. */
    public static CompletionResult collect(Function<CompletionCollector, ?> start) {
        CompletionCollector collector = new CompletionCollector(1);
        start.apply(collector);
        return await(collector);
    }

    static CompletionRequest text(String prompt) {
        return CompletionRequest.of(stories().toString(), new RenderedPrompt.Text(prompt));
    }

    /** Runs a request to its end and returns what arrived. */
    static CompletionResult run(EmbeddedProvider provider, CompletionRequest request) {
        return run(provider, request, TokenIdListener.NONE);
    }

    static CompletionResult run(EmbeddedProvider provider, CompletionRequest request, TokenIdListener ids) {
        CompletionCollector collector = new CompletionCollector(request.samples());
        provider.stream(request, collector, ids);
        return await(collector);
    }

    static CompletionResult await(CompletionCollector collector) {
        try {
            if (!collector.await(Duration.ofSeconds(60))) {
                throw new AssertionError("the completion did not end within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return collector.result();
    }
}
