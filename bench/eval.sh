#!/usr/bin/env bash
# Prints how close `rationale eval` comes to a local server's raw capacity, and its peak heap
# (see cli/src/test/java/dev/rationale/cli/bench/EvalBench.java). Options: [--delay-ms N] [--requests N]
# [--concurrency N].
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
# One invocation: the reactor hands core's freshly compiled classes to cli, so nothing needs installing first.
mvn -q -B test-compile dependency:build-classpath -pl cli -am -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/cli/target/bench.classpath"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -cp "cli/target/test-classes:cli/target/classes:core/target/classes:$(cat cli/target/bench.classpath)" \
  dev.rationale.cli.bench.EvalBench "$@"
