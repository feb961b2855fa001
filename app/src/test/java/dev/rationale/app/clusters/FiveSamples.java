// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.clusters;

import dev.rationale.core.analysis.ClusteredChains;
import dev.rationale.core.provider.ScoredToken;
import java.util.ArrayList;
import java.util.List;

/**
 * Five samples of "6 boxes of 7 pens": the same two opening steps, then they part; three answer 42, one 41 (its
 * sum has a doubtful token), one gives no answer and has no token scores. For the UI test and the screenshot tour.
 */
public final class FiveSamples {

    private FiveSamples() {
    }

    public static List<ClusteredChains.Sample> of() {
        String opening = "There are 6 boxes.\nEach box holds 7 pens.\n";
        List<ClusteredChains.Sample> samples = new ArrayList<>();
        samples.add(scored(opening + "6 * 7 = 42.\nSo the answer is 42."));
        samples.add(scored(opening + "6 + 7 + 28 = 41.\nSo the answer is 41."));
        samples.add(scored(opening + "6 * 7 = 42.\nSo the answer is 42."));
        samples.add(new ClusteredChains.Sample("", opening + "I am not sure how to count them.", List.of(), null));
        samples.add(scored(opening + "Seven sixes make 42.\nSo the answer is 42."));
        return samples;
    }

    // One token per word: most are sure, a 6 less so, the 28 of the wrong sum doubtful.
    private static ClusteredChains.Sample scored(String text) {
        List<ScoredToken> tokens = new ArrayList<>();
        for (String word : text.split("(?<=[ \\n])")) {
            double p = word.startsWith("28") ? 0.08 : word.startsWith("6") ? 0.6 : 0.97;
            tokens.add(new ScoredToken(word, List.of(), Math.log(p), List.of()));
        }
        String answer = text.substring(text.lastIndexOf(' ') + 1, text.length() - 1);
        return new ClusteredChains.Sample("", text, tokens, answer);
    }
}
