#!/usr/bin/env bash
# Runs `rationale eval` (the built jar, a process of its own) and promptfoo 0.121.20 on the same requests against a
# local OpenAI-compatible server with a fixed service time and a fault mix, next to the server's raw capacity, and
# prints the table and the goals of issue 16 (see cli/src/test/java/dev/rationale/cli/bench/EvalVsPeers.java).
# Options: [--quick] [--cases N] [--repeat N] [--warm-cases N] [--scenarios 0c8,50c8,50c32,20c8,faults20c8]
# [--startup N] [--no-promptfoo]; --help describes them.
# promptfoo is installed with npm into target/bench/promptfoo; without node and npm it is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
promptfoo=()
if [[ " $* " == *" --help "* || " $* " == *" -h "* ]]; then
  : # only the usage: nothing to install
elif [[ " $* " == *" --no-promptfoo "* ]]; then
  echo "promptfoo: skipped (--no-promptfoo)"
elif ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "promptfoo: skipped (node or npm not found)"
  promptfoo=(--no-promptfoo)
else
  scratch=target/bench/promptfoo
  if [[ ! -x $scratch/node_modules/.bin/promptfoo ]]; then
    mkdir -p "$scratch"
    echo '{"private": true}' > "$scratch/package.json"
    echo "promptfoo: installing 0.121.20 with npm into $scratch"
    (cd "$scratch" && npm install --no-audit --no-fund promptfoo@0.121.20 > npm.log 2>&1) \
      || echo "promptfoo: npm install failed (see $scratch/npm.log)"
  fi
  if [[ -x $scratch/node_modules/.bin/promptfoo ]]; then
    promptfoo=(--promptfoo "$scratch/node_modules/.bin/promptfoo")
  else
    echo "promptfoo: skipped (not installed)"
    promptfoo=(--no-promptfoo)
  fi
fi
# Builds the jar, its cache and the bench, then runs it; --no-promptfoo when this script said why it skipped it.
exec bench/cli-bench.sh EvalVsPeers "${promptfoo[@]}" "$@"
