// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.code;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.storage.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/**
 * Whether a workspace lets generated code run on this machine: off until the user turns it on, kept in
 * {@code WORKSPACE/.rationale/code-execution.json} beside the history. The file records the folder it was given
 * for, so a workspace copied or received from someone else (a clone, an archive) does not arrive allowed: its
 * folder differs, and the user is asked again. A file that cannot be read counts as not allowed.
 */
public final class CodeExecutionConsent {
    /** The file's name in the workspace's hidden folder. */
    public static final String FILE_NAME = "code-execution.json";
    /** What to tell the user before turning it on. */
    public static final String WARNING = "Grading by tests runs the code the model wrote on this machine. It runs"
            + " in a sandbox with limits on time, memory, processes and output, but no sandbox is perfect: allow"
            + " it only for models and prompts you trust.";
    /** The note of an answer left ungraded while it is off. */
    public static final String OFF_NOTE = "running generated code is off for this workspace; turn it on with"
            + " rationale eval --allow-code-execution, or allow it when Evaluate asks";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * The file's content.
     *
     * @param allowed whether generated code may run
     * @param folder the workspace folder it was given for, absolute
     * @param changed when it was last set, ISO-8601
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Stored(boolean allowed, @Nullable String folder, @Nullable String changed) {
    }

    private CodeExecutionConsent() {
    }

    /** Where {@code workspace} keeps the choice. */
    public static Path file(Path workspace) {
        return workspace.resolve(HistoryStore.FOLDER).resolve(FILE_NAME);
    }

    /** Whether {@code workspace} allows running generated code. Blocks on reading a small file. */
    public static boolean allowed(Path workspace) {
        Path file = file(workspace);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            Stored stored = JSON.readValue(file.toFile(), Stored.class);
            return stored != null && stored.allowed() && canonical(workspace).equals(stored.folder());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Records whether {@code workspace} allows running generated code, creating its hidden folder if needed.
     *
     * @throws IOException when the file cannot be written
     */
    public static void set(Path workspace, boolean allowed, Clock clock) throws IOException {
        AtomicFiles.write(file(workspace), JSON.writeValueAsBytes(new Stored(allowed, canonical(workspace),
                clock.instant().toString())));
    }

    private static String canonical(Path workspace) {
        return workspace.toAbsolutePath().normalize().toString();
    }
}
