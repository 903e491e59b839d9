#!/bin/sh
# tests/season.sh -- the README's walk-through "A season of informational
# interviews", run as written: every command of its block, in order, in a
# fresh home, with scripted lines on standard input for the two commands
# that read them (practice and review).  Each must succeed, and together
# they must make a list that checks clean, a session with a review, and a
# progress listing that shows it.
. "${TOP_SRCDIR:-$(dirname "$0")/..}/tests/lib.sh"

T=$TEST_HOME
readme="$TOP_SRCDIR/README.md"
sed -n '/^<!-- season: /,/^<!-- \/season -->$/p' "$readme" | grep '^infocoach ' > "$T/commands"
[ "$(cut -d ' ' -f 2 "$T/commands" | tr '\n' ' ')" = "prepare check practice review progress " ]
ok $? "the README's season block goes prepare, check, practice, review, progress"

cd "$T" || exit 1
n=0
while IFS= read -r line; do
	n=$((n + 1))
	words=${line#infocoach }
	cmd=${words%% *}
	case $cmd in
	practice)
		# The first two questions of the list, a slip, then the end.
		{ grep -v '^#' questions.txt | grep . | head -n 2; echo "Are you hiring at the moment?"; echo /end; } > "$T/in" ;;
	review)
		printf '%s\n' "How did people on your team get their start?" /stop > "$T/in" ;;
	*)
		: > "$T/in" ;;
	esac
	eval "set -- $words"
	timeout 30 "$INFOCOACH" "$@" < "$T/in" > "$T/out.$n" 2> "$T/err.$n"
	st=$?
	[ $st -eq 0 ] && [ ! -s "$T/err.$n" ]
	r=$?
	[ $r -eq 0 ] || diag "$line: status $st" "$(cat "$T/err.$n")"
	ok $r "README season step $n runs: $line"
done < "$T/commands"

grep -q '^Review: ' "$T/out.4" && grep -q 'job ask, error \[job-ask' "$T/out.4" &&
    grep -q '^  coach: Better: no longer a job ask' "$T/out.4"
ok $? "the review takes the session just held and judges the better version"
[ "$(cat "$T/out.2")" = "0 errors, 0 warnings and 0 infos in 1 file (10 questions checked)" ]
ok $? "the prepared list checks clean"
grep -q '^Sessions, in the order held (1):' "$T/out.5" && grep -q 'practice  nursing/' "$T/out.5"
ok $? "progress lists the session"
grep -q '^## infocoach review$' "$XDG_STATE_HOME"/infocoach/sessions/*.md
ok $? "the session's transcript holds the review"

done_testing
