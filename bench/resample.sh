#!/usr/bin/env bash
# Prints what resampling an answer costs on the embedded engine: K continuations from the end of a long prefix, with
# the prefix to decode and without (see core/src/test/java/dev/rationale/core/run/ResampleBench.java), as a ratio.
# Arguments: [model.gguf] [prefix tokens] [K] [tokens per continuation] [runs].
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
mvn -q -B test-compile dependency:build-classpath -pl core -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/core/target/bench.classpath"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -cp "core/target/test-classes:core/target/classes:$(cat core/target/bench.classpath)" \
  dev.rationale.core.run.ResampleBench "${1:-$PWD/../shared/models/stories260K.gguf}" "${2:-200}" "${3:-20}" \
  "${4:-50}" "${5:-7}"
