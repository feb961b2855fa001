#!/usr/bin/env bash
# Photographs the app's screens with real content (the embedded model on ../shared/models) under Xvfb.
# Usage: bench/screenshots.sh [OUT_DIR]   (needs xvfb-run and ImageMagick's import)
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
out="$(realpath -m "${1:-target/screenshots}")"
# One invocation: the reactor hands core's freshly compiled classes to app, so nothing needs installing first.
mvn -q -B test-compile dependency:build-classpath -pl app -am -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/app/target/tour.classpath"
cd app
xvfb-run -a -s '-screen 0 1440x900x24' "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -Drationale.models.dir="$(realpath ../../shared/models)" \
  -cp "target/test-classes:target/classes:../core/target/classes:$(cat target/tour.classpath)" \
  dev.rationale.app.tour.ScreenshotTour "$out"
# A pool at work: Evaluate's progress with a member killed, and the pool in the Endpoints dialog.
xvfb-run -a -s '-screen 0 1440x900x24' "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -Drationale.models.dir="$(realpath ../../shared/models)" \
  -cp "target/test-classes:target/classes:../core/target/classes:$(cat target/tour.classpath)" \
  dev.rationale.app.tour.PoolTour "$out"
