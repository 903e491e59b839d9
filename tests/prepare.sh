#!/bin/sh
# tests/prepare.sh -- 'infocoach prepare': for every shipped bank, several
# meeting lengths and several seeds, the list it writes passes 'infocoach
# check' with that bank and length without a single finding (not even an
# info); it has about one question for every two to three minutes, both
# tiers and the closing questions last, and no question that leans on
# one before it; the same seed gives the same
# list; and -o writes a private file atomically, never through a
# symbolic link.
. "${TOP_SRCDIR:-$(dirname "$0")/..}/tests/lib.sh"

T=$TEST_HOME
IC=$INFOCOACH
mkdir -p "$T/lists"

banks=$("$IC" banks --names)
[ "$(echo "$banks" | wc -l)" -ge 9 ]
ok $? "the shipped banks are found"

# Every bank, length and seed: made, then checked one check run per bank
# and length (all the seeds' lists at once).
made=0 bad=0 checked=0
for b in $banks; do
	for d in 10m 20m 25m 30m 45m 1h; do
		files=
		for s in 1 2 3 4 5; do
			f="$T/lists/$b-$d-$s.txt"
			if "$IC" prepare --bank "$b" --duration "$d" --seed "$s" -o "$f" 2> "$T/err" && [ ! -s "$T/err" ]; then
				made=$((made + 1))
			else
				bad=$((bad + 1))
				diag "prepare --bank $b --duration $d --seed $s failed:" "$(cat "$T/err")"
			fi
			files="$files $f"
		done
		# shellcheck disable=SC2086
		if "$IC" check --bank "$b" --duration "$d" --fail-on info -q $files > "$T/out" 2>&1; then
			checked=$((checked + 5))
		else
			bad=$((bad + 1))
			diag "check --bank $b --duration $d found something:" "$(head -n 5 "$T/out")"
		fi
	done
done
[ $bad -eq 0 ] && [ $made -eq $checked ] && [ $made -ge 270 ]
ok $? "$made lists made for every bank, length and seed pass check with no finding at all"

# No list holds a question that leans on one before it ("How are these
# changes affecting...?" once came alone in general's 10-minute lists).
cat "$T"/lists/*.txt | grep -v '^#' | grep -iE '^(and|also|then)\b|^[^,]*\b(these|those) [a-z]' |
    grep -viE '^[^,]*\b(these|those) (days|who|which|that|of)\b' > "$T/leaning"
[ ! -s "$T/leaning" ]
r=$?
[ $r -eq 0 ] || diag "questions that lean on one before:" "$(sort -u "$T/leaning")"
ok $r "no list has a question that leans on one before it, alone"

# The size: about one question per 2.5 minutes, within what check says fits.
count() { grep -cv '^#\|^$' "$1"; }
[ "$(count "$T/lists/general-10m-1.txt")" -eq 4 ] &&
    [ "$(count "$T/lists/general-25m-1.txt")" -eq 10 ] &&
    [ "$(count "$T/lists/general-30m-1.txt")" -eq 12 ] &&
    [ "$(count "$T/lists/general-1h-1.txt")" -eq 24 ]
ok $? "10m, 25m, 30m and 1h give 4, 10, 12 and 24 questions"

# The closing questions come last, whatever the bank: check's JSON names
# the categories of the last two questions.
last_ok=0
for b in $banks; do
	"$IC" check --bank "$b" --duration 25m --format json "$T/lists/$b-25m-3.txt" > "$T/json" 2>/dev/null
	cats=$(grep -o '"category": *"[a-z_]*"' "$T/json" | sed 's/.*"\([a-z_]*\)"$/\1/' | tail -n 2 | tr '\n' ' ')
	if [ "$cats" != "referrals mention_name " ]; then
		last_ok=1
		diag "$b: the list ends with: $cats"
	fi
	grep -q '"category": *"industry_trends"' "$T/json" || { last_ok=1; diag "$b: no industry question"; }
done
ok $last_ok "every bank's list ends with the referrals and then the host's name, and asks about the industry"

"$IC" prepare --bank teaching --duration 25m --seed 42 > "$T/a"
"$IC" prepare --bank teaching --duration 25m --seed 42 > "$T/b"
"$IC" prepare --bank teaching --duration 25m --seed 43 > "$T/c"
cmp -s "$T/a" "$T/b" && ! cmp -s "$T/a" "$T/c"
ok $? "the same seed gives the same list, another seed another"

head -n 1 "$T/a" | grep -q '^# Questions for an informational interview of 25m' &&
    grep -q '^# Check the list after each edit: infocoach check --bank teaching --duration 25m FILE$' "$T/a" &&
    grep -q '^# Made by: infocoach prepare --bank teaching --duration 25m --seed 42$' "$T/a"
ok $? "the comment at the top says how to check the list and how to make it again"

"$IC" prepare --bank teaching --duration 25m --seed 42 -o - > "$T/d"
cmp -s "$T/a" "$T/d"
ok $? "-o - writes to standard output, as no -o does"

# The lists but for the line naming the file.
same_list() { grep -v '^# Check the list' "$1" > "$1.x"; grep -v '^# Check the list' "$2" > "$2.x"; cmp -s "$1.x" "$2.x"; }

# Without a seed: a list that still passes, and the seed it used is
# written in it, so it can be made again.
"$IC" prepare --duration 20m -o "$T/r.txt" &&
    "$IC" check --duration 20m --fail-on info -q "$T/r.txt" &&
    seed=$(sed -n 's/^# Made by: .* --seed \([0-9]*\)$/\1/p' "$T/r.txt") && [ -n "$seed" ] &&
    "$IC" prepare --duration 20m --seed "$seed" -o "$T/r2.txt" && same_list "$T/r.txt" "$T/r2.txt"
ok $? "without --seed the list names its seed, which makes it again"

# -o: a private file, replaced atomically, in the file's own words.
cd "$T" || exit 99
"$IC" prepare --seed 1 -o list.txt > "$T/out" 2> "$T/err"
st=$?
[ $st -eq 0 ] && [ ! -s "$T/out" ] && [ ! -s "$T/err" ] && [ "$(stat -c %a list.txt)" = 600 ] &&
    grep -q '^# Check the list after each edit: infocoach check --bank general --duration 30m list.txt$' list.txt
ok $? "-o FILE writes a 0600 file, says nothing, and names the file in its comment"
echo old > keep.txt
ln -s keep.txt link.txt
"$IC" prepare --seed 1 -o link.txt > "$T/out" 2> "$T/err"
st=$?
[ $st -eq 3 ] && [ "$(cat keep.txt)" = old ] && [ -L link.txt ] &&
    grep -q "refusing to write the list through the symbolic link 'link.txt'" "$T/err"
ok $? "-o refuses a symbolic link (status $st) and leaves it and its target alone"
ln -s nowhere dangling.txt
"$IC" prepare --seed 1 -o dangling.txt 2> "$T/err"
st=$?
[ $st -eq 3 ] && [ -L dangling.txt ] && [ ! -e nowhere ]
ok $? "a dangling symbolic link is refused too (status $st)"
mkdir adir
"$IC" prepare --seed 1 -o adir 2> "$T/err"
st=$?
[ $st -eq 3 ] && grep -q "cannot write the list to 'adir': it is a directory" "$T/err"
ok $? "-o DIRECTORY: status 3 and a message"
[ -z "$(find "$T" -maxdepth 1 -name '.*.txt.*')" ]
ok $? "no temporary file is left behind"
"$IC" prepare --seed 1 -o list.txt && "$IC" prepare --seed 2 -o list.txt &&
    "$IC" prepare --seed 2 -o list2.txt && same_list list.txt list2.txt
ok $? "an existing file is replaced by the new list"
"$IC" prepare --seed 1 > /dev/full 2> "$T/err"
st=$?
[ $st -eq 3 ] && grep -q 'cannot write the list to standard output: No space left on device' "$T/err"
ok $? "a full standard output is status 3 with the reason"
"$IC" prepare --seed 1 -o /dev/null > "$T/out" && [ ! -s "$T/out" ]
ok $? "-o /dev/null writes nothing, as /dev/null means everywhere"

done_testing
