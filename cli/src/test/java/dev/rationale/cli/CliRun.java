// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** One in-process run of the {@code rationale} command, with what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = RationaleCommand.forArguments(new PrintStream(out), new PrintStream(err), args).execute(args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Path sample(String fileName) {
        return Path.of(System.getProperty("rationale.samples.dir", "../sample-prompts")).resolve(fileName);
    }
}
