#!/bin/sh
# install_test.sh BUILD_DIR: install into a temporary prefix and check that the installed
# binary lists the stories installed beside it (not the source tree's).
set -eu
build=$1
prefix=$(mktemp -d /tmp/ladder-install-XXXXXX)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" > /dev/null
test -x "$prefix/bin/ladder" || { echo "no binary in $prefix/bin"; exit 1; }
test -f "$prefix/share/ladder/scenarios/demo/story.lua" || { echo "demo story not installed"; exit 1; }
test -f "$prefix/share/ladder/assets/fonts/CharisSIL-Regular.ttf" || { echo "fonts not installed"; exit 1; }
test -f "$prefix/share/applications/ladder.desktop" || { echo "launcher not installed"; exit 1; }
test -f "$prefix/share/icons/hicolor/scalable/apps/ladder.svg" || { echo "icon not installed"; exit 1; }
out=$(cd / && env -u LADDER_SCENARIOS HOME="$prefix" "$prefix/bin/ladder" list --where)
echo "$out"
echo "$out" | grep -q "^demo " || { echo "the installed binary does not list the demo story"; exit 1; }
echo "$out" | grep -q "^stories: $prefix/bin/../share/ladder/scenarios$" ||
  { echo "the installed binary reads stories from the wrong place"; exit 1; }
echo "install layout ok"
