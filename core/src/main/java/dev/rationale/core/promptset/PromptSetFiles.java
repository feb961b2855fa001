// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import dev.rationale.core.RationaleException;
import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.parse.NotUtf8Exception;
import dev.rationale.core.parse.Utf8Files;
import dev.rationale.core.storage.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads and writes prompt-set files ({@code docs/prompt-set-format.md}). A name ending in {@code .yaml} or
 * {@code .yml} means YAML, anything else JSON. Loading is strict and reports every problem it can find as an
 * {@link InvalidPromptSetException}, each located as {@code FILE:LINE:COLUMN: FIELD: message}. Saving writes the
 * canonical text (saving an unchanged set gives the same bytes) and replaces the file atomically.
 *
 * <p>Methods that touch files block; call them off the UI thread. All methods are thread-safe.
 */
public final class PromptSetFiles {
    private static final PromptSetReader READER = new PromptSetReader();

    private PromptSetFiles() {
    }

    /**
     * Loads and validates a prompt set, dropping its warnings.
     *
     * @throws InvalidPromptSetException when the file cannot be read or has errors
     */
    public static PromptSet load(Path file) {
        return loadWithWarnings(file).promptSet();
    }

    /**
     * Loads and validates a prompt set, keeping the validator's warnings.
     *
     * @throws InvalidPromptSetException when the file cannot be read or has errors
     */
    public static LoadedPromptSet loadWithWarnings(Path file) {
        String name = file.toString();
        FileSyntax syntax = FileSyntax.of(file);
        if (syntax == FileSyntax.JSON && !Files.isDirectory(file)) {
            LoadedPromptSet streamed = READER.readJsonFile(file, name);
            if (streamed != null) {
                return streamed;
            }
        }
        return READER.read(readText(file, name), name, syntax);
    }

    /**
     * The answer format of task {@code taskId} in a prompt-set file ({@link Task#effectiveAnswer}), read without
     * loading the rest of the file: for reports of past runs, whose sets may hold hundreds of thousands of cases.
     * Not validated: a file {@link #load} rejects may still give its task's answer here. Empty when the file cannot
     * be read as a prompt set or has no such task.
     */
    public static Optional<AnswerFormat> answerFormat(Path file, String taskId) {
        return TaskAnswerReader.read(file, taskId);
    }

    /**
     * Writes {@code set} to {@code file} as JSON or YAML by its extension, atomically, creating missing
     * directories. The set is written as it is, valid or not, so work in progress can be saved.
     *
     * @throws RationaleException when the file cannot be written; the old content is then left as it was
     */
    public static void save(PromptSet set, Path file) {
        byte[] content = FileSyntax.of(file).write(set).getBytes(StandardCharsets.UTF_8);
        try {
            AtomicFiles.write(file, content);
        } catch (IOException e) {
            throw new RationaleException("could not save " + file + ": " + reasonOf(e), e);
        }
    }

    /** The JSON text {@link #save} writes to a {@code .json} file. */
    public static String toJson(PromptSet set) {
        return FileSyntax.JSON.write(set);
    }

    /** The YAML text {@link #save} writes to a {@code .yaml} file. */
    public static String toYaml(PromptSet set) {
        return FileSyntax.YAML.write(set);
    }

    /**
     * Reads and validates JSON text as {@link #load} reads a file.
     *
     * @param sourceName what problems name as their file, e.g. {@code <stdin>}
     * @throws InvalidPromptSetException when the text has errors
     */
    public static PromptSet fromJson(String text, String sourceName) {
        return READER.read(text, sourceName, FileSyntax.JSON).promptSet();
    }

    /**
     * Reads and validates YAML text as {@link #load} reads a file.
     *
     * @param sourceName what problems name as their file, e.g. {@code <stdin>}
     * @throws InvalidPromptSetException when the text has errors
     */
    public static PromptSet fromYaml(String text, String sourceName) {
        return READER.read(text, sourceName, FileSyntax.YAML).promptSet();
    }

    /**
     * Reads a small prompt set and drops it, so that the JSON reader and its deserializers exist before the first
     * real read. The first read of a JVM builds them (about 50 ms of processor time); a command that will read a
     * set calls this on another thread while it parses its own arguments. Never throws.
     */
    public static void warmUp() {
        try {
            fromJson(WARM_UP_SET, "warm-up");
        } catch (RuntimeException e) {
            // Only a head start: the real read reports whatever is wrong.
        }
    }

    static final String WARM_UP_SET = """
            {"format": "rationale-prompt-set", "version": 1, "name": "warm-up", "tasks": [{"id": "t",
             "template": {"instruction": "s", "input": "Q: {{q}}"},
             "answer": {"extract": "answer-is", "compare": "numeric"},
             "exemplars": [{"id": "e", "inputs": {"q": "1 + 1"}, "rationale": "r", "answer": "2"}],
             "cases": [{"id": "c", "inputs": {"q": "2 + 2"}, "expected": "4"}],
             "variants": [{"id": "direct"}, {"id": "cot", "reasoning": "zero-shot-trigger"}]}]}
            """;

    private static String readText(Path file, String name) {
        if (Files.isDirectory(file)) {
            throw InvalidPromptSetException.of(Problem.of(name, "is a directory, not a prompt-set file"));
        }
        try {
            return Utf8Files.read(file);
        } catch (NotUtf8Exception e) {
            throw InvalidPromptSetException.of(new Problem(name, e.line(), e.column(), "", e.problem()));
        } catch (IOException e) {
            throw InvalidPromptSetException.of(Problem.of(name, "cannot read: " + reasonOf(e)));
        }
    }

    private static String reasonOf(IOException e) {
        return switch (e) {
            case NoSuchFileException missing -> "no such file";
            case AccessDeniedException denied -> "permission denied";
            case FileSystemException other when other.getReason() != null -> other.getReason();
            default -> String.valueOf(e.getMessage());
        };
    }
}
