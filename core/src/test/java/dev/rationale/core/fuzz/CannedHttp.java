// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.fuzz;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * The fuzz suite's one OkHttp client. Its calls run on the thread that enqueues them, so a provider's
 * {@code stream} returns only after the whole answer was read, and CPU time is measured on the test's thread. A
 * body set with {@link #serve} answers the next call on this thread without a socket (the real provider, request,
 * {@code StreamingCall} and reader, only the network left out); with none set, the call goes to the network (a
 * MockWebServer).
 */
final class CannedHttp {

    /** A canned answer: its bytes and its {@code Content-Type}, or none. */
    private record Canned(byte[] body, @Nullable String contentType) {
    }

    private static final ThreadLocal<@Nullable Canned> NEXT = new ThreadLocal<>();

    static final OkHttpClient CLIENT = new OkHttpClient.Builder()
            .dispatcher(new Dispatcher(new CallerRuns()))
            .addInterceptor(CannedHttp::answer)
            .build();

    private CannedHttp() {
    }

    /** Answers the next call made on this thread with {@code body}, labelled {@code contentType}. */
    static void serve(byte[] body, @Nullable String contentType) {
        NEXT.set(new Canned(body, contentType));
    }

    private static Response answer(Interceptor.Chain chain) throws java.io.IOException {
        Canned canned = NEXT.get();
        if (canned == null) {
            return chain.proceed(chain.request());
        }
        NEXT.remove();
        MediaType type = canned.contentType() == null ? null : MediaType.get(canned.contentType());
        return new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1).code(200).message("OK")
                .body(ResponseBody.create(canned.body(), type)).build();
    }

    /** Runs each task at once on the calling thread. */
    private static final class CallerRuns extends AbstractExecutorService {
        @Override
        public void execute(Runnable task) {
            task.run();
        }

        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
