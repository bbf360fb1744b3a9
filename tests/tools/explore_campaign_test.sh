#!/bin/sh
# explore_campaign_test.sh LADDER SOURCE_DIR: issue 12's explore items.
# - a campaign is explored (random: whole careers, numbers fixed by the seed; exhaustive: each
#   chapter), per chapter and for the whole career, in text and JSON, the same bytes twice;
# - exhaustive on a `when` reading g:visited says "not judged", never "never offered", and what
#   random play reaches is not reported as never reached (merged, cut at --max-depth, truncated);
# - replay hints name the story as it was given, replay --random plays a whole career, and
#   replay of a save of an unbundled story says to add --story PATH.
set -eu
ladder=$1
cd "$2"
work=$(mktemp -d /tmp/ladder-explore-campaign-XXXXXX)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" HOME="$work" NO_COLOR=1 COLUMNS=80
fail() { echo "FAIL: $*"; exit 1; }
has() { grep -qF -- "$1" "$2" || fail "$3 (no '$1' in $2)"; }
hasnt() { ! grep -qF -- "$1" "$2" || fail "$3 ('$1' in $2)"; }

# 1. campaigns, random: tests/fixtures/good/campaign (office, office_sequel), seed 2
camp=tests/fixtures/good/campaign
"$ladder" explore $camp --random 100 --seed 2 --json > "$work/c.json"
"$ladder" explore $camp --random 100 --seed 2 --json > "$work/c2.json"
cmp -s "$work/c.json" "$work/c2.json" || fail "the same seed gave different campaign JSON"
for key in '"story":"office_career"' '"campaign":true' '"runs":100' '"completed":100' \
           '"story":"office"' '"reached":100' '"story":"office_sequel"' \
           '"endings":{"promoted":12,"steady":53,"collapse":35}' '"endings":{"done":100}' \
           '"career":{"scenes":{"total":8,"reached":8},"choices":{"total":7,"taken":7}' \
           '"endings":{"mixed,good":53,"bad,good":35,"good,good":12}' '"error_count":0'; do
  has "$key" "$work/c.json" "campaign JSON"
done
"$ladder" explore $camp --random 100 --seed 2 > "$work/c.txt"
has "office_career (Office Career): 100 random careers from seed 2" "$work/c.txt" "campaign header"
has "  2 office_sequel                   100  100.0%" "$work/c.txt" "chapters reached"
has "== chapter 1: office (The Office) ==" "$work/c.txt" "chapter section"
has "  steady                       mixed        53   53.0%" "$work/c.txt" "chapter ending share"
has "== the whole career ==" "$work/c.txt" "career section"
has "scenes reached: 8 of 8" "$work/c.txt" "career coverage"
has "  mixed,good                             53   53.0%" "$work/c.txt" "career ending share"
rc=0
"$ladder" explore career --random 10 --seed 1 --json > "$work/career.json" || rc=$?
[ $rc -eq 0 ] || fail "explore career exited $rc"
[ "$(grep -o '"reached":10}' "$work/career.json" | wc -l)" -eq 4 ] || fail "career: 4 chapters reached by 10 runs"
# exhaustive: each chapter walked from its own start
"$ladder" explore $camp --exhaustive > "$work/ce.txt"
has "each chapter is walked on its own from its own start" "$work/ce.txt" "exhaustive campaign note"
has "== chapter 1: office (The Office): 14 distinct states, 8 paths to an ending ==" "$work/ce.txt" "chapter walk"
"$ladder" explore $camp --exhaustive --json > "$work/ce.json"
has '"mode":"exhaustive","campaign":true' "$work/ce.json" "exhaustive campaign JSON"

# 2. exhaustive and visit counts (the review's case)
v=tests/fixtures/explore/visits.lua
"$ladder" explore $v --exhaustive > "$work/v.txt"
has "condition not judged: $v:9: scene 'mouth', choice 'deeper'" "$work/v.txt" "not judged"
hasnt "never: $v:9" "$work/v.txt" "a choice random play takes reported as never taken"
hasnt "always false" "$work/v.txt" "a when reading g:visited judged always false"
has "reached by random play only: $v:9: scene 'mouth', choice 'deeper'" "$work/v.txt" "random check"
"$ladder" explore $v --exhaustive --json > "$work/v.json"
has '"unreached":[]' "$work/v.json" "unreached"
has '"untaken":[]' "$work/v.json" "untaken"
has '"conditions":{"always_true":[],"always_false":[],"not_judged":["mouth/deeper"]}' "$work/v.json" "conditions"
has '"random_check":{"runs":2000,"scenes":["treasure"],"choices":["mouth/deeper"]}' "$work/v.json" "random_check"
"$ladder" explore $v --exhaustive --max-depth 1 > "$work/vd.txt"
has "(some paths cut at --max-depth)" "$work/vd.txt" "a cut walk says so"
has "reached by random play only: $v:15: scene 'tunnel', choice 'back'" "$work/vd.txt" "cut walk, random check"
"$ladder" explore $v --exhaustive --max-states 2 --json > "$work/vt.json"
has '"truncated":true' "$work/vt.json" "truncated"
has '"unreached":[]' "$work/vt.json" "a truncated walk reports what random play reaches as never reached"
"$ladder" explore $v --exhaustive --max-states 2 > "$work/vt.txt"
has "(stopped at the state limit: not every state was walked)" "$work/vt.txt" "truncated text"
# a condition on stats only is still judged
"$ladder" explore tests/fixtures/check/unreached_ending.lua --exhaustive --json > "$work/u.json"
has '"always_false":["a/never"],"not_judged":[]' "$work/u.json" "stat condition judged"

# 4. replay hints name the story as given; a campaign replays as a whole career
mkdir -p "$work/elsewhere"
cp tests/fixtures/check/dead_end.lua "$work/elsewhere/cave.lua"
(cd "$work/elsewhere" && "$ladder" explore cave.lua --random 20 --seed 1 > out.txt) || true
has "replay one: ladder replay cave.lua --seed" "$work/elsewhere/out.txt" "replay hint path"
cmd=$(sed -n 's/.*replay one: ladder \(.*\)/\1/p' "$work/elsewhere/out.txt")
rc=0
(cd "$work/elsewhere" && "$ladder" $cmd > replay.txt 2>&1) || rc=$?
[ $rc -eq 1 ] || fail "the replay hint's command exited $rc"
has "offers no choice here" "$work/elsewhere/replay.txt" "the replay hint reproduces the error"
"$ladder" replay $camp --seed 2 --random > "$work/cr.txt"
[ "$(grep -c 'THE END' "$work/cr.txt")" -eq 2 ] || fail "replay --random of a campaign does not play both chapters"
printf '2\n' | "$ladder" play $v --seed 1 > /dev/null
rc=0
"$ladder" replay "$XDG_DATA_HOME/ladder/saves/visits/autosave.json" > "$work/rs.txt" 2>&1 || rc=$?
[ $rc -eq 1 ] || fail "replay of an unbundled story's save without --story exited $rc"
has "add --story PATH" "$work/rs.txt" "replay SAVE hint"
"$ladder" replay "$XDG_DATA_HOME/ladder/saves/visits/autosave.json" --story $v > "$work/rs2.txt"
has "THE END: Home" "$work/rs2.txt" "replay SAVE --story"
# 3. strategies: advice:P follows the story's advice tags with probability P, from the same seeds
a=tests/fixtures/explore/advice.lua
"$ladder" explore $a --random 1000 --seed 1 --strategy advice:0.9,advice:0.1 --json > "$work/a.json"
has '"strategy":"advice:0.9"' "$work/a.json" "main strategy"
has '"strategies":[{"strategy":"advice:0.9","runs":1000,"completed":1000,"endings":{"trusted":807,"steady":181,"alone":12},"verdicts":{"good":807,"mixed":181,"bad":12},"shares":{"good":0.807,"mixed":0.181,"bad":0.012}},{"strategy":"advice:0.1","runs":1000,"completed":1000,"endings":{"trusted":15,"steady":163,"alone":822}' "$work/a.json" "strategies compared"
"$ladder" explore $a --random 200 --seed 1 --strategy advice:1,advice:0 --json > "$work/a1.json"
has '"endings":{"trusted":200,"steady":0,"alone":0}' "$work/a1.json" "advice:1 always follows"
has '"endings":{"trusted":0,"steady":0,"alone":200}' "$work/a1.json" "advice:0 never follows"
"$ladder" explore $a --random 3000 --seed 1 --strategy advice:0.9 --json --jobs 2 > "$work/a2.json"
"$ladder" explore $a --random 3000 --seed 1 --strategy advice:0.9 --json --jobs 1 > "$work/a3.json"
cmp -s "$work/a2.json" "$work/a3.json" || fail "advice:P with two jobs differs from one"
"$ladder" explore $a --random 1000 --seed 1 --strategy advice:0.9,random > "$work/a.txt"
has "strategies compared (the same seeds):" "$work/a.txt" "text comparison"
has "  advice:0.9          80.7%    18.1%     1.2%   1000" "$work/a.txt" "text shares"
for s in 5 6 7 8; do # explore's run s is the one replay plays with the same strategy
  e=$("$ladder" explore $a --random 1 --seed $s --strategy advice:0.5 --json |
      sed 's/.*"endings":{\([^}]*\)}.*/\1/' | tr ',' '\n' | grep ':1$' | cut -d'"' -f2)
  "$ladder" replay $a --seed $s --random --strategy advice:0.5 > "$work/ar.txt"
  title=$(sed -n "s/^ending \"$e\" { title = \"\([^\"]*\)\".*/\1/p" $a)
  has "THE END: $title" "$work/ar.txt" "replay of advice:0.5 seed $s"
done
"$ladder" explore $camp --random 50 --strategy advice:0.9,random > "$work/ca.txt"
has "(no choice carries an advice tag: advice:P plays as random)" "$work/ca.txt" "untagged note"
"$ladder" explore $camp --random 50 --strategy advice:0.9,random --json > "$work/ca.json"
has '"strategies":[{"strategy":"advice:0.9","runs":50' "$work/ca.json" "campaign strategies"
rc=0
"$ladder" explore $a --random 10 --strategy advice:2 2> "$work/bad.txt" || rc=$?
[ $rc -eq 2 ] || fail "advice:2 exited $rc"
has "advice:P with P from 0 to 1" "$work/bad.txt" "bad strategy message"

echo "explore campaigns, exhaustive honesty, strategies and replay hints ok"
