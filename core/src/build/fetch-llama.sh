#!/usr/bin/env bash
# Fetches llama.cpp's libraries for one platform with the npm client, checks the tarball against its pinned
# integrity hash and unpacks the libraries into <out>/dev/rationale/llama/<platform>/ with a files.list that
# NativeLibraryFile reads at run time. Called by core/pom.xml (generate-resources); no registry host is named here.
# Usage: fetch-llama.sh <npm package> <version> <integrity sha512-...> <platform folder> <out folder>
set -euo pipefail
package="$1" version="$2" integrity="$3" platform="$4" out="$5"

if ! command -v npm >/dev/null 2>&1; then
  echo "building core needs npm (Node.js) to fetch the llama.cpp libraries of the embedded engine ($package@$version); install Node.js and npm" >&2
  exit 1
fi

target="$out/dev/rationale/llama/$platform"
stamp="$target/.integrity"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$integrity" && -f "$target/files.list" ]]; then
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$package@$version" >/dev/null)
tarball="$(ls "$work"/*.tgz)"
# Node comes with npm, so it computes the hash (in npm's own "sha512-<base64>" form).
actual="$(node -e 'const c = require("crypto"), f = require("fs");
  process.stdout.write("sha512-" + c.createHash("sha512").update(f.readFileSync(process.argv[1])).digest("base64"))' "$tarball")"
if [[ "$actual" != "$integrity" ]]; then
  echo "$package@$version: integrity $actual does not match the pinned $integrity" >&2
  exit 1
fi

tar -xzf "$tarball" -C "$work"
bins="$(find "$work/package/bins" -mindepth 1 -maxdepth 1 -type d | head -n 1)"
rm -rf "$target"
mkdir -p "$target"
# The C libraries only: llama, ggml, ggml-base and every CPU variant (ggml picks one at run time). The Node addon
# and llama-common (the examples' helpers) are not needed.
find "$bins" -maxdepth 1 -type f \( -name '*.so' -o -name '*.dylib' -o -name '*.dll' -o -name '*.metal' \) \
  ! -name 'llama-addon*' ! -name '*llama-common*' -exec cp {} "$target/" \;
(cd "$target" && for f in *; do echo "$(sha256sum "$f" | cut -d' ' -f1) $(stat -c %s "$f") $f"; done) \
  > "$work/files.list"
mv "$work/files.list" "$target/files.list"
echo "$version" > "$target/version"
echo "$integrity" > "$stamp"
echo "llama.cpp libraries of $package@$version (integrity checked) in $target"
