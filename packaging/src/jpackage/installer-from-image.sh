#!/usr/bin/env bash
# Makes a Linux installer (deb or rpm) from the app image this build has just made and given its AOT caches, so
# that the installed app and command line start with them; jpackage's one-step installers, made from the jars,
# had none. Run by the packaging build after the caches are trained (pom.xml, profile linux-installer).
# Usage: src/jpackage/installer-from-image.sh JPACKAGE TYPE IMAGE_DIR DEST VERSION DESCRIPTION
# Made from an image, jpackage takes each launcher's menu icon from the resource folder (not from --icon: it would
# ship Java's default icon) and gives every launcher a menu entry. So the resource folder staged here holds our
# icon under each launcher's name, the app's desktop entry, and the command line's, which stays out of the menus.
set -euo pipefail
if [[ $# -ne 6 ]]; then
  echo "usage: installer-from-image.sh JPACKAGE TYPE IMAGE_DIR DEST VERSION DESCRIPTION" >&2
  exit 2
fi
jpackage=$1 type=$2 image=$3 dest=$4 version=$5 description=$6
if [[ $type == app-image ]]; then
  exit 0
fi
resources=$(mktemp -d)
trap 'rm -rf "$resources"' EXIT
cp src/linux/*.desktop "$resources/"
for launcher in rationale-app rationale; do
  cp src/icon/rationale.png "$resources/$launcher.png"
done
"$jpackage" --type "$type" --app-image "$image" --dest "$dest" --name rationale-app --app-version "$version" \
  --description "$description" --vendor Rationale --resource-dir "$resources" "@src/jpackage/$type.args"
echo "installer: $(cd "$dest" && ls -1 -- *."$type") made from the app image$(
  ls "$image"/lib/app/*.aot >/dev/null 2>&1 && echo ", with its AOT caches")"
