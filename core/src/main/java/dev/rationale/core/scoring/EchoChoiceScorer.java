// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.scoring;

import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.provider.CompletionCollector;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.render.RenderedPrompt;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores options on a server that echoes the prompt's log-probabilities: for each option it sends prompt and
 * option as one raw prompt, asks for one generated token, and sums the echoed log-probabilities of the tokens
 * that lie in the option. A token that straddles the boundary (the tokenizer merged the prompt's end with the
 * option's start) counts as the option's, as the embedded engine counts it.
 */
final class EchoChoiceScorer implements ChoiceScorer {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final CompletionProvider provider;

    EchoChoiceScorer(CompletionProvider provider) {
        this.provider = provider;
    }

    @Override
    public ChoiceRanking rank(String model, RenderedPrompt prompt, List<String> choices) {
        if (!(prompt instanceof RenderedPrompt.Text text)) {
            throw new ProviderException(ProviderException.Kind.UNSUPPORTED, "scoring options by likelihood on "
                    + provider.kind() + " needs a raw text prompt, not chat messages");
        }
        List<ChoiceScore> scores = new ArrayList<>(choices.size());
        for (String choice : choices) {
            scores.add(score(model, text.prompt(), choice));
        }
        return new ChoiceRanking(scores);
    }

    private ChoiceScore score(String model, String prefix, String choice) {
        if (choice.isEmpty()) {
            throw new ProviderException(ProviderException.Kind.INVALID_REQUEST, "an option to score is empty");
        }
        CompletionRequest request = CompletionRequest.of(model, new RenderedPrompt.Text(prefix + choice))
                .withMaxTokens(1).withPromptLogprobs(true).withLogprobs(0);
        CompletionResult result = await(request);
        if (result.failure() != null) {
            throw result.failure();
        }
        return sumAfter(result.promptTokens(), prefix.length(), choice);
    }

    // Token texts concatenate to the echoed prompt; the option starts at character `start` of it.
    static ChoiceScore sumAfter(List<ScoredToken> tokens, int start, String choice) {
        double sum = 0;
        int count = 0;
        int offset = 0;
        for (ScoredToken token : tokens) {
            int end = offset + token.text().length();
            if (end > start) {
                if (token.logprob() == null) {
                    throw new ProviderException(ProviderException.Kind.MALFORMED_REPLY,
                            "the server gave no log-probability for a token of the option \"" + choice + "\"");
                }
                sum += token.logprob();
                count++;
            }
            offset = end;
        }
        if (count == 0) {
            throw new ProviderException(ProviderException.Kind.MALFORMED_REPLY,
                    "the server echoed no tokens of the option \"" + choice + "\"");
        }
        return new ChoiceScore(choice, sum, count);
    }

    private CompletionResult await(CompletionRequest request) {
        CompletionCollector collector = new CompletionCollector(1);
        var running = provider.stream(request, collector);
        try {
            if (!collector.await(TIMEOUT)) {
                running.cancel();
                throw new ProviderException(ProviderException.Kind.TIMEOUT, "scoring an option took longer than "
                        + TIMEOUT.toMinutes() + " minutes");
            }
        } catch (InterruptedException e) {
            running.cancel();
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderException.Kind.INTERRUPTED, "scoring was interrupted");
        }
        return collector.result();
    }
}
