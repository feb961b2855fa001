// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class FxBatcherUiIT {

    private static final int COUNT = 2_000;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    @Test
    void onceAFrameItHandsAStreamsItemsInOrderOnTheFxThreadInBatchesNotOneByOne() throws Exception {
        List<Integer> received = new ArrayList<>();
        List<Integer> batchSizes = new ArrayList<>();
        AtomicBoolean offFxThread = new AtomicBoolean();
        FxBatcher<Integer> batcher = FxBatcher.oncePerFrame(Platform::runLater, batch -> {
            offFxThread.compareAndSet(false, !Platform.isFxApplicationThread());
            received.addAll(batch);
            batchSizes.add(batch.size());
        });

        // A stream, as a provider sends one: an item every fifth of a millisecond, which an idle FX thread would
        // otherwise take one by one.
        Thread producer = Thread.ofPlatform().start(() -> IntStream.range(0, COUNT).forEach(item -> {
            batcher.add(item);
            LockSupport.parkNanos(200_000);
        }));
        producer.join();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(received::size).get()
                == COUNT);

        List<Integer> all = WaitForAsyncUtils.asyncFx(() -> List.copyOf(received)).get();
        assertThat(all).isEqualTo(IntStream.range(0, COUNT).boxed().toList());
        assertThat(offFxThread).isFalse();
        assertThat(WaitForAsyncUtils.asyncFx(batchSizes::size).get()).isLessThan(COUNT / 4);
    }

    @Test
    void withASameThreadExecutorItHandsOverAtOnce() {
        List<List<String>> batches = new ArrayList<>();
        FxBatcher<String> batcher = FxBatcher.oncePerFrame(Runnable::run, batches::add);

        batcher.add("a");
        batcher.add("b");

        assertThat(batches).containsExactly(List.of("a"), List.of("b"));
    }
}
