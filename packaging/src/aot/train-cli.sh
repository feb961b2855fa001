#!/usr/bin/env bash
# Gives the command-line launcher of a freshly built app image (bin/rationale) an AOT cache of its own, as
# bin/rationale of a checkout has (cli/target/rationale-cli.aot): picocli, the prompt-set reader, the HTTP client and
# the history come loaded and linked. (The packaging build has already rewritten the image's picocli as Java 8 class
# files with stack maps, which the cache needs: see pom.xml, class-file-upgrade.)
# Usage: packaging/src/aot/train-cli.sh IMAGE_DIR [JPACKAGE_TYPE]   (run by the packaging module's build)
# The training run is the cli module's own (dev.rationale.cli.aot.AotTraining: the usual commands against a local
# server of its own). A cache only counts with the very JVM, class path and options it was made with, so the run
# takes them from the image's launcher (src/linux/launcher.sh, sourced: it reads lib/app/rationale.cfg). A JVM that
# finds the cache unusable ignores it and starts as before.
set -euo pipefail
if [[ ${2:-app-image} != app-image ]]; then
  echo "aot (cli): no AOT cache for a $2 package (only for the app image)"
  exit 0
fi
image="$(realpath "${1:?usage: train-cli.sh IMAGE_DIR [JPACKAGE_TYPE]}")"
cfg="$image/lib/app/rationale.cfg"
launcher="$image/bin/rationale"
cache_name=rationale-cli.aot
if [[ ! -f $cfg || $(head -c 2 "$launcher" 2>/dev/null) != '#!' ]]; then
  echo "aot (cli): no app image at $image with src/linux/launcher.sh as bin/rationale" >&2
  exit 1
fi
start=$(date +%s)
# A cache from an earlier build would be read by the training run; it is made anew.
sed -i "/-XX:AOTCache=/d" "$cfg"
rm -f "$image/lib/app/$cache_name"
# The launcher's own reading of rationale.cfg (its runtime, class path, main class and options): a cache only holds
# for the settings it was trained with.
# shellcheck source=../linux/launcher.sh
source "$launcher"
if [[ $main != dev.rationale.cli.RationaleCommand || -z $classpath ]]; then
  echo "aot (cli): $cfg is not the command line's launcher configuration" >&2
  exit 1
fi
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
# Throwaway settings and home, as in packaging/smoke.sh: the training run must not read nor write the user's.
if ! env -u JAVA_TOOL_OPTIONS -u XDG_CONFIG_HOME HOME="$scratch" RATIONALE_CONFIG_DIR="$scratch/config" \
    "$root/lib/runtime/bin/java" "${options[@]}" -Duser.home="$scratch" \
    "-XX:AOTCacheOutput=$image/lib/app/$cache_name" -Xlog:aot*=off -cp "$classpath" dev.rationale.cli.aot.AotTraining \
    >"$scratch/train.log" 2>&1; then
  cat "$scratch/train.log" >&2
  echo "aot (cli): the training run failed; the command line starts without an AOT cache" >&2
  rm -f "$image/lib/app/$cache_name"
  exit 1
fi
# A command of the training that failed still trained what it loaded; the build log says so.
grep -E '^aot training' "$scratch/train.log" | sed 's/^/aot (cli): /' || true
echo "java-options=-XX:AOTCache=\$APPDIR/$cache_name" >>"$cfg"
echo "aot (cli): $(du -h "$image/lib/app/$cache_name" | cut -f1) cache written to lib/app/$cache_name" \
  "in $(($(date +%s) - start)) s; bin/rationale uses it"
