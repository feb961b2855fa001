#!/usr/bin/env bash
# Checks a built app image the way a new user meets it: the `rationale` launcher prints its help and validates a
# sample, and the `rationale-app` launcher opens its window under Xvfb, photographed to a PNG.
# Usage: packaging/smoke.sh [--cli-only] [IMAGE_DIR] [SCREENSHOT.png]
#   (the window check needs xvfb-run, xwininfo and ImageMagick; --cli-only skips it and needs none of them)
# Build the image first: mvn -Ppackage -pl packaging -am package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
cli_only=false
if [[ "${1:-}" == --cli-only ]]; then
  cli_only=true
  shift
fi
image="$(realpath -m "${1:-packaging/target/jpackage/rationale-app}")"
shot="$(realpath -m "${2:-packaging/target/smoke.png}")"
if [[ ! -x "$image/bin/rationale" || ! -x "$image/bin/rationale-app" ]]; then
  echo "no app image at $image; build it with: mvn -Ppackage -pl packaging -am package -DskipTests" >&2
  exit 1
fi

# Throwaway settings and home: the check must not need, nor touch, the user's. (Java takes user.home from the
# password database, not $HOME; RATIONALE_CONFIG_DIR is what moves the app's own files.)
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
run() { env -u XDG_CONFIG_HOME -u JAVA_HOME HOME="$scratch" RATIONALE_CONFIG_DIR="$scratch/config" "$@"; }

run "$image/bin/rationale" --help | grep -q '^Usage: rationale'
run "$image/bin/rationale" validate sample-prompts/arithmetic.rationale.json
# Started through a link, as the README's install puts it on the PATH; a usage error keeps its exit code.
ln -s "$image/bin/rationale" "$scratch/rationale"
run "$scratch/rationale" --version | grep -q '^rationale '
status=0
run "$scratch/rationale" no-such-command >/dev/null 2>&1 || status=$?
if [[ $status -ne 2 ]]; then
  echo "rationale no-such-command exited $status, not 2" >&2
  exit 1
fi
# The command line's AOT cache, where the build made one (src/aot/train-cli.sh): with AOTMode=on a JVM that cannot
# use it (another class path, other options) refuses to start instead of starting without it.
if [[ -f "$image/lib/app/rationale-cli.aot" ]]; then
  run env JAVA_TOOL_OPTIONS=-XX:AOTMode=on "$image/bin/rationale" validate sample-prompts/arithmetic.rationale.json \
    2>/dev/null | grep -q ': valid, '
fi
# The embedded engine: llama.cpp's libraries from core's jar, called through FFM with the launcher's native access.
model=../shared/models/stories260K.gguf
if [[ -f "$model" ]]; then
  # Greedy, so the text is the reference continuation of ../shared/models/README.md.
  run "$image/bin/rationale" run --provider embedded --model "$model" --prompt "Once upon a time" --max-tokens 4 \
    --temperature 0 --json 2>/dev/null | grep -q '^{"text":", there was a",'
else
  echo "warning: $model is missing; the embedded engine was not tried" >&2
fi
echo "cli: ok"
if $cli_only; then
  exit 0
fi

mkdir -p "$(dirname "$shot")"
# Runs inside the virtual display: starts the app, waits for its main window (title "… — Rationale") and for the
# screen to show more than a blank frame, photographs it, checks that JavaFX loaded its native libraries from the
# image, and stops the app. Patient, because a busy machine may take a minute to show the first frame.
inside='
  image=$1 shot=$2 log=$3
  "$image/bin/rationale-app" >"$log" 2>&1 &
  app=$!
  alive() { kill -0 "$app" 2>/dev/null || { echo "the app exited early:" >&2; cat "$log" >&2; exit 1; }; }
  for _ in $(seq 1 180); do
    alive
    if xwininfo -root -tree | grep -q "Rationale\""; then break; fi
    sleep 1
  done
  xwininfo -root -tree | grep "Rationale\"" >&2 || { echo "no Rationale window after 180 s" >&2; kill "$app"; exit 1; }
  for _ in $(seq 1 60); do
    alive
    import -window root "$shot"
    if (( $(convert "$shot" -format "%k" info:) >= 16 )); then break; fi
    sleep 1
  done
  sleep 2 && import -window root "$shot"  # the first-run dialog may still be laying out
  grep -qF "$image/lib/app/libglass" "/proc/$app/maps" \
    || { echo "JavaFX did not load the image'"'"'s own native libraries" >&2; kill "$app"; exit 1; }
  kill "$app"
  wait "$app" || true
'
run xvfb-run -a -s '-screen 0 1440x900x24' bash -c "$inside" smoke "$image" "$shot" "$scratch/app.log"
colours="$(convert "$shot" -format '%k' info:)"
if (( colours < 16 )); then
  echo "the screenshot $shot is nearly blank ($colours colours)" >&2
  exit 1
fi
echo "app: window shown; screenshot $shot ($colours colours)"
