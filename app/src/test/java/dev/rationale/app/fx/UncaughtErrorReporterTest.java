// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UncaughtErrorReporterTest {

    @Test
    void anUncaughtErrorIsHandedToTheFxThreadToShow() {
        List<Runnable> fxQueue = new ArrayList<>();
        List<Throwable> shown = new ArrayList<>();
        UncaughtErrorReporter reporter = new UncaughtErrorReporter(fxQueue::add, shown::add);
        IllegalStateException boom = new IllegalStateException("the heat map lost its tokens");

        reporter.uncaughtException(new Thread("worker"), boom);

        assertThat(shown).as("nothing is shown off the FX thread").isEmpty();
        fxQueue.forEach(Runnable::run);
        assertThat(shown).containsExactly(boom);
    }

    @Test
    void theDialogTextSaysWhatHappenedAndWhereTheDetailsAre() {
        assertThat(UncaughtErrorReporter.describe(new IllegalStateException("disk full")))
                .startsWith("disk full\n\n").contains("log");
        assertThat(UncaughtErrorReporter.describe(new NullPointerException()))
                .startsWith("NullPointerException");
    }
}
