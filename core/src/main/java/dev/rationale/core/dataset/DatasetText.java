// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.dataset;

import dev.rationale.core.parse.NotUtf8Exception;
import dev.rationale.core.parse.Utf8Files;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a dataset file as UTF-8 text, turning I/O failures into {@link DatasetException}s with plain reasons. */
final class DatasetText {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private DatasetText() {
    }

    static String read(Path file) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw DatasetException.of(name, "is a directory, not a dataset file");
        }
        try {
            String text = Utf8Files.read(file);
            // Spreadsheet programs often save CSV with a byte-order mark, which would otherwise join the first name.
            return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
        } catch (NoSuchFileException e) {
            throw DatasetException.of(name, "no such file", e);
        } catch (AccessDeniedException e) {
            throw DatasetException.of(name, "permission denied", e);
        } catch (NotUtf8Exception e) {
            throw DatasetException.at(name, e.line(), e.column(), e.problem());
        } catch (IOException e) {
            throw DatasetException.of(name, "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * The file's text as a reader, for a format read a piece at a time. The whole file is checked to be UTF-8
     * first, without keeping it, so that a bad byte is reported before any problem of the content, as when the
     * text is read whole.
     */
    static Reader open(Path file) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw DatasetException.of(name, "is a directory, not a dataset file");
        }
        try (Reader check = Utf8Files.reader(file)) {
            char[] piece = new char[8192];
            while (check.read(piece) >= 0) {
                // Only decoding, to find a bad byte.
            }
        } catch (IOException e) {
            read(file);
            throw DatasetException.of(name, "cannot read: " + e.getMessage(), e);
        }
        try {
            BufferedReader text = Utf8Files.reader(file);
            text.mark(1);
            if (text.read() != BYTE_ORDER_MARK) {
                text.reset();
            }
            return text;
        } catch (IOException e) {
            read(file);
            throw DatasetException.of(name, "cannot read: " + e.getMessage(), e);
        }
    }
}
