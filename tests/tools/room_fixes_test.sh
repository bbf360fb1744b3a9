#!/bin/sh
# room_fixes_test.sh LADDER SOURCE_DIR: what a facilitator new to Ladder found in room mode
# (issue 17's second review), each checked in the terminal room:
# 1. a rewind into an earlier chapter keeps the room's road: the first road to reach an ending
#    (here one that reached chapter 1's ending and went on into chapter 2) stays the room's,
#    with its own votes, title and stats; the replayed chapter is a road explored after it.
# 2. a mistyped vote is corrected (`fix 5 2 1`, `undo`) in the record, not as another road; a
#    rewind that takes the same choice again is no other road; a total far above the room's
#    size is questioned; `help` names fix and undo; --continue replays a decision taken back.
# 3. the room has no player's name unless --player gives one (the story leaves it out).
# 4. a lone number at a one-option decision is its votes; a number that is no option says what
#    is expected, with an example; a tie says "1 and 2", and why a reply is refused.
# 5. the choices and the question for the room wrap at words to the terminal's width.
# 7. the agenda shares its 15 minutes evenly (3, 4, 4, 4 for four decisions) and says "1
#    decision"; the most divided vote (9/11/10) is picked before two ties of two options.
# 9. the page: another road's five or more stats beside the room's in a small table (the Markdown
#    keeps the sentence); the chart of the stats has a scale and the decisions numbered; the
#    roads' table is classed for its print CSS (its Ending column kept wide).
# 10. an ending is headed by its title, not by a decision's number; a campaign's history lists
#    the earlier chapters' decisions with their numbers; the next chapter says what carried
#    over; a question asked again at a scene the room came back to says so.
# 8. the handout's advice is that of the decisions played (chapter 2's too), each named; it says
#    where the room's road stopped when it has no ending.
set -eu
ladder=$1
cd "$2"
work=$(mktemp -d /tmp/ladder-room-fixes-XXXXXX)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" HOME="$work" NO_COLOR=1
fail() { echo "FAIL: $*"; exit 1; }

# 1. career: chapter 1 to its ending (decision 2 voted 20/7/3), next, decisions 11-12 of
# chapter 2, then rewind 2 into chapter 1, decision 2 voted 3/7/20, played to chapter 1's
# ending, end
{ echo "pick 1"; echo "20 7 3"; for i in 1 2 3 4 5 6 7 8; do echo "pick 1"; done
  echo next; echo "pick 1"; echo "pick 1"; echo history; echo "rewind 2"; echo "3 7 20"
  for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14; do echo "pick 1"; done; echo end; } |
  "$ladder" workshop career --session C --ui term --out "$work/c" > "$work/tc" 2>&1 ||
  { cat "$work/tc"; fail "ladder workshop career failed"; }
grep -q '^== Chapter 2 of 4: ' "$work/tc" || fail "the room did not reach chapter 2"
grep -q '^Back to decision 2\.' "$work/tc" || fail "rewind 2 did not go back into chapter 1"
md=$(ls "$work"/c/*.md)
html=$(ls "$work"/c/*.html | grep -v -- '-handout\.html$')
handout=$(ls "$work"/c/*-handout.html)
head -1 "$md" | grep -q '^# Debrief: A Career in Four Chapters, chapter 2 of 4: ' ||
  fail "the debrief is titled after the replayed chapter: $(head -1 "$md")"
grep -q '<h1>Debrief: A Career in Four Chapters, chapter 2 of 4: ' "$html" || fail "the HTML's title"
grep -q '^- \*\*5-10 min\*\*, what happened: 12 decisions;' "$md" ||
  fail "the plan does not tell the room's 12 decisions: $(grep '5-10 min' "$md")"
grep -q '^\*\*The room chose:\*\* Keep the Bridge yourself.* (20 of 30 votes)' "$md" ||
  fail "decision 2's votes are not the room's road's: $(grep 'room chose' "$md")"
grep -q '^### Explored after the ending, from decision 2: Steady Hands$' "$md" ||
  fail "the replayed chapter is not an explored road: $(grep '^### [LE]' "$md")"
grep -q '^### Left' "$md" && fail "the room's own road is listed as left: $(grep '^### Left' "$md")"
grep -q "^| the room's | (stopped before an ending) |" "$md" || fail "the side-by-side's room's row"
grep -q '^| Road | Ending | .*Job satisfaction' "$md" &&
  fail "the side-by-side shows a stat of chapter 1 for a road in chapter 2"
grep -q '^\*\*The other road:\*\* the room played it after a rewind; it led to Steady Hands, the end of chapter 1, after 10 decisions (Burnout [0-9]* against [0-9]*.* where the room.s road ended chapter 1)\.$' "$md" ||
  fail "the road played again is not set against the room's at chapter 1's end: $(grep 'other road:' "$md")"
grep -q '12 decisions' "$handout" || fail "the handout does not cover the room's road"
# 9. the page
grep -q '<p><b>The other road:</b> the room played it after a rewind; it led to Steady Hands, the end of chapter 1, after 10 decisions (the stats in the table below, against the room.s where the room.s road ended chapter 1)\.</p>$' "$html" ||
  fail "another road's stats are not put in a table: $(grep 'The other road:</b> the room played' "$html")"
grep -A1 'The other road:</b> the room played' "$html" | grep -q '^<table class="beside"><thead><tr><th></th><th scope="col">Burnout</th>' ||
  fail "no table of the other road's stats after its paragraph"
grep -q '<tr><th scope="row">the other road</th><td>[0-9]*</td>' "$html" && grep -q '<tr><th scope="row">the room.s</th><td>[0-9]*</td>' "$html" ||
  fail "the table lacks the two roads' rows"
grep -q '>start</text>' "$html" && grep -q '>after decision</text>' "$html" && grep -q 'text-anchor="end">100</text>' "$html" ||
  fail "the chart has no scale or decision numbers"
grep -q '<table class="roads">' "$html" || fail "the roads' table is not classed"
grep -q '@page{margin' "$html" || fail "the debrief has no page margins for print"
# 10. the ending's heading, the history across chapters, what carried over
grep -q '^== Decision 11: Winter' "$work/tc" && fail "chapter 1's ending is headed as decision 11"
grep -B2 '^== The end of the chapter: Steady Hands' "$work/tc" | grep -q '^== Decision' &&
  fail "a decision's heading stands over the ending"
grep -q '^== Steady Hands ==$' "$work/tc" || fail "the ending is not headed by its title"
sed -n '/^room> history/,/^room> rewind/p' "$work/tc" > "$work/history"
grep -q '^Chapter 1: The Reluctant Supervisor$' "$work/history" && grep -q '^  1\. Say yes' "$work/history" &&
  grep -q '^  10\. ' "$work/history" && grep -q '^Chapter 2: Derailed$' "$work/history" &&
  grep -q '^  12\. ' "$work/history" || fail "history does not list every chapter's decisions: $(cat "$work/history")"
grep -q '^Carried over from the chapter before: Burnout [0-9]* ([0-9]* when chapter 1 ended)' "$work/tc" ||
  fail "the next chapter does not say what carried over: $(grep -A2 '^== Chapter 2' "$work/tc")"
# 8. the handout
sed -n '/<h2>What the articles advise<\/h2>/,/<\/ul>/p' "$handout" > "$work/advice"
grep -q '^<li>Decision 12 &middot; The first ninety days' "$work/advice" ||
  fail "the handout's advice leaves out chapter 2's decisions: $(cat "$work/advice")"
[ "$(grep -c '^<li>Decision [0-9]* &middot; ' "$work/advice")" = "$(grep -c '^<li>' "$work/advice")" ] ||
  fail "the handout's advice lists what is not a decision played: $(cat "$work/advice")"
grep -q '^<li>The room stopped before an ending, after 12 decisions, in chapter 2 of 4 (Derailed)\.</li>$' "$handout" ||
  fail "the handout does not say where the room's road stopped"
# 7. four pivotal decisions: 10-13, 13-17, 17-21, 21-25
[ "$(sed -n 's/^- \*\*\([0-9]*-[0-9]*\) min\*\*, decision .*/\1/p' "$md" | tr '\n' ' ')" = "10-13 13-17 17-21 21-25 " ] ||
  fail "the agenda's minutes are not shared evenly: $(grep 'min\*\*, decision' "$md")"

# 2. and 3. supervisor, a room of 30: 41 2 0 questioned and taken (yes), rewind 1, 24 4 2 (the
# same choice: no other road); 19 9 2 then fix 18 10 2; undo and 14 14 2 (a tie: x refused,
# then 2); 50 2 0 questioned, typed again as 20 8 2
printf '41 2 0\nyes\nrewind 1\nhelp\n24 4 2\n19 9 2\nfix 18 10 2\nundo\n14 14 2\nx\n2\n50 2 0\n20 8 2\nend\n' |
  "$ladder" workshop supervisor --session F --participants 30 --ui term --out "$work/f" \
    > "$work/tf" 2>&1 || { cat "$work/tf"; fail "ladder workshop supervisor failed"; }
md=$(ls "$work"/f/*.md)
grep -q 'other roads\? the room explored' "$md" &&
  fail "a rewind that took the same choice again counts as another road: $(grep 'explored' "$md")"
grep -q '^## Roads not taken' "$md" && fail "a corrected vote left a road not taken"
grep -q '41, 2, 0\|50, 2, 0\|19, 9, 2\|18, 10, 2' "$md" && fail "a vote typed wrong or taken back is still in the debrief: $(grep 'Votes' "$md")"
grep -q '^Votes: 24, 4, 2 (30 voted' "$md" || fail "decision 1's corrected vote: $(grep 'Votes' "$md")"
grep -q '^Votes: 14, 14, 2 (30 voted' "$md" || fail "decision 2's vote after undo: $(grep 'Votes' "$md")"
grep -q '^Votes: 20, 8, 2 (30 voted' "$md" || fail "decision 3's vote typed again: $(grep 'Votes' "$md")"
grep -q '^Decision 2 taken back: its vote is out of the record\. Vote again\.$' "$work/tf" ||
  fail "fix/undo does not say what it did"
grep -q '^  fix 4 2 0 ' "$work/tf" && grep -q '^  undo ' "$work/tf" || fail "help does not name fix and undo"
grep -q '"fix 4 2 0" or "undo"' "$work/tf" || fail "the prompt does not name fix and undo"
grep -q '^43 votes from a room of 30: type the votes again, or "yes" to take them: yes$' "$work/tf" ||
  fail "a total far above the room's size is not questioned: $(grep 'votes from' "$work/tf")"
grep -q '^52 votes from a room of 30: type the votes again, or "yes" to take them: 20 8 2$' "$work/tf" ||
  fail "a total far above the room's size cannot be typed again: $(grep 'votes from' "$work/tf")"
grep -q 'votes from a room of 30: .*24 4 2\|from a room of 30: 14 14 2' "$work/tf" && fail "a total within the room is questioned"
grep -q '^A tie between 1 and 2\. Facilitator, your call: x$' "$work/tf" || fail "the tie prompt: $(grep 'A tie' "$work/tf")"
grep -q '^Type the number of one of the options that tied: 1 and 2\.$' "$work/tf" ||
  fail "a refused reply at a tie is not explained"
grep -q '^{"undo":2}$' "$work"/f/*.journal || fail "undo is not journaled"
printf 'end\n' | "$ladder" workshop supervisor --session F --ui term --out "$work/f" --continue \
  > "$work/tf2" 2>&1 || { cat "$work/tf2"; fail "--continue after undo failed"; }
grep -q 'at decision 4 with every vote so far' "$work/tf2" || fail "--continue after undo: $(head -1 "$work/tf2")"
grep -q '^Votes: 14, 14, 2 (30 voted' "$md" || fail "--continue lost the vote after undo"
grep -q '^## Roads not taken' "$md" && fail "--continue made a road of the corrected vote"
# a rewind to 1 that takes the same choice there and another at 2 is a road from decision 2
printf '9 1\n5 5\n1\n2 8\nrewind 1\n8 2\n1 9\n2\n8 2\nend\n' |
  "$ladder" workshop tests/fixtures/good/office --ui term --out "$work/of" > "$work/tof" 2>&1 ||
  { cat "$work/tof"; fail "ladder workshop office (same choice, then another) failed"; }
grep -q '^### Explored after the ending, from decision 2: ' "$work"/of/*.md ||
  fail "a road that parts at decision 2 is said to part elsewhere: $(grep '^### [LE]' "$work"/of/*.md)"
# 3. no name: the vocative is left out; --player gives one
tr '\n' ' ' < "$work/tf" | grep -q 'what that team looks after\. Will you' ||
  fail "the room is given a name: $(grep -A1 'You built half' "$work/tf")"
grep -q 'the room\.' "$work/tf" && grep -q 'looks after, the room' "$work/tf" && fail "the room is called 'the room'"
printf 'end\n' | "$ladder" workshop supervisor --player Alex --ui term --out "$work/g" > "$work/tg" 2>&1
tr '\n' ' ' < "$work/tg" | grep -q 'looks after, Alex\. Will you' || fail "--player does not name the player"

# 4. prompts: a story with a one-option decision, then three options
mkdir "$work/one"
cat > "$work/one/story.lua" <<'LUA'
story {
  id = "one", title = "One Way", start = "door", summary = "A door with one way through.",
  stats = { { id = "trust", label = "Trust", start = 50 } },
}
scene "door" {
  text = "The server room's door is open and the alarm is off.",
  choice { "Go in", id = "in", go = "rack" },
}
scene "rack" {
  text = "The rack hums.",
  choice { "Reboot it", id = "reboot", go = "done" },
  choice { "Call Ruth", id = "call", go = "done" },
  choice { "Leave it", id = "leave", go = "done" },
}
ending "done" { title = "Done", verdict = "good", text = "The hum stops." }
LUA
printf '30\n7\n0 0 30\nend\n' |
  "$ladder" workshop "$work/one" --ui term --out "$work/o" > "$work/to" 2>&1 ||
  { cat "$work/to"; fail "ladder workshop one failed"; }
grep -q '^The room: 30 for 1\. Option 1 it is\.$' "$work/to" ||
  fail "a lone number at a one-option decision is not its votes: $(grep -A1 '^room> 30' "$work/to")"
grep -q '^There is no option 7 here\. Type the votes for each of the 3 options in order (e\.g\. "4 2 0"), or one option.s number to pick it' "$work/to" ||
  fail "a number that is no option does not say what is expected: $(grep -A1 '^room> 7' "$work/to")"

# 10. supervisor's crossroads, come back to after lunch with Ruth: its question again
printf 'pick 1\npick 1\npick 1\npick 1\npick 1\npick 1\npick 2\npick 1\nend\n' |
  "$ladder" workshop supervisor --ui term --out "$work/x" > "$work/tx" 2>&1 ||
  { cat "$work/tx"; fail "ladder workshop (crossroads) failed"; }
grep -q '^For the room (asked at decision 7 too: has the answer changed?): Which of the' "$work/tx" ||
  fail "the question asked again is not said to be: $(grep '^For the room' "$work/tx")"

# 5. at 60 columns: supervisor's decision 2 (choices of 59 to 103 characters)
printf 'pick 1\nend\n' | COLUMNS=60 "$ladder" workshop supervisor --ui term --out "$work/w" > "$work/tw" 2>&1 ||
  { cat "$work/tw"; fail "ladder workshop at 60 columns failed"; }
sed -n '/^== Decision 2/,/^Enter the votes/p' "$work/tw" > "$work/tw2"
awk '/^Enter the votes/ { inside = 0 } /^  [0-9]\. |^     [^ ]|^For the room:/ { inside = 1 } inside && length > 60 { bad = 1; print }
  END { exit bad }' "$work/tw2" || fail "a choice or the question runs past 60 columns"
grep -q '^  2\. Hold design reviews every Thursday, and pair Ruth and$' "$work/tw2" ||
  fail "a long choice is not wrapped at a word: $(grep '^  2\.' "$work/tw2")"
grep -q '^     Marco on the Bridge until they can run it without you$' "$work/tw2" ||
  fail "a choice's next line is not under its text"
grep -q '^For the room: What do you hold on to at work because it is$' "$work/tw2" ||
  fail "the question for the room is not wrapped: $(grep '^For the room' "$work/tw2")"

# 7. the most divided vote: 14/14/2 (a tie, 1), 9/11/10, 12/12/6 (a tie, 1); and one decision
printf '14 14 2\n1\n9 11 10\n12 12 6\n1\nend\n' |
  "$ladder" workshop supervisor --session P --ui term --out "$work/p" > "$work/tp" 2>&1 ||
  { cat "$work/tp"; fail "ladder workshop (divided votes) failed"; }
grep -q '^- \*\*[0-9-]* min\*\*, decision 2: .*(a split vote' "$work"/p/*.md ||
  fail "the most divided vote (9/11/10) is not on the agenda as split: $(grep 'min\*\*, decision' "$work"/p/*.md)"
grep -q '^Picked because the room was split, 9, 11, 10 (30 voted' "$work"/p/*.md || fail "9/11/10 is not why decision 2 was picked"
printf '9 1\nend\n' | "$ladder" workshop tests/fixtures/good/office --ui term --out "$work/q" > "$work/tq" 2>&1 ||
  { cat "$work/tq"; fail "ladder workshop office failed"; }
grep -q '^- \*\*5-10 min\*\*, what happened: 1 decision;' "$work"/q/*.md || fail "'1 decisions': $(grep '5-10 min' "$work"/q/*.md)"

echo "room fixes ok"
