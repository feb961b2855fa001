// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rationale.core.provider.ProviderException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LlamaSessionTest {
    /** README: top 5 as id:probability for the first 10 greedy steps after "Once upon a time". */
    private static final double[][] TOP5 = {
        {432, 0.968795, 383, 0.028729, 322, 0.000297, 353, 0.000263, 323, 0.000167},
        {383, 0.933865, 322, 0.050821, 261, 0.010744, 353, 0.000980, 410, 0.000395},
        {286, 0.984172, 382, 0.007852, 397, 0.005993, 261, 0.000279, 381, 0.000198},
        {261, 0.999216, 399, 0.000101, 262, 0.000076, 384, 0.000074, 284, 0.000062},
        {376, 0.610194, 370, 0.073765, 268, 0.065991, 280, 0.029996, 298, 0.028679},
        {298, 0.640270, 268, 0.275368, 400, 0.021457, 280, 0.011954, 272, 0.009800},
        {315, 0.995122, 420, 0.001656, 425, 0.000476, 417, 0.000470, 347, 0.000374},
        {421, 0.999342, 412, 0.000371, 420, 0.000141, 347, 0.000092, 306, 0.000012},
        {395, 0.981387, 263, 0.009266, 426, 0.003912, 280, 0.002737, 322, 0.000271},
        {317, 0.926261, 410, 0.024783, 301, 0.018587, 307, 0.014348, 392, 0.012302}};
    private static final int[] ONCE_IDS = {1, 403, 407, 261, 378};

    private static LlamaModel model;

    @BeforeAll
    static void load() {
        model = LlamaModel.load(TestModels.stories());
    }

    @AfterAll
    static void free() {
        model.close();
    }

    @Test
    void theTopFiveProbabilitiesOfTheFirstGreedyStepsMatchTheReferenceTable() {
        try (LlamaSession session = model.newSession(new SessionSettings(512, 1))) {
            float[][] last = new float[1][];
            session.evaluate(ONCE_IDS, ONCE_IDS.length - 1, (index, logits) -> last[0] = logits.clone());
            for (double[] row : TOP5) {
                TokenDistribution distribution = new TokenDistribution(last[0]);
                int[] top = distribution.top(5);
                for (int k = 0; k < 5; k++) {
                    assertThat(top[k]).isEqualTo((int) row[2 * k]);
                    assertThat(Math.exp(distribution.logprob(top[k]))).isCloseTo(row[2 * k + 1], within(1e-5));
                }
                assertThat(distribution.argmax()).isEqualTo(top[0]);
                last[0] = session.append(top[0]);
            }
            assertThat(session.length()).isEqualTo(ONCE_IDS.length + TOP5.length);
        }
    }

    @Test
    void aPromptLongerThanTheBatchIsEvaluatedInPiecesWithTheSameLogits() {
        int[] ids = model.tokenize("Once upon a time, there was a little girl named Lily. She loved to play.",
                true, false);
        List<float[]> whole = new ArrayList<>();
        List<float[]> pieces = new ArrayList<>();
        try (LlamaSession one = model.newSession(new SessionSettings(128, 1));
                LlamaSession several = model.newSession(new SessionSettings(128, 1, 5))) {
            one.evaluate(ids, 0, (index, logits) -> whole.add(logits.clone()));
            several.evaluate(ids, 0, (index, logits) -> pieces.add(logits.clone()));
            assertThat(several.batchSize()).isEqualTo(5);
        }

        assertThat(pieces).hasSize(ids.length).hasSameSizeAs(whole);
        for (int i = 0; i < ids.length; i++) {
            for (int t = 0; t < 512; t++) {
                assertThat(pieces.get(i)[t]).isCloseTo(whole.get(i)[t], within(1e-4f));
            }
        }
    }

    @Test
    void evaluatingAgainReusesTheSharedPrefixAndReportsOnlyTheAskedLogits() {
        try (LlamaSession session = model.newSession(new SessionSettings(64, 1))) {
            List<Integer> reported = new ArrayList<>();
            session.evaluate(ONCE_IDS, 0, (index, logits) -> reported.add(index));
            assertThat(reported).containsExactly(0, 1, 2, 3, 4);

            reported.clear();
            int[] longer = Arrays.copyOf(ONCE_IDS, 7);
            longer[5] = 432;
            longer[6] = 383;
            session.evaluate(longer, 6, (index, logits) -> reported.add(index));
            assertThat(reported).containsExactly(6);
            assertThat(session.tokens()).containsExactly(longer);

            session.truncate(3);
            assertThat(session.tokens()).containsExactly(1, 403, 407);
        }
    }

    @Test
    void aBadTokenIdIsAProviderExceptionNotACrash() {
        try (LlamaSession session = model.newSession(new SessionSettings(64, 1))) {
            assertThatThrownBy(() -> session.evaluate(new int[] {1, 403, 100_000}, 0, (i, l) -> { }))
                    .isInstanceOf(ProviderException.class)
                    .hasMessageContaining("token id 100000 is outside the vocabulary");
            assertThatThrownBy(() -> session.append(-5)).isInstanceOf(ProviderException.class);
            assertThat(session.length()).isZero();
            assertThat(session.append(1)).hasSize(512);
        }
    }

    @Test
    void aSequenceLongerThanTheContextIsRefusedWithAClearError() {
        // llama.cpp (release v0.4.0) rounds a context up to a multiple of 256 tokens.
        try (LlamaSession session = model.newSession(new SessionSettings(32, 1))) {
            int[] ids = model.tokenize("Once upon a time, there was a little girl named Lily. She loved to play. "
                    .repeat(20), true, false);

            assertThat(session.contextSize()).isEqualTo(256);
            assertThat(ids.length).isGreaterThan(256);
            assertThatThrownBy(() -> session.evaluate(ids, ids.length - 1, (i, l) -> { }))
                    .isInstanceOf(ProviderException.class)
                    .hasMessageStartingWith("the context is full (256 tokens)")
                    .extracting(e -> ((ProviderException) e).kind()).isEqualTo(ProviderException.Kind.ENGINE);

            session.evaluate(Arrays.copyOf(ids, 256), 255, (i, l) -> { });
            assertThatThrownBy(() -> session.append(261)).hasMessageStartingWith("the context is full (256 tokens)");
        }
    }

    @Test
    void threadsWithASessionEachOnOneSharedModelAllGenerateTheSameGreedyTokens() throws Exception {
        int threads = 4;
        CyclicBarrier together = new CyclicBarrier(threads);
        List<Future<int[]>> runs = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                runs.add(pool.submit(() -> greedy(100, together)));
            }
        }
        int[] first = runs.getFirst().get();

        for (Future<int[]> run : runs) {
            assertThat(run.get()).containsExactly(first);
        }
        assertThat(Arrays.copyOf(first, 10)).containsExactly(432, 383, 286, 261, 376, 298, 315, 421, 395, 317);
    }

    /** Greedy ids after the reference prompt; the sessions of all threads decode at the same time. */
    private static int[] greedy(int count, CyclicBarrier together) throws Exception {
        try (LlamaSession session = model.newSession(new SessionSettings(128, 1))) {
            together.await();
            float[][] last = new float[1][];
            session.evaluate(ONCE_IDS, ONCE_IDS.length - 1, (index, logits) -> last[0] = logits.clone());
            int[] ids = new int[count];
            for (int i = 0; i < count; i++) {
                ids[i] = new TokenDistribution(last[0]).argmax();
                last[0] = session.append(ids[i]);
            }
            return ids;
        }
    }
}
