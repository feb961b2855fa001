// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.fx;

import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.testfx.util.WaitForAsyncUtils;

/** Reads view state on the FX thread from a test thread, where reading it directly would race the FX thread. */
public final class FxReads {

    private FxReads() {
    }

    /** What {@code read} returns when run on the FX thread; its exception is rethrown unchecked. */
    public static <T> T onFx(Supplier<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read::get).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
