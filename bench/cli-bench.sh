#!/usr/bin/env bash
# Builds the command line as a user gets it (the jar, and the ahead-of-time cache bin/rationale starts with) with
# the cli module's test classes, then runs one of its benches: bench/cli-bench.sh CLASS [ARGS...], CLASS in
# dev.rationale.cli.bench. Shared by the benches that drive bin/rationale.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
bench=$1
shift
# One invocation: the reactor hands core's freshly compiled classes to cli, so nothing needs installing first.
mvn -q -B package dependency:build-classpath -pl cli -am -DskipTests -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/cli/target/bench.classpath"
exec "$JAVA_HOME/bin/java" \
  -cp "cli/target/test-classes:cli/target/classes:core/target/classes:$(cat cli/target/bench.classpath)" \
  "dev.rationale.cli.bench.$bench" "$@"
