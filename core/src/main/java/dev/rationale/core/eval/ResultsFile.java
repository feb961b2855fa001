// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.rationale.core.RationaleException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * An evaluation's results on disk: JSON Lines, one {@link SampleRecord} per finished completion, appended as each
 * finishes and forced to the device before {@link #append} returns, so a process killed at any moment loses at most
 * the line it was writing.
 *
 * <p>The likelihood scores of multiple-choice cases are lines of their own, {@link LikelihoodRecord}s, told apart
 * by their {@code likelihood} field; the same rules hold for them, the last line per case winning. So are the
 * provider batches a batch evaluation submitted ({@link BatchRecord}, told apart by {@code slots}), the last line
 * per batch winning.
 *
 * <p>Reading is forgiving where a crash leaves marks: a last line without its newline is a torn write and is cut
 * off (and redone by the resumed run); a line that is not a record is skipped. When a completion appears more than
 * once (a failure asked again by a resumed run) the last line wins, so nothing is counted twice.
 *
 * <p>{@link #append} is thread-safe.
 */
public final class ResultsFile implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ResultsFile.class.getName());
    // Buffers pooled across threads: each completion's line is written on a virtual thread of its own, where
    // Jackson's default pool (one per thread) would allocate them afresh every time.
    static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build())
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Path path;
    private final FileChannel channel;
    // What the file held when opened: the records a resumed run reads back.
    private final long previousLength;
    // A lock rather than a monitor: threads queue behind a force for milliseconds, and a monitor spins first.
    private final ReentrantLock syncLock = new ReentrantLock();
    // Bytes appended by this handle, and how many of them a force has covered; positions relative to the open.
    private long written;
    private long synced;

    private ResultsFile(Path path, FileChannel channel, long previousLength) {
        this.path = path;
        this.channel = channel;
        this.previousLength = previousLength;
    }

    /**
     * Where an evaluation's results go unless told otherwise: beside the prompt set, named after it and the task,
     * and after the dataset when its cases come from one, so that resuming a dataset's run never mixes its cases
     * with the task's own. {@code maths.rationale.json}, task {@code add} and {@code extra.csv} give
     * {@code maths.add.extra.eval.jsonl}.
     */
    public static Path defaultPath(Path promptSet, String task, @Nullable Path dataset) {
        String set = String.valueOf(promptSet.getFileName()).replaceFirst("(\\.rationale)?\\.(json|ya?ml)$", "");
        String cases = dataset == null ? ""
                : "." + String.valueOf(dataset.getFileName()).replaceFirst("\\.[^.]*$", "");
        return promptSet.resolveSibling(set + "." + task + cases + ".eval.jsonl");
    }

    /**
     * A new, empty results file; an existing file at {@code path} is emptied.
     *
     * @throws RationaleException when the file cannot be created
     */
    public static ResultsFile create(Path path) {
        return open(path, 0, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /**
     * The results file at {@code path} opened to continue it: a torn last line is cut off, and new records go after
     * the rest; {@link #forEachPrevious} reads back what it held. A missing file is created empty.
     *
     * @throws RationaleException when the file cannot be read or written
     */
    public static ResultsFile resume(Path path) {
        long length;
        try {
            length = Files.exists(path) ? repair(path) : 0;
        } catch (IOException e) {
            throw new RationaleException("cannot read " + path + ": " + e.getMessage(), e);
        }
        return open(path, length, StandardOpenOption.APPEND);
    }

    /**
     * The records of a results file, the last per completion, in the order completions first appear: the whole file
     * in memory, for small files; {@link #forEach} reads any file a record at a time.
     */
    public static List<SampleRecord> read(Path path) {
        Map<CompletionKey, SampleRecord> byKey = new LinkedHashMap<>();
        forEach(path, record -> byKey.put(record.key(), record), score -> { });
        return new ArrayList<>(byKey.values());
    }

    /** The likelihood scores of a results file, the last per case, in the order cases first appear. */
    public static List<LikelihoodRecord> readScores(Path path) {
        Map<ScoreKey, LikelihoodRecord> byKey = new LinkedHashMap<>();
        forEach(path, record -> { }, score -> byKey.put(new ScoreKey(score.task(), score.key()), score));
        return new ArrayList<>(byKey.values());
    }

    /**
     * Hands every record of the file's complete lines to {@code samples} or {@code scores}, in the file's order,
     * reading it a line at a time; a completion written twice comes twice (the later line is the one that counts).
     *
     * @throws RationaleException when the file cannot be read
     */
    public static void forEach(Path path, Consumer<SampleRecord> samples, Consumer<LikelihoodRecord> scores) {
        try {
            ResultsLines.forEach(path, Files.size(path), samples, scores);
        } catch (IOException e) {
            throw new RationaleException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    public Path path() {
        return path;
    }

    /**
     * Reads back what the file held when it was opened to resume (nothing for a new file), as {@link #forEach}
     * does; lines appended since are not read. May be called more than once, on any thread.
     *
     * @throws RationaleException when the file cannot be read
     */
    public void forEachPrevious(Consumer<SampleRecord> samples, Consumer<LikelihoodRecord> scores) {
        if (previousLength == 0) {
            return;
        }
        try {
            ResultsLines.forEach(path, previousLength, samples, scores);
        } catch (IOException e) {
            throw new RationaleException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * The batches of the file as their last lines have them, in the order they were first written: what its
     * completions wait on, or came from.
     *
     * @throws RationaleException when the file cannot be read
     */
    public static List<BatchRecord> batches(Path path) {
        return batches(path, -1);
    }

    /**
     * The batches of the file whose answers are not imported yet (what a resume polls), as {@link #batches} reads
     * them; none when there is no file.
     *
     * @throws RationaleException when the file cannot be read
     */
    public static List<BatchRecord> openBatches(Path path) {
        if (!Files.exists(path)) {
            return List.of();
        }
        return batches(path).stream().filter(b -> !b.imported()).toList();
    }

    /** The batches of what the file held when it was opened to resume, as {@link #batches(Path)} reads them. */
    public List<BatchRecord> previousBatches() {
        return previousLength > 0 ? batches(path, previousLength) : List.of();
    }

    // Up to length bytes, or the whole file when length is negative.
    private static List<BatchRecord> batches(Path path, long length) {
        Map<String, BatchRecord> byId = new LinkedHashMap<>();
        try {
            ResultsLines.forEachBatch(path, length < 0 ? Files.size(path) : length, b -> byId.put(b.batch(), b));
        } catch (IOException e) {
            throw new RationaleException("cannot read " + path + ": " + e.getMessage(), e);
        }
        return new ArrayList<>(byId.values());
    }

    /** Appends one batch's line and forces it to disk, as {@link #append(SampleRecord)} does. */
    public void append(BatchRecord record) {
        try {
            appendLine(MAPPER.writeValueAsString(record));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + path, e);
        }
    }

    /**
     * Appends one record as one line and forces it to disk.
     *
     * @throws UncheckedIOException when the write fails (a full disk): the run cannot keep its promise to lose
     *     nothing, so it must stop
     */
    public void append(SampleRecord record) {
        try {
            appendLine(SampleRecordLine.of(record));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + path, e);
        }
    }

    /** Appends one likelihood score as one line and forces it to disk, as {@link #append(SampleRecord)} does. */
    public void append(LikelihoodRecord record) {
        try {
            appendLine(MAPPER.writeValueAsString(record));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + path, e);
        }
    }

    private void appendLine(String json) {
        syncThrough(write((json + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    // Returns the file's length after the line: what a force must cover for this line to be on the device.
    private synchronized long write(byte[] line) {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            written += line.length;
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + path, e);
        }
    }

    /*
     * Group commit: a force costs about as much for one line as for fifty, so the thread that gets the lock forces
     * every line written so far, and the threads that queued behind it find their lines already covered. Each
     * append still returns only once its own line is on the device; the lines are written in full before any
     * force, so a process killed between the two loses nothing the kernel has.
     */
    private void syncThrough(long end) {
        syncLock.lock();
        try {
            if (synced >= end) {
                return;
            }
            long target;
            synchronized (this) {
                target = written;
            }
            channel.force(false);
            synced = target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + path, e);
        } finally {
            syncLock.unlock();
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "closing " + path + " failed", e);
        }
    }

    private static ResultsFile open(Path path, long previousLength, StandardOpenOption mode) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode);
            return new ResultsFile(path, channel, previousLength);
        } catch (IOException e) {
            throw new RationaleException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    // A crash mid-append leaves bytes after the last newline; appending after them would glue two records together.
    // Returns the length kept. Reads the file backwards from its end, a block at a time, to its last newline.
    private static long repair(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            long end = 0;
            ByteBuffer block = ByteBuffer.allocate(1 << 16);
            for (long from = size; from > 0 && end == 0; ) {
                long start = Math.max(0, from - block.capacity());
                block.clear().limit((int) (from - start));
                while (block.hasRemaining()) {
                    if (channel.read(block, start + block.position()) < 0) {
                        break;
                    }
                }
                for (int i = block.position() - 1; i >= 0; i--) {
                    if (block.get(i) == '\n') {
                        end = start + i + 1;
                        break;
                    }
                }
                from = start;
            }
            if (end < size) {
                long kept = end;
                LOG.log(Level.INFO, () -> path + ": dropping a torn last line of " + (size - kept) + " bytes");
                channel.truncate(end);
                channel.force(false);
            }
            return end;
        }
    }

    private record ScoreKey(String task, CompletionKey.CaseKey key) {
    }
}
