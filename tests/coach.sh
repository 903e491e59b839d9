#!/bin/sh
# tests/coach.sh -- the coach's job-ask and pay flags on the phrasings of
# tests/coach/phrasings.tsv: lines that must pass (what an organisation
# makes or sells, how it earns its money, taking on pupils or clients)
# and the near misses that must still be flagged (a role's pay, the
# host's pay, taking on staff).  One TAP line per row, through 'check',
# which judges a line with the same code as practice and mock.  Then
# practice's closed-question note, said once a session.
. "${TOP_SRCDIR:-$(dirname "$0")/..}/tests/lib.sh"

rows=$TOP_SRCDIR/tests/coach/phrasings.tsv
T=$TEST_HOME
# The lines, at the row's own line number (other rows left blank).
awk -F'\t' '/^#/ || NF < 2 { print ""; next } { print $2 }' "$rows" > "$T/lines.txt"
"$INFOCOACH" check --fail-on never "$T/lines.txt" > "$T/out" 2> "$T/err"
ok $? "check reads the phrasings"

# Per line: the job-ask and pay flags, as "kind:severity" words.
sed -n 's/^[^:]*:\([0-9]*\):[0-9]*: \([a-z]*\): .*\[\([a-z]*\)[-.][^]]*\]$/\1 \3 \2/p' "$T/out" |
	awk '$2 == "job" { print $1, "job_ask:" $3 } $2 == "salary" { print $1, "salary:" $3 }' > "$T/flags"

n=0
while IFS='	' read -r want text; do
	n=$((n + 1))
	case $want in '' | '#'*) continue ;; esac
	got=$(awk -v n="$n" '$1 == n { printf "%s%s", sep, $2; sep = "+" }' "$T/flags")
	case $want in
	ok) [ -z "$got" ] ;;
	job_ask) case $got in *job_ask:*) true ;; *) false ;; esac ;;
	salary) case $got in *salary:*) true ;; *) false ;; esac ;;
	salary:*) case $got in *"$want"*) true ;; *) false ;; esac ;;
	*) false ;;
	esac
	ok $? "phrasings.tsv:$n: \"$text\" is $want (got ${got:-no flag})"
done < "$rows"

# Practice explains a closed question once; later ones are counted (the
# events' flags, /flags, the report) without a remark.
printf '%s\n' 'do you enjoy it?' 'do u still work with him?' 'is it stressful?' /flags /end |
	INFOCOACH_TEST_CLOCK=30s "$INFOCOACH" practice --seed 1 --no-transcript --events "$T/ev" > "$T/session" 2>&1
ok $? "a practice session with three yes/no questions"
[ "$(grep -c 'coach: closed question' "$T/session")" -eq 1 ] && grep -q 'The coach says this once' "$T/session"
ok $? "the coach remarks on the first closed question only, and says so"
[ "$(grep -c 'info \[closed.yes-no\] "' "$T/session")" -eq 6 ]
ok $? "/flags and the report list all three"
[ "$(grep -c '"flags": \["closed.yes-no"\]' "$T/ev")" -eq 3 ] &&
	[ "$(grep -c '"flags": \["closed.yes-no"\], "reply": .*"coach": \[\]}$' "$T/ev")" -eq 2 ]
ok $? "each event names the flag; the coach's words are in the first only"
done_testing
