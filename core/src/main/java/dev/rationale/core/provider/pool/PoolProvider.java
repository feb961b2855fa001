// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.pool;

import dev.rationale.core.provider.AdaptiveLimit;
import dev.rationale.core.provider.Cancellable;
import dev.rationale.core.provider.Capabilities;
import dev.rationale.core.provider.CompletionListener;
import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.MemberHealth;
import dev.rationale.core.provider.ModelInfo;
import dev.rationale.core.provider.PoolHealth;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.RequestCheck;
import dev.rationale.core.provider.RetryScope;
import dev.rationale.core.provider.SharedBackoff;
import dev.rationale.core.provider.Tokenizer;
import dev.rationale.core.render.PromptIntake;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Several servers of one model as one provider. Each request goes to the member with the fewest requests in flight
 * for its limit (ties to the one that waited longest); when every member is at its limit, requests wait here, in
 * order, and {@link #stream} still returns at once.
 *
 * <p><b>Failures.</b> What failed on a member before any of its events reached the caller (a refused or dropped
 * connection, a 5xx, a timeout, a 429, a stream cut before its first token) is sent to another member, unseen by the
 * caller: nothing lost, nothing counted twice. The member is taken out after a refused connection or
 * {@value Member#FAILURES_TO_TAKE_OUT} failures in a row, for its {@link SharedBackoff}, then probed with one
 * request; an answer puts it back. A 429 lowers that member's {@link AdaptiveLimit}, which answers grow back. A
 * failure after events reached the caller (a stream cut midway) is the caller's to repeat, as with any provider;
 * failures of the request itself (a bad request, a missing model) go to the caller as they are. A request that met
 * a failure on {@code 2 x members + 1} attempts goes to the caller with its last failure.
 *
 * <p>Members are sent requests as callers that retry themselves ({@link RetryScope#callerRetries}): the pool moves
 * a failed request rather than letting the HTTP layer hold it. Thread-safe; events arrive on the members' threads.
 */
public final class PoolProvider implements CompletionProvider, PoolHealth {

    /**
     * A member as configured.
     *
     * @param name its endpoint name
     * @param concurrency requests in flight on it at most
     */
    public record Server(String name, CompletionProvider provider, int concurrency) {
    }

    private final String name;
    private final List<Member> members;
    private final int capacity;
    private final int maxAttempts;
    private final Object lock = new Object();
    private final Deque<PoolRequest> waiting = new ArrayDeque<>();
    private long wakeAt = Long.MAX_VALUE;

    /** @throws IllegalArgumentException when there is no member or a concurrency is below 1 */
    public PoolProvider(String name, List<Server> servers) {
        this(name, servers, server -> SharedBackoff.create());
    }

    PoolProvider(String name, List<Server> servers, Function<Server, SharedBackoff> backoffs) {
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("a pool needs a member");
        }
        this.name = name;
        this.members = servers.stream()
                .map(s -> new Member(s.name(), s.provider(), s.concurrency(), backoffs.apply(s))).toList();
        this.capacity = servers.stream().mapToInt(Server::concurrency).sum();
        this.maxAttempts = 2 * servers.size() + 1;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public List<MemberHealth> members() {
        long now = System.nanoTime();
        synchronized (lock) {
            return members.stream().map(m -> m.health(now)).toList();
        }
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.POOL;
    }

    /** The members' capabilities: they are of one kind, checked when the pool was made. */
    @Override
    public Capabilities capabilities() {
        return first().capabilities();
    }

    /** Asked of the members in turn until one answers, so one server down does not stop a run from starting. */
    @Override
    public PromptIntake intake(String model) {
        return fromAny(member -> member.intake(model));
    }

    @Override
    public List<ModelInfo> listModels() {
        return fromAny(CompletionProvider::listModels);
    }

    @Override
    public Optional<Tokenizer> tokenizer() {
        return first().tokenizer();
    }

    @Override
    public Optional<PoolHealth> pool() {
        return Optional.of(this);
    }

    @Override
    public Cancellable stream(CompletionRequest request, CompletionListener listener) {
        RequestCheck.check(request, capabilities(), name);
        PoolRequest[] self = new PoolRequest[1];
        PoolRequest pooled = new PoolRequest(request, listener, () -> cancel(self[0]));
        self[0] = pooled;
        synchronized (lock) {
            waiting.addLast(pooled);
        }
        dispatch();
        return pooled;
    }

    private CompletionProvider first() {
        return members.getFirst().provider;
    }

    private <T> T fromAny(Function<CompletionProvider, T> question) {
        ProviderException last = null;
        for (Member member : members) {
            try {
                return question.apply(member.provider);
            } catch (ProviderException e) {
                if (e.kind() != ProviderException.Kind.UNREACHABLE && e.kind() != ProviderException.Kind.TIMEOUT
                        && e.kind() != ProviderException.Kind.SERVER_ERROR) {
                    throw e;
                }
                last = e;
            }
        }
        throw new ProviderException(last.kind(), "pool " + name + ": no member answered (" + last.getMessage()
                + ")", last.status(), last);
    }

    /** Sends waiting requests to members with room, in order, until none has room; sends outside the lock. */
    private void dispatch() {
        List<Runnable> sends = new ArrayList<>();
        synchronized (lock) {
            long now = System.nanoTime();
            while (!waiting.isEmpty()) {
                PoolRequest next = waiting.peekFirst();
                if (next.isCancelled()) {
                    waiting.removeFirst();
                    continue;
                }
                Member member = leastLoaded(now);
                if (member == null) {
                    wakeForWaiting(now);
                    break;
                }
                AdaptiveLimit.Permit permit = member.limit.tryAcquire();
                if (permit == null) {
                    break;
                }
                waiting.removeFirst();
                member.started(now);
                next.attempt();
                sends.add(() -> send(next, member, permit));
            }
        }
        sends.forEach(Runnable::run);
    }

    private @Nullable Member leastLoaded(long now) {
        Member best = null;
        double bestLoad = Double.NaN;
        for (Member member : members) {
            double load = member.load(now);
            if (Double.isNaN(load)) {
                continue;
            }
            if (best == null || load < bestLoad || load == bestLoad && member.lastStarted() < best.lastStarted()) {
                best = member;
                bestLoad = load;
            }
        }
        return best;
    }

    // Requests wait while every member is out or resting: dispatch again when the first of them comes back.
    private void wakeForWaiting(long now) {
        long earliest = Long.MAX_VALUE;
        for (Member member : members) {
            Long until = member.waitingUntil(now);
            if (until != null && until - earliest < 0) {
                earliest = until;
            }
        }
        if (earliest == Long.MAX_VALUE || wakeAt != Long.MAX_VALUE && wakeAt - earliest <= 0 && wakeAt - now > 0) {
            return;
        }
        long due = earliest;
        wakeAt = due;
        long sleepNanos = Math.max(0, earliest - now);
        Thread.ofVirtual().name("pool-" + name + "-wake").start(() -> {
            try {
                Thread.sleep(sleepNanos / 1_000_000, (int) (sleepNanos % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            synchronized (lock) {
                if (wakeAt == due) {
                    wakeAt = Long.MAX_VALUE;
                }
            }
            dispatch();
        });
    }

    private void send(PoolRequest pooled, Member member, AdaptiveLimit.Permit permit) {
        PoolAttempt attempt = new PoolAttempt(this, pooled, member, permit);
        Cancellable handle;
        try {
            Supplier<Cancellable> start = () -> member.provider.stream(pooled.request, attempt);
            handle = RetryScope.callerRetries(start);
        } catch (ProviderException e) {
            attempt.refusedBeforeSending(e);
            return;
        }
        boolean keep;
        synchronized (lock) {
            keep = pooled.sentAs(handle);
        }
        if (!keep) {
            handle.cancel();
        }
    }

    private void cancel(PoolRequest pooled) {
        Cancellable sent;
        boolean wasWaiting;
        synchronized (lock) {
            sent = pooled.markCancelled();
            wasWaiting = waiting.remove(pooled);
        }
        if (sent != null) {
            sent.cancel();
        } else if (wasWaiting) {
            Thread.ofVirtual().name("pool-" + name + "-cancel").start(pooled::endCancelled);
        }
    }

    /**
     * Settles one attempt's member and says what becomes of the request: true when it goes back to wait for
     * another member (the caller hears nothing of this attempt), false when the caller hears how it ended.
     */
    boolean settle(PoolAttempt attempt, @Nullable ProviderException failure, boolean callerHeardAny) {
        boolean again;
        synchronized (lock) {
            long now = System.nanoTime();
            Member member = attempt.member;
            PoolRequest pooled = attempt.pooled;
            if (pooled.isCancelled() && failure == null) {
                member.released(attempt.permit);
            } else if (failure == null) {
                member.answered(attempt.permit, now);
            } else if (isTooMany(failure)) {
                member.overloaded(attempt.permit, failure, now);
            } else if (saysServerIsInTrouble(failure)) {
                member.failed(attempt.permit, failure, now);
            } else {
                member.refused(attempt.permit, failure);
            }
            again = failure != null && !callerHeardAny && !pooled.isCancelled() && movable(failure)
                    && pooled.attempts() < maxAttempts;
            if (again) {
                pooled.waiting();
                waiting.addFirst(pooled);
            }
        }
        dispatch();
        return again;
    }

    private static boolean isTooMany(ProviderException failure) {
        return failure.status() != null && failure.status() == 429 && failure.repeat() != null;
    }

    private static boolean saysServerIsInTrouble(ProviderException failure) {
        return switch (failure.kind()) {
            case SERVER_ERROR, TIMEOUT, UNREACHABLE, INTERRUPTED, MALFORMED_REPLY -> true;
            default -> false;
        };
    }

    // Another member may well answer what this one could not; a request it refused on its merits, it would not.
    private static boolean movable(ProviderException failure) {
        return isTooMany(failure) || saysServerIsInTrouble(failure);
    }
}
