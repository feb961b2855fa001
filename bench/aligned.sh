#!/usr/bin/env bash
# Prints how long the aligned chains of 40 samples x 30 steps take to compute and to draw (see
# app/src/test/java/dev/rationale/app/clusters/AlignedChainsBench.java), headless; the bar is 200 ms to draw.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
# One invocation: the reactor hands core's freshly compiled classes to app, so nothing needs installing first.
mvn -q -B test-compile dependency:build-classpath -pl app -am -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/app/target/bench.classpath"
unset DISPLAY
"$JAVA_HOME/bin/java" -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dprism.text=t2k \
  -Djava.awt.headless=true --enable-native-access=ALL-UNNAMED \
  -cp "app/target/test-classes:app/target/classes:core/target/classes:$(cat app/target/bench.classpath)" \
  dev.rationale.app.clusters.AlignedChainsBench
