#!/usr/bin/env bash
# Runs `rationale eval --endpoint lab` (bin/rationale, a process of its own) on a pool of three local
# OpenAI-compatible servers (50 ms service time, concurrency 8 each) and prints, each next to its goal of issue 17:
# the pool's rate against the three servers' summed raw capacity, and the time of a run in which one member is
# killed a third of the way through against the two survivors alone on the same cases; every run's results are
# checked for lost or doubled cases. See cli/src/test/java/dev/rationale/cli/bench/PoolBench.java.
# Options: [--cases N] (1500: 3000 requests a run) [--delay MS] [--concurrency N]
set -euo pipefail
cd "$(dirname "$0")/.."
# cli-bench.sh packages the command line that bin/rationale starts, and the bench classes beside it.
exec bench/cli-bench.sh PoolBench "$@"
