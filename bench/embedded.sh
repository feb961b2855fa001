#!/usr/bin/env bash
# Prints the embedded engine's decode speed on the test model (see
# core/src/test/java/dev/rationale/core/provider/embedded/EmbeddedBench.java). Arguments: [model.gguf] [tokens] [runs].
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
mvn -q -B test-compile dependency:build-classpath -pl core -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/core/target/bench.classpath"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -cp "core/target/test-classes:core/target/classes:$(cat core/target/bench.classpath)" \
  dev.rationale.core.provider.embedded.EmbeddedBench "${1:-$PWD/../shared/models/stories260K.gguf}" "${2:-500}" "${3:-20}"
