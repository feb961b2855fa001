// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import java.util.PriorityQueue;

/**
 * The model's next-token distribution over the whole vocabulary: the log-softmax of the raw logits, in double
 * precision, at temperature 1 and before any truncation. This is what every reported probability is taken from
 * (the "pre-sampling" distribution, as OpenAI-style servers report it); sampling settings change which token is
 * drawn, never the numbers shown for it.
 */
final class TokenDistribution {
    private final float[] logits;
    private final double[] logprobs;
    private final int best;

    TokenDistribution(float[] logits) {
        this.logits = logits.clone();
        this.logprobs = new double[logits.length];
        int argmax = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[argmax]) {
                argmax = i;
            }
        }
        // Subtracting the maximum keeps every exp() at most 1, so the sum cannot overflow.
        double max = logits[argmax];
        double sum = 0;
        for (float logit : logits) {
            sum += Math.exp(logit - max);
        }
        double logNormaliser = max + Math.log(sum);
        for (int i = 0; i < logits.length; i++) {
            logprobs[i] = logits[i] - logNormaliser;
        }
        this.best = argmax;
    }

    int size() {
        return logprobs.length;
    }

    /** The most likely token; the lowest id among equals. */
    int argmax() {
        return best;
    }

    double logprob(int token) {
        return logprobs[token];
    }

    float logit(int token) {
        return logits[token];
    }

    /** The {@code k} most likely tokens, most likely first; among equals the lower id first. */
    int[] top(int k) {
        int wanted = Math.min(Math.max(k, 0), logprobs.length);
        if (wanted == 0) {
            return new int[0];
        }
        // A min-heap of the best so far: the vocabulary is scanned once, at O(log k) per improvement.
        PriorityQueue<Integer> heap = new PriorityQueue<>(wanted, (a, b) -> compare(b, a));
        for (int i = 0; i < logprobs.length; i++) {
            if (heap.size() < wanted) {
                heap.add(i);
            } else if (compare(i, heap.peek()) < 0) {
                heap.poll();
                heap.add(i);
            }
        }
        int[] ids = new int[wanted];
        for (int i = wanted - 1; i >= 0; i--) {
            ids[i] = heap.poll();
        }
        return ids;
    }

    /** Negative when {@code a} ranks before {@code b}: more likely, or as likely with a lower id. */
    int compare(int a, int b) {
        int byProbability = Double.compare(logprobs[b], logprobs[a]);
        return byProbability != 0 ? byProbability : Integer.compare(a, b);
    }
}
