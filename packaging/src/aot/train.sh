#!/usr/bin/env bash
# Gives the desktop app of a freshly built app image an AOT cache (JDK 25, JEPs 483, 514 and 515): classes loaded
# and linked, lambdas spun and method profiles gathered once, at build time, instead of at every launch.
# Usage: packaging/src/aot/train.sh IMAGE_DIR [JPACKAGE_TYPE]   (run by the packaging module's build after jpackage)
# The training run is the image's own launcher opening the main window once under Xvfb (as bench/startup.sh does)
# and quitting as soon as it is shown; then the same launcher, in create mode, writes lib/app/rationale-app.aot.
# The launcher's .cfg gets -XX:AOTCache=$APPDIR/rationale-app.aot. A cache only counts with the very JVM and class
# path of its training run, which is why the image's launcher (its runtime, its class path) does both steps; a
# JVM that finds the cache unusable ignores it and starts as before. Skipped, with a message, without xvfb-run.
set -euo pipefail
if [[ ${2:-app-image} != app-image ]]; then
  echo "aot: no AOT cache for a $2 package (only for the app image)"
  exit 0
fi
image="$(realpath "${1:?usage: train.sh IMAGE_DIR [JPACKAGE_TYPE]}")"
launcher="$image/bin/rationale-app"
cfg="$image/lib/app/rationale-app.cfg"
cache_name=rationale-app.aot
if [[ ! -x $launcher || ! -f $cfg ]]; then
  echo "aot: no app image at $image (launcher or .cfg missing)" >&2
  exit 1
fi
if ! command -v xvfb-run >/dev/null; then
  echo "aot: SKIPPED, xvfb-run not found: the image starts without an AOT cache (slower; apt-get install xvfb)"
  exit 0
fi
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
# Throwaway settings and home, as in packaging/smoke.sh: the training run must not read nor write the user's.
env=(env -u JAVA_HOME -u XDG_CONFIG_HOME HOME="$scratch" RATIONALE_CONFIG_DIR="$scratch/config")
start=$(date +%s)
# A cache from an earlier run would be read by the training run; it is made anew.
sed -i "/-XX:AOTCache=/d" "$cfg"
rm -f "$image/lib/app/$cache_name"
# The first start on the samples, as a new user meets it; the first-run dialog is not part of it.
if ! xvfb-run -a -s '-screen 0 1440x900x24' "${env[@]}" JAVA_TOOL_OPTIONS="-Duser.home=$scratch -XX:AOTMode=record \
    -XX:AOTConfiguration=$scratch/app.aotconf -Drationale.shownLog=exit -Drationale.noFirstRun=true" "$launcher" \
    >"$scratch/record.log" 2>&1 || [[ ! -s $scratch/app.aotconf ]] \
    || ! grep -q '^rationale: main window shown at' "$scratch/record.log"; then
  cat "$scratch/record.log" >&2
  echo "aot: the training run failed; the image starts without an AOT cache" >&2
  exit 1
fi
# Create mode reads the configuration, writes the cache and exits without running the app.
"${env[@]}" JAVA_TOOL_OPTIONS="-Duser.home=$scratch -XX:AOTMode=create -XX:AOTConfiguration=$scratch/app.aotconf \
  -XX:AOTCache=$image/lib/app/$cache_name" "$launcher" >"$scratch/create.log" 2>&1 \
  || { cat "$scratch/create.log" >&2; exit 1; }
echo "java-options=-XX:AOTCache=\$APPDIR/$cache_name" >>"$cfg"
echo "aot: $(du -h "$image/lib/app/$cache_name" | cut -f1) cache written to lib/app/$cache_name" \
  "in $(($(date +%s) - start)) s; the launcher uses it"
