#!/usr/bin/env bash
# Prints the CLI's launch to first request (`rationale eval` from the built jar against a local server; median of
# RUNS) and the desktop app's launch to main window under Xvfb (the app image of
# `mvn -Ppackage -pl packaging -am package -DskipTests`, with its AOT cache; built first when it is missing, which
# took 70 s in a fresh clone on a busy 2-core machine; the app's classes only if that build fails), with the goals
# of issue 16.
# Usage: bench/startup.sh [RUNS]   (5 by default; the app part needs xvfb-run)
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
runs="${1:-5}"
if [[ $runs == -h || $runs == --help ]]; then
  sed -n 's/^# Usage: //p' "$0"
  exit 0
fi
if [[ $# -gt 1 || ! $runs =~ ^[1-9][0-9]*$ ]]; then
  echo "bench/startup.sh: RUNS must be a count of launches, not '$*'" >&2
  sed -n 's/^# Usage: //p' "$0" >&2
  exit 2
fi
# One invocation: the reactor hands core's freshly compiled classes on, so nothing needs installing first.
mvn -q -B package dependency:build-classpath -pl cli,app -am -DskipTests -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/startup.classpath
"$JAVA_HOME/bin/java" -cp "cli/target/test-classes:cli/target/classes:core/target/classes:$(cat cli/target/startup.classpath)" \
  dev.rationale.cli.bench.EvalVsPeers --startup "$runs"

if ! command -v xvfb-run >/dev/null; then
  echo "app launch to main window: skipped (xvfb-run not found)"
  exit 0
fi
scratch="$PWD/target/bench/startup-home"
rm -rf "$scratch" && mkdir -p "$scratch"
# The app reads and writes its settings under the user's home: a scratch one keeps the real one out of it.
props="-Drationale.shownLog=exit -Drationale.noFirstRun=true -Duser.home=$scratch"
image=packaging/target/jpackage/rationale-app/bin/rationale-app
if [[ ! -x $image ]]; then
  echo "no app image in packaging/target: building it (mvn -Ppackage -pl packaging -am package -DskipTests)"
  built=$(date +%s)
  if mvn -B -Ppackage -pl packaging -am package -DskipTests >target/bench/startup-image.log 2>&1; then
    echo "app image built in $(($(date +%s) - built)) s; $(grep '^aot:' target/bench/startup-image.log || true)"
  else
    echo "the app image did not build (target/bench/startup-image.log); measuring the app's classes"
  fi
fi
if [[ -x $image ]]; then
  what="app image"
  if [[ -n $(find app/src/main core/src/main packaging/src -newer "$image" -print -quit) ]]; then
    echo "warning: sources changed since the app image was built; it measures the old code (rm -r packaging/target)"
  fi
  app=(env "JAVA_TOOL_OPTIONS=$props" "$image")
else
  what="app classes (no app image in packaging/target)"
  # shellcheck disable=SC2206
  app=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED $props
    -cp "app/target/classes:core/target/classes:$(cat app/target/startup.classpath)" dev.rationale.app.Launcher)
fi
# One Xvfb for all runs, so that its own start is not counted.
times=$(HOME="$scratch" XDG_CONFIG_HOME="$scratch/.config" XDG_DATA_HOME="$scratch/.local/share" \
  xvfb-run -a -s '-screen 0 1440x900x24' bash -c '
  runs=$1; shift
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s%3N)
    shown=$(timeout 120 "$@" 2>&1 | sed -n "s/^rationale: main window shown at //p" | head -n 1 || true)
    if [[ -n $shown ]]; then echo $((shown - start)); else echo "never"; fi
  done' _ "$runs" "${app[@]}")
if grep -q never <<<"$times"; then
  echo "app launch to main window ($what): the window was not shown in some runs: $(echo $times)"
  exit 1
fi
median=$(sort -n <<<"$times" | sed -n "$(( (runs + 1) / 2 ))p")
verdict=$([[ $median -le 1500 ]] && echo met || echo "NOT MET")
echo "app launch to main window ($what): median $(printf '%d.%02d' $((median / 1000)) $((median % 1000 / 10))) s" \
  "of $runs ($(echo $times | tr ' ' ',') ms); goal <= 1.5 s for the app image: $verdict"
