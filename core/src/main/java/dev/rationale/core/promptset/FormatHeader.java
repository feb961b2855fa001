// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Checks {@code format} and {@code version}, the two fields that say whether this Rationale can read a file at
 * all. The reader runs the check on the parsed tree before binding, so a file from a newer Rationale, which may
 * well have fields this one does not know, is refused for its version and not for those fields.
 */
final class FormatHeader {
    static final String FORMAT = "format";
    static final String VERSION = "version";

    private FormatHeader() {
    }

    /** The header's problems in a parsed file; empty when this Rationale can read it. */
    static List<Problem> check(ObjectNode root, SourceMap map, String file) {
        Findings findings = new Findings(file, map);
        JsonNode format = root.get(FORMAT);
        if (format == null) {
            findings.error(FORMAT, missingFormat());
        } else if (!PromptSet.FORMAT.equals(format.textValue())) {
            findings.error(FORMAT, wrongFormat(JacksonProblems.describe(format)));
        } else {
            checkVersion(root.get(VERSION), findings);
        }
        return findings.report().errors();
    }

    /** The same checks on a prompt set in memory, e.g. one built in code. */
    static void check(PromptSet set, Findings findings) {
        if (set.format() == null) {
            findings.error(FORMAT, missingFormat());
        } else if (!PromptSet.FORMAT.equals(set.format())) {
            findings.error(FORMAT, wrongFormat(JacksonProblems.describe(TextNode.valueOf(set.format()))));
        } else if (set.version() == null) {
            findings.error(VERSION, missingVersion());
        } else {
            String problem = versionProblem(BigInteger.valueOf(set.version()));
            if (problem != null) {
                findings.error(VERSION, problem);
            }
        }
    }

    private static void checkVersion(@Nullable JsonNode version, Findings findings) {
        if (version == null) {
            findings.error(VERSION, missingVersion());
        } else if (!version.isIntegralNumber()) {
            findings.error(VERSION, "expected an integer, got " + JacksonProblems.describe(version));
        } else {
            String problem = versionProblem(version.bigIntegerValue());
            if (problem != null) {
                findings.error(VERSION, problem);
            }
        }
    }

    private static @Nullable String versionProblem(BigInteger version) {
        if (version.compareTo(BigInteger.valueOf(PromptSet.CURRENT_VERSION)) > 0) {
            return "this file was written by a newer Rationale (version " + version
                    + "); this Rationale reads up to version " + PromptSet.CURRENT_VERSION;
        }
        if (version.signum() <= 0) {
            return "unknown version " + version + "; versions start at 1";
        }
        return null;
    }

    private static String missingFormat() {
        return "missing; this is not a Rationale prompt set (expected \"" + PromptSet.FORMAT + "\")";
    }

    private static String wrongFormat(String actual) {
        return "not a Rationale prompt set (expected \"" + PromptSet.FORMAT + "\", got " + actual + ")";
    }

    private static String missingVersion() {
        return "missing (expected " + PromptSet.CURRENT_VERSION + ")";
    }
}
