#!/bin/sh
# hostile_test.sh LADDER SOURCE_DIR [--sanitized]: every hostile story ends with a message naming
# its file and exit status 1, within 5 s and 300 MB of memory, and writes nothing outside
# Ladder's own data folder.
#
# The stories: every tests/fixtures/broken/*.lua (loops, memory bombs, recursion, escapes from
# the sandbox, garbage; see their transcripts), plus paths that are not ordinary files and so
# cannot live in git: a 100 MB file, a FIFO, /dev/zero, /dev/urandom, a symlink loop, a
# dangling symlink, a folder whose story.lua is a folder, /proc/self/mem (it opens, but no read
# succeeds), and (unless run as root, who reads everything) a file and a folder without read
# permission.
#
# Each story is played in the terminal front end with a few choices piped in, and every broken
# fixture is also given to `ladder check` (which plays a story thousands of times), from an empty
# working folder, with HOME and the XDG folders in a scratch folder. Time and peak memory come
# from /usr/bin/time (the figures are printed); the files written come from strace when it is
# installed (every open for writing, creat, mkdir, rename, link, unlink, truncate), and else
# from a listing of the scratch and working folders. A run still going after 10 s is killed.
#
# --sanitized: the binary is built with ASan/UBSan, which is slower and maps shadow memory:
# the time limit becomes 20 s (killed after 20 s) and memory is not checked (the plain build
# checks both).
set -u
ladder=$1
src=$2
mode=${3:-}
max_s=5
max_mb=300
kill_s=10
if [ "$mode" = "--sanitized" ]; then
  max_s=20
  max_mb=0
  kill_s=20
fi
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)"; exit 1; }
work=$(mktemp -d /tmp/ladder-hostile-XXXXXX)
trap 'chmod -R u+rwx "$work" 2>/dev/null; rm -rf "$work"' EXIT
broken="$src/tests/fixtures/broken"
gen="$work/gen"
mkdir -p "$gen"

# ---- the cases that cannot be fixtures ----
truncate -s 100M "$gen/huge.lua"
mkfifo "$gen/fifo.lua"
ln -s "$gen/loop_b.lua" "$gen/loop_a.lua"
ln -s "$gen/loop_a.lua" "$gen/loop_b.lua"
ln -s "$gen/nowhere.lua" "$gen/dangling.lua"
mkdir -p "$gen/folder_story/story.lua"
if [ "$(id -u)" -ne 0 ]; then
  cp "$broken/../good/office/story.lua" "$gen/unreadable.lua"
  chmod 000 "$gen/unreadable.lua"
  mkdir -p "$gen/unreadable_dir"
  cp "$broken/../good/office/story.lua" "$gen/unreadable_dir/story.lua"
  chmod 000 "$gen/unreadable_dir"
fi

use_strace=0
if command -v strace > /dev/null 2>&1 && strace -f -qq -o /dev/null true 2> /dev/null; then
  use_strace=1
else
  echo "note: strace is not available; files written are checked by listing the folders"
fi

failures=0
worst_s=0
worst_mb=0
fail() {
  echo "FAIL: $case: $*"
  failures=$((failures + 1))
}

# run PATH NAME: `ladder $cmd PATH` and check the outcome; the message must contain NAME, the
# end of the path (Lua shortens a long path to its last 59 characters in its messages: "...r/x.lua:3:")
cmd=play
run() {
  path=$1
  want=$2
  case="$cmd $path"
  home="$work/run"
  rm -rf "$home"
  mkdir -p "$home/cwd" "$home/home" "$home/config" "$home/data"
  # the input: choose the first choice a few times, then the end of input
  printf '1\n1\n2\n1\n' > "$home/input"
  (
    cd "$home/cwd" || exit 99
    HOME="$home/home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" NO_COLOR=1 \
      COLUMNS=80 /usr/bin/time -f '%e %M' -o "$home/time" \
      timeout -s KILL $kill_s "$ladder" $cmd "$path" $opts < "$home/input" > "$home/out" 2>&1
    echo $? > "$home/status"
  )
  status=$(cat "$home/status")
  set -- $(tail -n 1 "$home/time") # "seconds max_kilobytes"
  secs=${1:-99}
  mb=$(( ${2:-0} / 1024 ))
  printf '  %-58s exit %-3s %6.2f s %5d MB\n' "$(echo "$path" | sed "s|^$src/||; s|^$work/||")" \
    "$status" "$secs" "$mb"
  if [ "$status" = 137 ]; then
    fail "still running after $kill_s s (killed)"
  elif [ "$status" != 1 ]; then
    fail "exit status $status, expected 1"
  fi
  if ! grep -qF "$want" "$home/out"; then
    fail "the message does not name $want"
    sed 's/^/    | /' "$home/out" | head -c 2000
  fi
  if awk -v s="$secs" -v m="$max_s" 'BEGIN { exit !(s > m) }'; then
    fail "took $secs s (limit $max_s s)"
  fi
  if [ "$max_mb" -gt 0 ] && [ "$mb" -gt "$max_mb" ]; then
    fail "used $mb MB (limit $max_mb MB)"
  fi
  worst_s=$(awk -v a="$worst_s" -v b="$secs" 'BEGIN { print (b > a) ? b : a }')
  [ "$mb" -gt "$worst_mb" ] && worst_mb=$mb
  # nothing outside the data folder: the working folder and the others stay empty
  extra=$(cd "$home" && find cwd home config -mindepth 1 2> /dev/null | head -5)
  [ -z "$extra" ] || fail "wrote outside the data folder: $extra"
  if [ $use_strace -eq 1 ] && [ "$status" != 137 ]; then
    (
      cd "$home/cwd" || exit 99
      HOME="$home/home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" NO_COLOR=1 \
        timeout -s KILL 60 strace -f -qq -o "$home/trace" \
        -e trace=open,openat,creat,mkdir,mkdirat,rename,renameat,renameat2,link,linkat,symlink,symlinkat,unlink,unlinkat,truncate,mknod,mknodat \
        "$ladder" $cmd "$path" $opts < "$home/input" > /dev/null 2>&1
    )
    # every path a call could have written: opens with a write flag or O_CREAT, and the rest
    grep -E 'open(at)?\(.*(O_WRONLY|O_RDWR|O_CREAT)|creat\(|mkdir|rename|link|unlink|truncate\(|mknod' \
      "$home/trace" | grep -v ' = -1 ' | grep -o '"[^"]*"' | tr -d '"' | sort -u > "$home/written"
    while read -r p; do
      case $p in
        "$home/data" | "$home/data/ladder" | "$home/data/ladder/"*) ;; # Ladder's data folder
        /dev/null | /dev/tty) ;;
        *) fail "wrote $p (outside $home/data/ladder)" ;;
      esac
    done < "$home/written"
  fi
  [ ! -e /tmp/ladder-sandbox-escaped ] || fail "/tmp/ladder-sandbox-escaped exists: a script escaped"
}

echo "hostile stories: exit status, seconds, peak memory (limits: $max_s s, ${max_mb} MB; 0: unchecked)"
rm -f /tmp/ladder-sandbox-escaped 2> /dev/null
echo "ladder play STORY --seed 1 --ui term (with a few choices piped in)"
opts="--seed 1 --ui term"
for f in "$broken"/*.lua; do
  run "$f" "broken/$(basename "$f")"
done
run "$broken/not_a_file" "not_a_file/story.lua"
run "$gen/huge.lua" "gen/huge.lua"
run "$gen/fifo.lua" "gen/fifo.lua"
run /dev/zero /dev/zero
run /dev/urandom /dev/urandom
run "$gen/loop_a.lua" "gen/loop_a.lua"
run "$gen/dangling.lua" "gen/dangling.lua"
run "$gen/folder_story" "folder_story/story.lua"
run /proc/self/mem /proc/self/mem # opens, but every read fails, even for root
if [ "$(id -u)" -ne 0 ]; then
  run "$gen/unreadable.lua" "gen/unreadable.lua"
  run "$gen/unreadable_dir" "gen/unreadable_dir"
else
  echo "  (running as root: the unreadable file and folder cases are skipped)"
fi
# the author's check plays a story thousands of times: a hostile one must not make it take
# minutes either
echo "ladder check STORY"
cmd=check
opts=""
for f in "$broken"/*.lua; do
  run "$f" "broken/$(basename "$f")"
done
# the control: strace must see a good game's autosave being written (else the check above is
# blind)
if [ $use_strace -eq 1 ]; then
  rm -rf "$work/run"
  mkdir -p "$work/run/cwd"
  (
    cd "$work/run/cwd" || exit 99
    printf '1\n' | HOME="$work/run" XDG_DATA_HOME="$work/run/data" strace -f -qq -o "$work/run/trace" \
      -e trace=open,openat,rename,renameat,renameat2 "$ladder" play "$src/tests/fixtures/good/office" \
      --seed 1 --ui term > /dev/null 2>&1
  )
  case=control
  grep -q 'autosave.json' "$work/run/trace" || fail "strace did not see the autosave of a good game written"
fi
echo "slowest: $worst_s s, most memory: $worst_mb MB"
if [ $failures -gt 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "all hostile stories ended promptly with a message naming the file"
