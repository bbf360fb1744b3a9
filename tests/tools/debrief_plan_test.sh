#!/bin/sh
# debrief_plan_test.sh LADDER SOURCE_DIR: the room's debrief opens with a 30-minute plan
# (issue 17): an agenda whose minutes run 0-5, 5-10, then the pivotal decisions up to 25, then
# 25-30; each pivotal decision with why it was picked (a tied vote is "split", the largest
# moves of the stats), the room's choice with its share of the votes, and what the other road
# led to: when the room played it after a rewind, its ending and stats beside the room's;
# otherwise the engine replays it (core/road_replay.h: the runner-up of the vote, then the
# room's later choices where they apply), a script error or a road without an ending told in
# words; the questions for the whole story; in the Markdown and in the HTML. The participants'
# handout beside it (out/handout.h), and a campaign room's decision of an earlier chapter
# replayed in that chapter.
set -eu
ladder=$1
cd "$2"
work=$(mktemp -d /tmp/ladder-debrief-plan-XXXXXX)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" HOME="$work" NO_COLOR=1
fail() { echo "FAIL: $*"; exit 1; }
# office: three decisions of two options. Votes 9-1, a 5-5 tie (the facilitator picks 1), 2-8;
# then back to decision 2 and the other option, to its ending
printf '9 1\n5 5\n1\n2 8\nrewind 2\n1 9\n2\n8 2\nend\n' |
  "$ladder" workshop tests/fixtures/good/office --session T1 --ui term --out "$work/out" \
    > "$work/transcript" 2>&1 || { cat "$work/transcript"; fail "ladder workshop failed"; }
md=$(ls "$work"/out/*.md)
html=$(ls "$work"/out/*.html | grep -v -- '-handout\.html$')
sed -n '/^## The 30-minute debrief/,/^## The road the room took/p' "$md" > "$work/plan"
[ -s "$work/plan" ] || fail "no plan at the top of the debrief: $(head -20 "$md")"
grep -q '^- \*\*0-5 min\*\*, reactions' "$work/plan" || fail "no reactions in the agenda"
grep -q '^- \*\*5-10 min\*\*, what happened: 3 decisions; where the stats ended: Burnout 90 (lower is better), Trust 60; 1 other road the room explored$' "$work/plan" ||
  fail "no 'what happened' with the stats: $(grep '5-10 min' "$work/plan")"
grep -q '^- \*\*25-30 min\*\*, what now' "$work/plan" || fail "no 'what now'"
# the decisions' slots follow each other from 10 to 25
sed -n 's/^- \*\*\([0-9]*\)-\([0-9]*\) min\*\*.*/\1 \2/p' "$work/plan" | awk '
  NR == 1 && $1 != 0 { bad = 1 } NR > 1 && $1 != last { bad = 1 } { last = $2; n++ }
  END { exit bad || last != 30 || n < 4 }' ||
  fail "the agenda's minutes do not run on to 30: $(grep 'min\*\*' "$work/plan")"
grep -q '^- \*\*[0-9]*-[0-9]* min\*\*, decision 2: .* (a split vote' "$work/plan" || fail "the agenda does not say why decision 2 is on it"
grep -q '^For each decision: read the question, let the room answer' "$work/plan" || fail "the plan does not say how to run a decision"
grep -q '^\*\*The room chose:\*\* Fix it yourself (5 of 10 votes, a tie broken by the facilitator); the others: Teach Priya to fix it: 5 (50%)$' "$work/plan" ||
  fail "the room's choice is not beside the other option's share: $(grep 'room chose' "$work/plan")"
grep -q '^### Decision 2: ' "$work/plan" || fail "the tied decision is not picked"
grep -q '^Picked because the room was split, 5, 5 (10 voted)' "$work/plan" || fail "the tie is not why"
grep -q '^\*\*The room chose:\*\* .*(5 of 10 votes, a tie broken by the facilitator)' "$work/plan" ||
  fail "the room's choice and votes are missing"
grep -q 'it moved the stats most (Burnout +' "$work/plan" || fail "no decision picked for its stats"
grep -q '^\*\*The other road:\*\* the room played it after a rewind; it led to .* (Burnout [0-9]* against [0-9]*' "$work/plan" ||
  fail "the other road of decision 2 is not told"
# decision 1 was not played the other way: the engine replays "walk" (1 vote), then the room's
# "fix" and "morning": Burnout 40 + 30, Trust 50 + 15, against the room's 40 + 20 + 30, 50 + 10
grep -q '^\*\*The other road:\*\* replayed by the engine: \*Walk the floor and ask what hurts\* (the runner-up, 1 of 10 votes) led to \*\*Steady\*\* (mixed) after 3 decisions (Burnout 70 against 90, Trust 65 against 60)\. After it the engine took the room.s own choice where it came up again (2 decisions)\. `rewind 1` in the room plays it\.$' "$work/plan" ||
  fail "the unexplored road of decision 1 is not replayed: $(grep 'other road' "$work/plan")"
grep -q "^\*Where the other road was replayed by the engine, it took the room's later choices where they still applied, the articles' advice elsewhere\.\*$" "$work/plan" ||
  fail "the plan does not say how a road was replayed"
grep -q '^- What will you do differently on Monday?' "$work/plan" || fail "no questions for the whole story"
grep -q '<section class="plan">' "$html" || fail "no plan in the HTML"
grep -q '<p class="why">Picked because the room was split, 5, 5 (10 voted)' "$html" || fail "the HTML plan lacks the tie"
grep -q '<p><b>The other road:</b> replayed by the engine: <em>Walk the floor and ask what hurts</em> (the runner-up, 1 of 10 votes) led to <b>Steady</b> (mixed) after 3 decisions (Burnout 70 against 90, Trust 65 against 60)' "$html" ||
  fail "the HTML plan lacks the replayed road"

# the participants' handout beside the debrief (issue 17): named in the closing message, linked
# from both debrief files, the pivotal decisions with each option's share of the votes and the
# room's choice, the print CSS's page rule
handout=$(ls "$work"/out/*-handout.html) || fail "no handout beside the debrief: $(ls "$work/out")"
[ "$handout" = "${html%.html}-handout.html" ] || fail "the handout is not named after the debrief: $handout"
grep -q "^The participants' handout (print it, A4 or Letter): $handout\$" "$work/transcript" ||
  fail "the closing message does not say where the handout is: $(tail -5 "$work/transcript")"
stem=$(basename "$handout")
grep -q "<a href=\"$stem\">" "$html" || fail "the debrief page does not link the handout"
grep -q "($stem)" "$md" || fail "the Markdown debrief does not name the handout"
grep -q '<h2>The decisions the room talked over</h2>' "$handout" || fail "the handout has no decisions"
grep -q '^<div class="split"><h3>Decision 2 &middot; ' "$handout" || fail "the handout lacks the tied decision"
grep -q '^<li class="chosen">Fix it yourself <span class="share">50% of the room, the room.s choice</span></li>$' "$handout" ||
  fail "the handout lacks the room's choice with its share: $(grep '<li' "$handout")"
grep -q '^<li>Teach Priya to fix it <span class="share">50% of the room</span></li>$' "$handout" ||
  fail "the handout lacks the other option's share"
grep -q '@page{size:auto;' "$handout" || fail "the handout has no print CSS"

# a campaign room (career): chapter 1 with a split vote, "next" to chapter 2 (decisions numbered
# on), and the debrief replays the other road of chapter 1's decision in chapter 1, from where
# it stood, to that chapter's ending; --continue plays the chapter change again and a rewind
# goes back into chapter 1
printf 'pick 1\n6 5 1\npick 1\npick 1\npick 1\npick 1\npick 1\npick 1\npick 1\npick 1\nnext\npick 1\npick 1\nend\n' |
  "$ladder" workshop career --session K --ui term --out "$work/outc" \
    > "$work/transcriptc" 2>&1 || { cat "$work/transcriptc"; fail "ladder workshop career failed"; }
grep -q '^This ends chapter 1 of 4\. Type "next"' "$work/transcriptc" || fail "the end of chapter 1 does not offer next"
grep -q '^== Chapter 2 of 4: ' "$work/transcriptc" || fail "next does not start chapter 2: $(tail -20 "$work/transcriptc")"
n1=$(sed -n 's/^== The end of the chapter: .* after \([0-9]*\) decisions) ==$/\1/p' "$work/transcriptc")
[ -n "$n1" ] || fail "the end of chapter 1 is not told: $(grep '^== The end' "$work/transcriptc")"
n1=$((n1 + 1))
sed -n '/^== Chapter 2 of 4: /,$p' "$work/transcriptc" | grep -m1 '^== Decision' | grep -q "^== Decision $n1: " ||
  fail "chapter 2 does not number its first decision $n1"
mdc=$(ls "$work"/outc/*.md)
grep -q '^# Debrief: A Career in Four Chapters, chapter 2 of 4: ' "$mdc" || fail "the campaign debrief's title: $(head -1 "$mdc")"
grep -q "^\*\*The ending's lesson:\*\* " "$md" && fail "the office's endings have no lesson, yet one is shown"
grep -q "^\*\*The ending's lesson:\*\* " "$(ls "$work"/outc/*.md)" && fail "a campaign stopped in chapter 2 shows an ending's lesson"
grep -q '^### Decision 2: ' "$mdc" || fail "chapter 1's split decision is not a pivotal one: $(grep '^### Decision' "$mdc")"
grep -q '^\*\*The other road:\*\* replayed by the engine in chapter 1 (The Reluctant Supervisor), from where it stood at the decision to that chapter.s end: \*[^*]*\* (the runner-up, 5 of 12 votes) led to \*\*[^*]*\*\* ([a-z]*) after [0-9]* decisions of the chapter (Burnout [0-9]* against [0-9]*, .* where the room ended the chapter)\. .*`rewind 2` in the room plays it\.$' "$mdc" ||
  fail "chapter 1's decision is not replayed in its chapter: $(grep 'other road' "$mdc")"
grep -q 'could not be replayed' "$mdc" && fail "a decision could not be replayed: $(grep 'could not be replayed' "$mdc")"
grep -q '<h2>What the articles advise</h2>' "$work"/outc/*-handout.html || fail "the campaign handout has no advice"
printf 'history\nrewind 2\nhistory\nend\n' |
  "$ladder" workshop career --session K --ui term --out "$work/outc" --continue \
    > "$work/transcriptc2" 2>&1 || { cat "$work/transcriptc2"; fail "ladder workshop career --continue failed"; }
grep -q "^Continuing the room from .*, at decision $((n1 + 2)) with every vote so far\.$" "$work/transcriptc2" ||
  fail "--continue does not come back in chapter 2: $(head -3 "$work/transcriptc2")"
grep -q '^Back to decision 2\.' "$work/transcriptc2" || fail "rewind 2 does not go back into chapter 1"
sed -n '/^Back to decision 2\./,$p' "$work/transcriptc2" | sed -n '/^room> history/,/^room> end/p' | grep -q '^  1\. ' ||
  fail "history after the rewind into chapter 1 does not show decision 1"
sed -n '/^Back to decision 2\./,$p' "$work/transcriptc2" | sed -n '/^room> history/,/^room> end/p' | grep -q '^  2\. ' &&
  fail "history after the rewind into chapter 1 still shows decision 2"

# a room that never rewound: the tied decision 2's other road ("teach", 5 votes) is replayed,
# then the room's "morning": Burnout 40 + 20 - 5, Trust 50 + 10 + 5
printf '9 1\n5 5\n1\n2 8\nend\n' |
  "$ladder" workshop tests/fixtures/good/office --session T2 --ui term --out "$work/out2" \
    > "$work/transcript2" 2>&1 || { cat "$work/transcript2"; fail "ladder workshop (no rewind) failed"; }
md2=$(ls "$work"/out2/*.md)
grep -q 'the room played it after a rewind' "$md2" && fail "a room that never rewound played a road"
grep -q '^\*\*The other road:\*\* replayed by the engine: \*Teach Priya to fix it\* (the runner-up, 5 of 10 votes) led to \*\*Steady\*\* (mixed) after 3 decisions (Burnout 55 against 90, Trust 65 against 60)\. After it the engine took the room.s own choice where it came up again (1 decision)' "$md2" ||
  fail "without a rewind the other road of decision 2 is not replayed: $(grep 'other road' "$md2")"

# a script error on the other road does not break the debrief: it is told, and the rest follows
mkdir "$work/jammed"
cat > "$work/jammed/story.lua" <<'EOF'
story {
  id = "jammed", title = "Jammed", start = "tray", summary = "A printer that will not print.",
  stats = { { id = "trust", label = "Trust", start = 50 } },
}
scene "tray" {
  text = "The printer on the third floor jams an hour before the board meeting.",
  choice { "Open the tray yourself", id = "open", go = function(g) error("the tray is locked") end },
  choice { "Call facilities", id = "call", effects = { trust = 5 }, go = "fixed" },
}
ending "fixed" { title = "Fixed by Noon", verdict = "good", text = "Facilities brings a key." }
EOF
printf '3 7\nend\n' |
  "$ladder" workshop "$work/jammed" --session J --ui term --out "$work/out3" \
    > "$work/transcript3" 2>&1 || { cat "$work/transcript3"; fail "ladder workshop (jammed) failed"; }
md3=$(ls "$work"/out3/*.md)
grep -q '^\*\*The other road:\*\* could not be replayed: .*the tray is locked.*`rewind 1` in the room plays it\.$' "$md3" ||
  fail "a script error on the other road is not told: $(grep 'other road' "$md3")"
grep -q '^## Where the stats ended' "$md3" || fail "the debrief stops after a script error in a replay"
grep -q 'could not be replayed: .*the tray is locked' "$work"/out3/*.html || fail "the HTML lacks the script error"

# a road without an ending stops at the cap (500 later decisions), told as such
printf '6 4\n1\n7 3\nend\n' |
  "$ladder" workshop tests/fixtures/good/endless --session E --ui term --out "$work/out4" \
    > "$work/transcript4" 2>&1 || { cat "$work/transcript4"; fail "ladder workshop (endless) failed"; }
grep -q '^\*\*The other road:\*\* replayed by the engine: \*Walk the floor\* (the runner-up, 4 of 10 votes) led to no ending within 500 more decisions (Burnout [0-9]* against [0-9]*, Trust [0-9]* against [0-9]* where the room.s road stopped, before an ending, after 3 decisions)\. After it the engine .*left it to chance where the story gives no advice ([0-9]*)\.' "$work"/out4/*.md ||
  fail "a replay without an ending is not capped and told: $(grep 'other road' "$work"/out4/*.md)"
echo "debrief plan ok"
