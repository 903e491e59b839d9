#!/bin/sh
# tests/report-layout.sh -- the report's layout on a terminal, at 50, 70,
# 90 and 100 columns (tmux): the program wraps every line itself (the
# terminal never has to), items are indented under their heading, and a
# wrapped line goes on under its own text: a table row in its last
# column, a quoted line inside its quotation marks, a labelled line after
# its label.  Polls the screen with a deadline; no fixed sleeps.
. "${TOP_SRCDIR:-$(dirname "$0")/..}/tests/lib.sh"

if ! command -v tmux >/dev/null 2>&1; then
	echo "1..0 # SKIP tmux is not installed"
	exit 0
fi

sock="infocoach-layout-$$"
. "$TOP_SRCDIR/tests/tmux.sh"
T new-session -d -s keep 'sleep 3600'

# A session with every kind of line the report has: long flagged lines,
# a line not counted, a closing question, a timed meeting's pacing.
tr="$TEST_HOME/layout.md"
printf '%s\n' "What about weekends?" "what about the paperwork" "How much do you make?" \
	"What do entry-level people usually earn in this field?" "Are you hiring at the moment?" \
	"Could you pass my resume on to your hiring manager so that they can consider me for any opening that comes up soon?" \
	"How is the field doing with all the new stuff?" "Who else would you suggest I talk to?" "/end" |
	"$INFOCOACH" mock --duration 20m --seed 1 --transcript "$tr" >/dev/null 2>&1
ok $? "a mock session to report on"

# check_layout WHOLE SCREEN COLS: print every line of the report on the
# screen (SCREEN, wrapped by the program at COLS) that breaks the layout,
# against the same report with whole lines (WHOLE).  A screen line either
# starts a line of WHOLE or goes on with the one before it, and then it
# starts where that line's text does: a row of "Not touched yet:" at its
# question (column 22), its topic of one word or two ("entry path"), a
# line ending in a quotation inside the quotation marks, a labelled line
# ("  Closing: ...") after its label, anything else
# at its own indent.  A hanging indent leaves 20 columns at least and is
# at most 40.
check_layout() {
	awk -v cols="$3" '
	function indent(s) { match(s, /^ */); return RLENGTH }
	function hang_for(s,    lim, q, c) {
		lim = cols - 20; if (lim > 40) lim = 40
		if (table && s ~ /^    [a-z_]+( [a-z_]+)?  +[^ ]/) return 21
		if (s ~ /"$/) {
			q = index(s, "\"")
			if (q < length(s) && (q == indent(s) + 1 || substr(s, q - 1, 1) == " ") && q <= lim)
				return q
		}
		if (match(s, /^ *(Report|Time used|Questions counted|Not counted \([0-9]+\)|Not sent|By topic|Closing|Next time, close with|And ask|[0-9]+ lines? in [0-9:]+|Time by tier|Referrals|Permission to use their name|Score): /)) {
			c = RLENGTH
			if (c <= lim) return c
		}
		return indent(s)
	}
	function bad(why) { printf "screen line %d: %s: [%s]\n", FNR, why, $0 }
	NR == FNR { whole[++n] = $0; next }
	{
		nxt = whole[k + 1]
		if (k < n && substr(nxt, 1, length($0)) == $0 &&
		    (length($0) == length(nxt) || substr(nxt, length($0) + 1, 1) == " ")) {
			k++
			if ($0 ~ /^  [A-Z]/ || $0 ~ /^[A-Z]/) table = ($0 ~ /^  Not touched yet:$/)
			want = hang_for(nxt)
			if (length(nxt) > length($0)) wraps[want == indent(nxt) ? "plain" : "hung"] = 1
			next
		}
		if (k == 0) { bad("before the report"); next }
		if (indent($0) != want)
			bad("goes on at column " indent($0) + 1 ", not under its text at column " want + 1)
	}
	END {
		if (k != n) printf "the screen ends at line %d of %d of the report\n", k, n
		if (cols == 50 && !wraps["hung"]) print "no line wrapped with a hanging indent at 50 columns"
	}' "$1" "$2"
}

"$INFOCOACH" report "$tr" > "$TEST_HOME/whole"
[ "$(grep -c '^    error \[' "$TEST_HOME/whole")" = 3 ] && grep -q '^  Not counted (1)' "$TEST_HOME/whole"
ok $? "the report has flagged lines and a line not counted to lay out"

for cols in 50 70 90 100; do
	window "$cols" 200 "'$INFOCOACH' report '$tr'; echo EXITED \$?; sleep 30"
	wait_for 'EXITED 0'
	T capture-pane -p -S - -t t > "$TEST_HOME/screen"
	[ "$(T capture-pane -p -S - -t t | wc -l)" -eq "$(T capture-pane -p -J -S - -t t | wc -l)" ]
	ok $? "$cols columns: every line fits; the terminal wraps none"
	sed -n '/^Report: /,/^EXITED 0$/p' "$TEST_HOME/screen" | sed '$d' > "$TEST_HOME/report"
	check_layout "$TEST_HOME/whole" "$TEST_HOME/report" "$cols" > "$TEST_HOME/bad"
	[ -s "$TEST_HOME/report" ] && [ ! -s "$TEST_HOME/bad" ]
	r=$?
	[ $r -eq 0 ] || diag "$(cat "$TEST_HOME/bad")" "the report:" "$(cat "$TEST_HOME/report")"
	ok $r "$cols columns: items under their heading, wrapped lines under their own text"
	grep -q '^    error \[job-ask.resume\] "Could you pass' "$TEST_HOME/report" &&
	    grep -q '^    "what about the paperwork"$' "$TEST_HOME/report"
	ok $? "$cols columns: flag items and lines not counted are indented under their heading"
done

# The command table of /help wraps inside its last column too.
for cols in 50 70; do
	window "$cols" 60 "env INPUTRC=/dev/null TERM=xterm '$INFOCOACH' --seed 7 --no-history --no-transcript; \
	    echo EXITED \$?; sleep 30"
	wait_for '^you>$'
	T send-keys -t t '/help' Enter
	wait_for '^Anything else you type'
	T capture-pane -p -S - -t t | sed -n '/^Commands:/,/^Anything else/p' | sed '1d;$d' > "$TEST_HOME/help"
	awk '/^  \// { next } { match($0, /^ */) } RLENGTH == 24 { w = 1; next }
	    { print "out of its column: [" $0 "]" }
	    END { if (!w && c == 50) print "no row wrapped at 50 columns" }' c="$cols" \
	    "$TEST_HOME/help" > "$TEST_HOME/bad"
	[ -s "$TEST_HOME/help" ] && [ ! -s "$TEST_HOME/bad" ]
	r=$?
	[ $r -eq 0 ] || diag "$(cat "$TEST_HOME/bad")" "/help:" "$(cat "$TEST_HOME/help")"
	ok $r "$cols columns: /help's rows wrap inside their last column"
	T send-keys -t t '/quit' Enter
	wait_for 'EXITED 0'
done

done_testing
