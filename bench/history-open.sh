#!/usr/bin/env bash
# Prints how fast the History view opens and filters a large run (see
# app/src/test/java/dev/rationale/app/bench/HistoryScaleUiBench.java), headless.
# Usage: bench/history-open.sh WORKSPACE RUN_ID   (WORKSPACE/.rationale/history.db holds the run)
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: bench/history-open.sh WORKSPACE RUN_ID" >&2
  exit 2
fi
workspace="$(realpath "$1")"
run="$2"
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
# One invocation: the reactor hands core's freshly compiled classes to app, so nothing needs installing first.
mvn -q -B test-compile dependency:build-classpath -pl app -am -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/app/target/history-bench.classpath"
unset DISPLAY
# The JVM options of the app image (packaging/pom.xml, `--java-options`).
"$JAVA_HOME/bin/java" -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dprism.text=t2k \
  -Djava.awt.headless=true --enable-native-access=ALL-UNNAMED -XX:TieredStopAtLevel=1 -XX:+UseG1GC -Xms64m -Xmn6m \
  -cp "app/target/test-classes:app/target/classes:core/target/classes:$(cat app/target/history-bench.classpath)" \
  dev.rationale.app.bench.HistoryScaleUiBench --workspace "$workspace" --run "$run"
