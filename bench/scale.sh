#!/usr/bin/env bash
# A run of N completions (default 1,000,000) from evaluation to report, as a user makes it with bin/rationale,
# against the project's local OpenAI-compatible server: prints each step's wall time, peak RSS and file sizes, the
# CSV report's rows per second, the history's bytes per completion, the History view's open and filter times (when
# bench/history-open.sh is there, under xvfb-run), and the goals of issue 21
# (see cli/src/test/java/dev/rationale/cli/bench/ScaleBench.java). Usage: bench/scale.sh [N]
# Works in target/bench/scale, which it empties first; a run of 1,000,000 needs about 1 GB of disk there.
set -euo pipefail
exec "$(dirname "$0")/cli-bench.sh" ScaleBench "$@"
