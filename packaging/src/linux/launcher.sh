#!/usr/bin/env bash
# The app image's launchers on Linux (bin/rationale-app and bin/rationale), put in place of jpackage's by the
# packaging build. jpackage's native launcher asks rpm and dpkg at every start whether a package installed it (JDK 25:
# `rpm -qf` and `dpkg -S` on its own path, which reads every installed package's file list, then `dpkg -L` when one
# did): about 0.25 s of a 0.6 s command on a 2-core machine. This script starts the image's own runtime as that
# launcher would: the class path, main class and java-options of lib/app/NAME.cfg, NAME being this file's name, with
# $APPDIR, $BINDIR and $ROOTDIR replaced, lib/app appended to LD_LIBRARY_PATH and -Djpackage.app-path set, so that
# the AOT caches trained for those options (src/aot/train.sh, train-cli.sh) hold.
set -euo pipefail
self=$(readlink -f -- "${BASH_SOURCE[0]}")
bindir=${self%/*}
root=${bindir%/*}
app=$root/lib/app
cfg=$app/${self##*/}.cfg
classpath=
main=
options=()
while IFS= read -r line || [[ -n $line ]]; do
  line=${line//\$APPDIR/$app}
  line=${line//\$BINDIR/$bindir}
  line=${line//\$ROOTDIR/$root}
  case $line in
    app.classpath=*) classpath+=${classpath:+:}${line#app.classpath=} ;;
    app.mainclass=*) main=${line#app.mainclass=} ;;
    java-options=*) options+=("${line#java-options=}") ;;
  esac
done < "$cfg"
export LD_LIBRARY_PATH="${LD_LIBRARY_PATH:-}:$app"
options+=("-Djpackage.app-path=$self")
# Sourced, it only reads them: src/aot/train-cli.sh trains the command line's cache with these very settings.
if [[ ${BASH_SOURCE[0]} != "$0" ]]; then
  return 0
fi
exec "$root/lib/runtime/bin/java" "${options[@]}" -cp "$classpath" "$main" "$@"
