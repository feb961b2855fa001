// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import dev.rationale.core.provider.ProviderException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded provider's loaded models and idle sessions. A model is loaded once per file and kept until
 * {@link #close}. A finished run hands its session back with the tokens still in its cache, and the next run on
 * that model takes the idle session whose cache shares the longest prefix with its own tokens: repeated prompts,
 * extra samples, branches and scored continuations then evaluate only what is new. Thread-safe.
 */
final class EngineCache implements AutoCloseable {
    private final EmbeddedOptions options;
    private final Map<Path, LlamaModel> models = new ConcurrentHashMap<>();
    private final Map<LlamaModel, List<LlamaSession>> idle = new HashMap<>();
    private boolean closed;

    EngineCache(EmbeddedOptions options) {
        this.options = options;
    }

    /**
     * The model a request names: a path to a GGUF file, absolute or relative to the models folder (or else to the
     * working folder), loaded on first use.
     *
     * @throws ProviderException ENGINE when the file is missing or cannot be loaded
     */
    LlamaModel model(String name) {
        Path file = resolve(name);
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the embedded provider is closed");
            }
        }
        return models.computeIfAbsent(file, LlamaModel::load);
    }

    /** The model if it is loaded already, to describe it without loading it. */
    Optional<LlamaModel> loaded(Path file) {
        return Optional.ofNullable(models.get(canonical(file)));
    }

    /** The tokens evaluated on every model loaded so far, summed. */
    long decodedTokens() {
        return models.values().stream().mapToLong(LlamaModel::decodedTokens).sum();
    }

    /** A session on {@code model}, preferably one whose cache already starts with {@code tokens}. */
    LlamaSession acquire(LlamaModel model, int[] tokens) {
        synchronized (this) {
            List<LlamaSession> sessions = idle.getOrDefault(model, List.of());
            LlamaSession best = null;
            int bestShared = -1;
            for (LlamaSession session : sessions) {
                int shared = shared(session.tokens(), tokens);
                if (shared > bestShared) {
                    best = session;
                    bestShared = shared;
                }
            }
            if (best != null) {
                sessions.remove(best);
                return best;
            }
        }
        return model.newSession(settings(model));
    }

    /** Takes a session back for reuse; beyond one per concurrent run, the oldest idle one is closed. */
    void release(LlamaSession session) {
        LlamaSession surplus = null;
        synchronized (this) {
            if (closed) {
                surplus = session;
            } else {
                List<LlamaSession> sessions = idle.computeIfAbsent(session.model(), m -> new ArrayList<>());
                sessions.add(session);
                if (sessions.size() > options.parallelism()) {
                    surplus = sessions.removeFirst();
                }
            }
        }
        if (surplus != null) {
            surplus.close();
        }
    }

    /** Frees every idle session and every model; sessions still in use free themselves on release. */
    @Override
    public void close() {
        List<LlamaSession> sessions = new ArrayList<>();
        synchronized (this) {
            closed = true;
            idle.values().forEach(sessions::addAll);
            idle.clear();
        }
        sessions.forEach(LlamaSession::close);
        models.values().forEach(LlamaModel::close);
        models.clear();
    }

    SessionSettings settings(LlamaModel model) {
        Integer configured = options.contextSize();
        int trained = model.trainedContextLength();
        int size = configured != null ? configured
                : Math.min(trained > 0 ? trained : EmbeddedOptions.DEFAULT_CONTEXT_CAP,
                        EmbeddedOptions.DEFAULT_CONTEXT_CAP);
        return new SessionSettings(size, options.threads());
    }

    Path resolve(String name) {
        if (name.isBlank()) {
            throw LlamaModel.engine("no model given: name a .gguf file");
        }
        Path given;
        try {
            given = Path.of(name);
        } catch (InvalidPathException e) {
            throw LlamaModel.engine("the model name is not a file path: " + name);
        }
        List<Path> candidates = given.isAbsolute() ? List.of(given)
                : List.of(options.modelsDirectory().resolve(given), given.toAbsolutePath());
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return canonical(candidate);
            }
        }
        return candidates.getFirst();
    }

    private static Path canonical(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }

    private static int shared(int[] cached, int[] tokens) {
        int limit = Math.min(cached.length, tokens.length);
        int i = 0;
        while (i < limit && cached[i] == tokens[i]) {
            i++;
        }
        return i;
    }
}
