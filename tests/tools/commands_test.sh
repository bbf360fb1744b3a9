#!/bin/sh
# commands_test.sh LADDER SOURCE_DIR: the command table and the front-end registry as the user
# sees them. `ladder help` lists every command of the table in engine/tools/tools.c and every
# front end of engine/ui/registry.c; `ladder help CMD` and `ladder CMD --help` print the same
# help; an unknown command or front end is a usage error: a message naming it, exit status 2.
set -eu
ladder=$1
cd "$2"
work=$(mktemp -d /tmp/ladder-commands-XXXXXX)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data" HOME="$work" NO_COLOR=1 COLUMNS=80
fail() { echo "FAIL: $*"; exit 1; }

# the rows of the table: lines like `    {"play", "STORY", ...` inside tools_commands[]
commands=$(sed -n '/^const Command tools_commands\[\] = {/,/^};/p' engine/tools/tools.c |
  sed -n 's/^ *{"\([a-z-]*\)",.*/\1/p')
[ "$(echo "$commands" | wc -l)" -ge 8 ] || fail "found only these commands in tools.c: $commands"
# the front ends: the entries of frontends[] in registry.c, each defined with .name = "NAME"
frontends=$(sed -n 's/^static const Frontend \*const frontends\[\] = {\(.*\)};/\1/p' engine/ui/registry.c |
  tr -d ' &' | tr ',' '\n' | sed 's/^ui_//')
[ "$(echo "$frontends" | wc -l)" -ge 3 ] || fail "found only these front ends: $frontends"

"$ladder" help > "$work/help" || fail "ladder help exited with $?"
"$ladder" --help | cmp -s - "$work/help" || fail "ladder --help and ladder help differ"
n=0
for c in $commands; do
  grep -q "^  $c\( \|$\)" "$work/help" || fail "ladder help does not list '$c'"
  "$ladder" help "$c" > "$work/one" || fail "ladder help $c exited with $?"
  grep -q "^Usage: ladder $c" "$work/one" || fail "ladder help $c: $(head -1 "$work/one")"
  if [ "$c" != help ]; then
    "$ladder" "$c" --help > "$work/two" || fail "ladder $c --help exited with $?"
    cmp -s "$work/one" "$work/two" || fail "ladder help $c and ladder $c --help differ"
  fi
  ! grep -q "{ui-" "$work/one" || fail "ladder help $c leaves a {ui-...} mark"
  n=$((n + 1))
done
# the list holds nothing the table does not: as many command lines as table rows
listed=$(sed -n '/^Commands:/,/^$/p' "$work/help" | grep -c '^  ')
[ "$listed" = "$n" ] || fail "ladder help lists $listed commands, the table has $n"

for f in $frontends; do
  grep -q "^  $f  " "$work/help" || fail "ladder help does not list the front end '$f'"
  # every listed front end is one play accepts (--help after --ui: nothing is played)
  "$ladder" play --ui "$f" --help > /dev/null || fail "play --ui $f is refused"
done
# "sdl, term or json", in the registry's order
names=$(echo $frontends | awk '{ for (i = 1; i <= NF; i++) printf "%s%s", $i, i == NF ? "" : i == NF - 1 ? " or " : ", " }')
"$ladder" help play | grep -qF "$names" || fail "play's help does not name the front ends: $names"

# usage_error CMD ARGS... MESSAGE: exit status 2 and MESSAGE on stderr
usage_error() {
  want=$1
  shift
  status=0
  "$ladder" "$@" > "$work/out" 2> "$work/err" < /dev/null || status=$?
  [ "$status" = 2 ] || fail "ladder $*: exit status $status, expected 2"
  grep -qF "$want" "$work/err" || fail "ladder $*: '$want' not in: $(cat "$work/err")"
  grep -q "^Try 'ladder .*--help' for more information.$" "$work/err" ||
    fail "ladder $*: no hint to --help in: $(cat "$work/err")"
}
usage_error "ladder: unknown command 'dance'" dance
usage_error "ladder: unknown command 'dance'" help dance
usage_error "ladder: unknown command 'dance'" --ui term dance
usage_error "ladder: unknown front end 'pigeon' (use " play tests/fixtures/good/office --ui pigeon
usage_error "ladder: unknown front end 'json' for the title menu (use " --ui json
usage_error "ladder: unknown front end 'pigeon' for the title menu (use " --ui pigeon
usage_error "ladder: unknown front end 'json' for the workshop (use " workshop tests/fixtures/good/office --ui json
usage_error "ladder: --seed takes a non-negative integer, not '-1'" replay tests/fixtures/good/office --seed -1 --random
usage_error "ladder: --seed takes a non-negative integer, not '+1'" explore tests/fixtures/good/office --seed +1 --random 1
echo "commands: $n in the table, all listed; front ends: $(echo $frontends)"
