// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.dataset;

import dev.rationale.core.RationaleException;
import dev.rationale.core.parse.OneLine;
import org.jspecify.annotations.Nullable;

/**
 * A dataset file that cannot be imported, as a one-line message {@code FILE:LINE: problem}, {@code
 * FILE:LINE:COLUMN: problem} when the parser knows the column, or {@code FILE: problem} when the problem has no
 * line, such as a missing file or one without cases. Lines and columns count from 1 and are those of the file as
 * an editor shows them, so a CSV header is line 1. Line breaks in values quoted from the file are escaped.
 */
public final class DatasetException extends RationaleException {
    private final String file;
    private final int line;
    private final int column;
    private final String problem;

    private DatasetException(String file, int line, int column, String problem, @Nullable Throwable cause) {
        super(file + place(line, column) + ": " + OneLine.of(problem), cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = OneLine.of(problem);
    }

    /** A problem on a 1-based {@code line} of {@code file}. */
    public static DatasetException at(String file, int line, String problem) {
        return new DatasetException(file, line, 0, problem, null);
    }

    /** A problem at a 1-based {@code line} and {@code column} of {@code file}. */
    public static DatasetException at(String file, int line, int column, String problem) {
        return new DatasetException(file, line, column, problem, null);
    }

    /** A problem with the file as a whole. */
    public static DatasetException of(String file, String problem) {
        return new DatasetException(file, 0, 0, problem, null);
    }

    static DatasetException of(String file, String problem, Throwable cause) {
        return new DatasetException(file, 0, 0, problem, cause);
    }

    private static String place(int line, int column) {
        if (line <= 0) {
            return "";
        }
        return column > 0 ? ":" + line + ":" + column : ":" + line;
    }

    /** The file as the user named it. */
    public String file() {
        return file;
    }

    /** The 1-based line, or 0 when the problem concerns the whole file. */
    public int line() {
        return line;
    }

    /** The 1-based column, or 0 when only the line is known. */
    public int column() {
        return column;
    }

    /** What is wrong, without the location. */
    public String problem() {
        return problem;
    }
}
