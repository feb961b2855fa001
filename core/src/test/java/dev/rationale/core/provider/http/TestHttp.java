// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.logging.HttpLoggingInterceptor;

/** Clients for tests: retrying with recorded, instant waits, no jitter, a fixed clock, no logging. */
public final class TestHttp {

    /** 2026-01-05T10:00:00Z, the fixed "now" of every test client. */
    public static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");

    /** Records the waits instead of sleeping. */
    public static final class FakeSleeper implements RetryInterceptor.Sleeper {
        private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void sleep(Duration duration, Call call) {
            waits.add(duration);
        }

        public List<Duration> waits() {
            synchronized (waits) {
                return List.copyOf(waits);
            }
        }
    }

    private TestHttp() {
    }

    public static RetryInterceptor retry(FakeSleeper sleeper) {
        // A generator whose nextDouble() is 0: no jitter, so back-off waits are exact.
        return new RetryInterceptor(RetryInterceptor.DEFAULT_MAX_ATTEMPTS, sleeper,
                Clock.fixed(NOW, ZoneOffset.UTC), () -> 0L);
    }

    public static OkHttpClient client(FakeSleeper sleeper) {
        return HttpClients.create(retry(sleeper), HttpLoggingInterceptor.Level.NONE, message -> { });
    }
}
