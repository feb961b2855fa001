// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class NextFrameUiIT {

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    @Test
    void theLatestTaskRunsOnTheFxThreadAfterTheNextPulseHasPassed() throws Exception {
        List<String> ran = new ArrayList<>();
        List<Integer> pulsesBefore = new ArrayList<>();
        int[] pulses = new int[1];
        AnimationTimer counter = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulses[0]++;
            }
        };
        WaitForAsyncUtils.asyncFx(() -> {
            NextFrame next = new NextFrame();
            counter.start();
            int scheduledAt = pulses[0];
            next.schedule(() -> ran.add("first"));
            next.schedule(() -> {
                ran.add("second");
                pulsesBefore.add(pulses[0] - scheduledAt);
            });
            // Nothing runs in the work that scheduled it.
            assertThat(ran).isEmpty();
            return next;
        }).get();

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> !ran.isEmpty()).get());
        WaitForAsyncUtils.asyncFx(counter::stop).get();

        assertThat(WaitForAsyncUtils.asyncFx(() -> List.copyOf(ran)).get()).containsExactly("second");
        // Timers are called in the order they started, so the counter has counted the pulse that ended the
        // scheduling frame and the one the task runs in.
        assertThat(WaitForAsyncUtils.asyncFx(() -> pulsesBefore.getFirst()).get()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aCancelledTaskNeverRuns() throws Exception {
        List<String> ran = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            NextFrame next = new NextFrame();
            next.schedule(() -> ran.add("cancelled"));
            next.cancel();
            return next;
        }).get();

        // Several frames later, still nothing.
        TimeUnit.MILLISECONDS.sleep(200);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> List.copyOf(ran)).get()).isEmpty();
    }
}
