#!/usr/bin/env bash
# Prints the heat map's speed (see app/src/test/java/dev/rationale/app/bench/HeatMapBench.java), headless.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
# One invocation: the reactor hands core's freshly compiled classes to app, so nothing needs installing first.
mvn -q -B test-compile dependency:build-classpath -pl app -am -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/app/target/bench.classpath"
unset DISPLAY
# The JVM options of the app image's launcher (packaging/pom.xml, `--java-options`): the collector and the compiler
# decide how long some frames take. HEAT_MAP_BENCH_JAVA_OPTS replaces them, e.g. "-XX:+UseZGC" to compare.
read -r -a app_options <<<"${HEAT_MAP_BENCH_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseG1GC -Xms64m -Xmn6m}"
"$JAVA_HOME/bin/java" -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dprism.text=t2k \
  -Djava.awt.headless=true --enable-native-access=ALL-UNNAMED "${app_options[@]}" \
  -cp "app/target/test-classes:app/target/classes:core/target/classes:$(cat app/target/bench.classpath)" \
  dev.rationale.app.bench.HeatMapBench
