// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import dev.rationale.core.eval.BatchRecord;
import dev.rationale.core.eval.EvalListener;
import dev.rationale.core.eval.SampleRecord;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Tells standard error when an endpoint's 429s lowered how many requests {@code rationale eval} keeps in flight, one
 * line per lowering heard (the runner reports only new lows, so a run prints a few lines at most, not one per 429).
 * Used alone when no progress line is drawn; {@link EvalProgress} prints the same line above its progress.
 */
final class LimitNotice implements EvalListener {
    private final PrintWriter err;

    LimitNotice(PrintWriter err) {
        this.err = err;
    }

    /** The line for one lowering, e.g. {@code endpoint "openai": 429 Too Many Requests; concurrency 8 -> 7}. */
    static String text(String endpoint, int from, int to) {
        return String.format(Locale.ROOT, "endpoint \"%s\": 429 Too Many Requests; concurrency %d -> %d", endpoint,
                from, to);
    }

    @Override
    public void finished(SampleRecord record) {
    }

    @Override
    public synchronized void batchChanged(BatchRecord batch) {
        err.println(BatchNotice.text(batch));
        err.flush();
    }

    @Override
    public synchronized void limitLowered(String endpoint, int from, int to) {
        err.println(text(endpoint, from, to));
        err.flush();
    }
}
