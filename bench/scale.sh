#!/usr/bin/env bash
# A run of N completions (default 1,000,000) from evaluation to report, as a user makes it with bin/rationale,
# against the project's local OpenAI-compatible server: prints each step's wall time, peak RSS and file sizes, the
# CSV report's rows per second, the history's bytes per completion, the History view's open and filter times (when
# bench/history-open.sh is there, under xvfb-run), and the goals of issue 21
# (see cli/src/test/java/dev/rationale/cli/bench/ScaleBench.java). Usage: bench/scale.sh [N]
# Works in target/bench/scale, which it empties first; a run of 1,000,000 needs about 1 GB of disk there.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
# One invocation: the reactor hands core's freshly compiled classes to cli, so nothing needs installing first. The
# package phase also builds the jar and the ahead-of-time cache that bin/rationale starts with.
mvn -q -B package dependency:build-classpath -pl cli -am -DskipTests -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/cli/target/bench.classpath"
"$JAVA_HOME/bin/java" -cp "cli/target/test-classes:cli/target/classes:core/target/classes:$(cat cli/target/bench.classpath)" \
  dev.rationale.cli.bench.ScaleBench "$@"
