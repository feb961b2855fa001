// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.rationale.core.RationaleException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Where the lines of each page of a plan's cases are in its results file, so that a {@link CasePage} reads only
 * its own lines: the index is made in one pass over the file and extended by {@link #update} with the lines
 * appended since (a live run's file grows), reading only what is new. It keeps a position and a length per line of
 * the plan's task, grouped by page; nothing else grows with the run. A file that got shorter (a new run over it)
 * is indexed again from its start.
 *
 * <p>Thread-safe: reads and updates may come from any thread, one at a time.
 */
public final class CasePages {
    private static final JsonFactory JSON = ResultsFile.MAPPER.getFactory();
    private static final int CHUNK = 1 << 16;

    private final EvalPlan plan;
    private final Path results;
    private final int pageSize;
    private final PageLines[] pages;
    // The file's bytes indexed so far: up to the end of its last complete line.
    private long indexed;

    private CasePages(EvalPlan plan, Path results, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("a page holds at least one case, got " + pageSize);
        }
        this.plan = plan;
        this.results = results;
        this.pageSize = pageSize;
        this.pages = new PageLines[(plan.cases().size() + pageSize - 1) / pageSize];
        Arrays.setAll(pages, i -> new PageLines());
    }

    /**
     * The index of {@code results} for {@code plan}'s cases in pages of {@code pageSize}, made now; a missing file
     * is an empty one.
     *
     * @throws RationaleException when the file cannot be read
     */
    public static CasePages of(EvalPlan plan, Path results, int pageSize) {
        CasePages index = new CasePages(plan, results, pageSize);
        index.update();
        return index;
    }

    public EvalPlan plan() {
        return plan;
    }

    public int pageSize() {
        return pageSize;
    }

    /** How many pages the plan's cases fill. */
    public int pageCount() {
        return pages.length;
    }

    /**
     * Indexes the lines appended to the file since the last update; a torn last line (being written) waits for the
     * next one.
     *
     * @throws RationaleException when the file cannot be read
     */
    public synchronized void update() {
        try {
            if (!Files.exists(results)) {
                clear();
                return;
            }
            try (FileChannel channel = FileChannel.open(results, StandardOpenOption.READ)) {
                if (channel.size() < indexed) {
                    clear();
                }
                indexed = new LineScan(channel, indexed).forEachLine(this::index);
            }
        } catch (IOException e) {
            throw new RationaleException("cannot read " + results + ": " + e.getMessage(), e);
        }
    }

    /**
     * The page {@code page} (from 0): the file is brought up to date, then only that page's lines are read.
     *
     * @throws IndexOutOfBoundsException when the plan has no such page
     * @throws RationaleException when the file cannot be read
     */
    public CasePage read(int page) {
        if (page < 0 || page >= pages.length) {
            throw new IndexOutOfBoundsException("page " + page + " of " + pages.length);
        }
        long[] positions;
        int[] lengths;
        synchronized (this) {
            update();
            positions = Arrays.copyOf(pages[page].positions, pages[page].count);
            lengths = Arrays.copyOf(pages[page].lengths, pages[page].count);
        }
        int from = page * pageSize;
        return CasePage.of(plan, from, Math.min(plan.cases().size(), from + pageSize),
                records -> readLines(positions, lengths, records));
    }

    private void readLines(long[] positions, int[] lengths, Consumer<SampleRecord> records) {
        if (positions.length == 0) {
            return;
        }
        try (FileChannel channel = FileChannel.open(results, StandardOpenOption.READ)) {
            for (int i = 0; i < positions.length; i++) {
                ByteBuffer line = ByteBuffer.allocate(lengths[i]);
                while (line.hasRemaining() && channel.read(line, positions[i] + line.position()) > 0) {
                    // A positional read may return less than asked; the loop reads the rest.
                }
                ResultsLines.parse(new String(line.array(), 0, line.position(), StandardCharsets.UTF_8), records,
                        score -> { });
            }
        } catch (IOException e) {
            throw new RationaleException("cannot read " + results + ": " + e.getMessage(), e);
        }
    }

    private void clear() {
        indexed = 0;
        for (PageLines lines : pages) {
            lines.count = 0;
        }
    }

    private void index(byte[] bytes, int offset, int length, long position) {
        String caseId = caseOf(bytes, offset, length);
        if (caseId == null) {
            return;
        }
        int index = PlanSlots.of(plan).caseIndex(caseId);
        if (index >= 0) {
            pages[index / pageSize].add(position, length);
        }
    }

    // The line's case when it is a line of the plan's task; null for another task's or one that is not a record
    // (the reading of the page says why). Reads only up to the task and the case, the first fields of a line.
    private @Nullable String caseOf(byte[] bytes, int offset, int length) {
        String task = null;
        String caseId = null;
        try (JsonParser parser = JSON.createParser(bytes, offset, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while ((task == null || caseId == null) && parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_STRING && "task".equals(field)) {
                    task = parser.getText();
                } else if (value == JsonToken.VALUE_STRING && "case".equals(field)) {
                    caseId = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            return null;
        }
        return plan.taskId().equals(task) ? caseId : null;
    }

    /** The lines of one page, in file order: where each starts and how many bytes it has (without its newline). */
    private static final class PageLines {
        long[] positions = new long[4];
        int[] lengths = new int[4];
        int count;

        void add(long position, int length) {
            if (count == positions.length) {
                positions = Arrays.copyOf(positions, count * 2);
                lengths = Arrays.copyOf(lengths, count * 2);
            }
            positions[count] = position;
            lengths[count] = length;
            count++;
        }
    }

    /** What a line is handed to: its bytes {@code offset} to {@code offset + length}, and where it starts. */
    @FunctionalInterface
    private interface LineAction {
        void line(byte[] bytes, int offset, int length, long position);
    }

    /** The complete lines of a file from a position on, read a chunk at a time. */
    private static final class LineScan {
        private final FileChannel channel;
        private final long from;
        private byte[] carried = new byte[CHUNK];
        private int carriedLength;

        LineScan(FileChannel channel, long from) {
            this.channel = channel;
            this.from = from;
        }

        /** Hands every complete line to {@code action}; returns where the first incomplete one starts. */
        long forEachLine(LineAction action) throws IOException {
            byte[] chunk = new byte[CHUNK];
            long lineStart = from;
            long at = from;
            int read;
            while ((read = channel.read(ByteBuffer.wrap(chunk), at)) > 0) {
                int start = 0;
                for (int i = 0; i < read; i++) {
                    if (chunk[i] != '\n') {
                        continue;
                    }
                    if (carriedLength == 0) {
                        action.line(chunk, start, i - start, lineStart);
                    } else {
                        carry(chunk, start, i - start);
                        action.line(carried, 0, carriedLength, lineStart);
                        carriedLength = 0;
                    }
                    lineStart = at + i + 1;
                    start = i + 1;
                }
                // A line that goes on into the next chunk is carried over.
                carry(chunk, start, read - start);
                at += read;
            }
            return lineStart;
        }

        private void carry(byte[] bytes, int offset, int length) {
            if (carriedLength + length > carried.length) {
                carried = Arrays.copyOf(carried, Math.max(carried.length * 2, carriedLength + length));
            }
            System.arraycopy(bytes, offset, carried, carriedLength, length);
            carriedLength += length;
        }
    }
}
