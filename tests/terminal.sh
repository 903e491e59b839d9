#!/bin/sh
# tests/terminal.sh -- infocoach practice in a real terminal, under tmux:
# the host answers, Tab completes, Ctrl-C clears the line and the session
# goes on, Ctrl-D ends with the report, and the transcript is complete
# and private.  Polls the screen with a deadline; no fixed sleeps.
. "${TOP_SRCDIR:-$(dirname "$0")/..}/tests/lib.sh"

if ! command -v tmux >/dev/null 2>&1; then
	echo "1..0 # SKIP tmux is not installed"
	exit 0
fi

sock="infocoach-test-$$"
. "$TOP_SRCDIR/tests/tmux.sh"

# A second session, 'keep', holds the tmux server up between the test
# windows: a server whose last session is killed exits, and a window
# opened at that moment could be lost with it.
T new-session -d -s keep 'sleep 3600'

tr="$TEST_HOME/sessions/t.md"
window 100 40 \
	"env INPUTRC=/dev/null TERM=xterm HOME='$TEST_HOME' XDG_STATE_HOME='$TEST_HOME/state' \
	 '$INFOCOACH' --seed 7 --transcript '$tr'; echo EXITED \$?; sleep 30"

wait_for '^you>$'
ok $? "the host opens and the prompt appears"

T send-keys -t t 'I am curious about operations work.' Enter
wait_for 'lead the way\|pitch things' 
ok $? "the host acknowledges the user's answer"

T send-keys -t t 'What does a typical week look like for you?' Enter
wait_for '^Dolores: .*\(morning\|Monday\|week\|day\)'
ok $? "a host reply appears"

T send-keys -t t '/he' Tab
wait_for '^you> /help'
ok $? "Tab completes /he to /help"
T send-keys -t t Enter
wait_for 'Commands:'
ok $? "/help lists the commands"

T send-keys -t t 'Are you hir'
wait_for '^you> Are you hir'
T send-keys -t t C-c
wait_for '\^C'
prompt_is() { [ "$(prompt_line)" = "$1" ]; }
wait_until 10 t prompt_is "you>"
ok $? "Ctrl-C clears the half-typed line and the prompt returns"
T send-keys -t t '/time' Enter
wait_for 'Time used:'
ok $? "the session goes on after Ctrl-C"

# A trailing backslash continues the turn on the next line.
T send-keys -t t 'How did you get into \' Enter
wait_for '^\.\.\.>'
ok $? "a trailing backslash gives a continuation prompt"
T send-keys -t t 'this line of work?' Enter
wait_for '^you>$'
# A bracketed paste of two lines is one turn.
T set-buffer "What do you enjoy most
about your work?"
T paste-buffer -p -t t
T send-keys -t t Enter
wait_for '^you>$'

T send-keys -t t 'Who else would you suggest I talk to?' Enter
wait_for 'Good closing question'
ok $? "the coach notices the referral question"

T send-keys -t t C-d
wait_for 'Report: your conversation'
ok $? "Ctrl-D prints the report"
wait_for 'EXITED 0'
ok $? "the program exits with status 0"

grep -q '\*\*[0-9:.]* you:\*\* What does a typical week look like for you?' "$tr"
ok $? "the transcript holds the user's question"
grep -q '\*\*[0-9:.]* Dolores Whitfield:\*\*' "$tr"
ok $? "the transcript holds the host's replies"
grep -q '\*\*[0-9:.]* you:\*\* Who else would you suggest I talk to?' "$tr"
ok $? "the transcript holds the last turn"
grep -q 'you:\*\* How did you get into \\nthis line of work?' "$tr"
ok $? "the continued line is one turn in the transcript"
grep -q 'you:\*\* What do you enjoy most\\nabout your work?' "$tr"
ok $? "the bracketed paste of two lines is one turn in the transcript"
! grep -q 'Are you hir' "$tr"
ok $? "the cancelled line is not in the transcript"
[ "$(stat -c %a "$tr")" = 600 ]
ok $? "the transcript is mode 0600"
[ "$(stat -c %a "$(dirname "$tr")")" = 700 ]
ok $? "its new directory is mode 0700"
[ -f "$TEST_HOME/sessions/t.thanks.txt" ] && grep -q '^Dear Dolores' "$TEST_HOME/sessions/t.thanks.txt"
ok $? "the thank-you draft is saved beside the transcript"
h="$TEST_HOME/state/infocoach/history"
[ -f "$h" ] && [ "$(stat -c %a "$h")" = 600 ] && grep -q 'typical week' "$h"
ok $? "the history is saved, mode 0600"

# Two sessions at once share the history file: each appends its own
# lines at the end.  A line typed with a leading space, and the same line
# twice in a row, are kept once or not at all, as shells do.
hist="$TEST_HOME/shared-history"
for w in h1 h2; do
	T new-session -d -s $w -x 100 -y 40 \
		"env INPUTRC=/dev/null TERM=xterm HOME='$TEST_HOME' XDG_STATE_HOME='$TEST_HOME/state' \
		 INFOCOACH_HISTORY='$hist' '$INFOCOACH' --seed 7 --no-transcript; echo EXITED \$?; sleep 30"
done
for w in h1 h2; do
	wait_in $w '^you>'
done
# Each line is answered before the next is typed, and both sessions
# have said all they will when they quit.
T send-keys -t h1 'What does a typical week look like for you?' Enter
wait_in h1 '^Dolores: '
T send-keys -t h2 'How did you get into this line of work?' Enter
wait_in h2 '^Dolores: '
T send-keys -t h2 'How did you get into this line of work?' Enter
wait_until 30 h2 eval '[ "$(T capture-pane -p -S -500 -t h2 | grep -c "^Dolores: ")" -ge 2 ]'
T send-keys -t h2 ' How much do you earn?' Enter
wait_in h2 '^you>  How much do you earn?'
wait_until 30 h2 eval 'T capture-pane -p -S -500 -t h2 | sed -n "/^you>  How much do you earn?/,\$p" | grep -q "^you>$"'
T send-keys -t h1 '/quit' Enter
wait_in h1 'EXITED 0'
T send-keys -t h2 '/quit' Enter
wait_in h2 'EXITED 0'
[ -f "$hist" ] && [ "$(grep -c 'typical week' "$hist")" = 1 ] && [ "$(grep -c 'get into this line' "$hist")" = 1 ] &&
    ! grep -q 'earn' "$hist" && [ "$(grep -c '^/quit$' "$hist")" = 2 ]
r=$?
[ $r -eq 0 ] || diag "the history:" "$(cat "$hist" 2>&1)"
ok $r "INFOCOACH_HISTORY: two sessions at once both keep their lines; no repeats, no line typed after a space"
T kill-session -t h1; T kill-session -t h2

# On a narrow terminal the report wraps between words, and a table row
# goes on under its own text column: the terminal never has to wrap.
window 64 40 \
	"env INPUTRC=/dev/null TERM=xterm HOME='$TEST_HOME' XDG_STATE_HOME='$TEST_HOME/state' \
	 '$INFOCOACH' --seed 7 --no-history --no-transcript; echo EXITED \$?; sleep 30"
wait_for '^you>$'
T send-keys -t t '/end' Enter
wait_for '^To redo what went wrong now (14 topics not asked)'
ok $? "after /end's report, /review is offered"
wait_for '^>$'
T send-keys -t t Enter
wait_for 'EXITED 0'
ok $? "Enter at the offer leaves, with status 0"
[ "$(T capture-pane -p -S - -t t | wc -l)" -eq "$(T capture-pane -p -J -S - -t t | wc -l)" ]
ok $? "64 columns: every line the program prints fits; none is wrapped by the terminal"
T capture-pane -p -S - -t t | sed -n '/^  Not touched yet:/,/^  Flags/p' > "$TEST_HOME/narrow"
grep -q '^                     [^ ]' "$TEST_HOME/narrow" && ! grep -q '^ \{5,20\}[^ ]' "$TEST_HOME/narrow"
ok $? "64 columns: an untouched topic's question goes on under its own column"
window 64 40 "'$INFOCOACH' report '$tr'; echo EXITED \$?; sleep 30"
wait_for 'EXITED 0'
T capture-pane -p -S - -t t | grep -q '^Report: your conversation with Dolores' &&
    [ "$(T capture-pane -p -S - -t t | wc -l)" -eq "$(T capture-pane -p -J -S - -t t | wc -l)" ]
ok $? "64 columns: 'infocoach report' wraps the report to the terminal too"

# The commands' lines hang too: /next under its question, /suggest's
# question on a line of its own, and a path too long for the line under
# the sentence that names it, never back at the margin.
printf '%s\n' "How do you see the industry changing over the next few years in your region?" \
    "Who else would you suggest I talk to?" > "$TEST_HOME/wrap-list.txt"
window 64 40 \
	"env INPUTRC=/dev/null TERM=xterm HOME='$TEST_HOME' XDG_STATE_HOME='$TEST_HOME/state' \
	 '$INFOCOACH' --seed 7 --no-history --questions '$TEST_HOME/wrap-list.txt' \
	 --transcript '$TEST_HOME/sessions/w.md'; echo EXITED \$?; sleep 30"
wait_for '^you>$'
T send-keys -t t '/next' Enter
wait_for '^Next on your list'
T send-keys -t t '/suggest workplace' Enter
wait_for 'you could ask:$'
T send-keys -t t '/quit' Enter
wait_for 'EXITED 0'
T capture-pane -p -S - -t t > "$TEST_HOME/hang"
r=1
grep -A1 '^Next on your list (line 1): How' "$TEST_HOME/hang" | tail -n 1 | grep -q '^ \{28\}[^ ]' &&
    grep -A1 '^On the culture, hours and pace of the workplace, you could ask:$' "$TEST_HOME/hang" | tail -n 1 |
    grep -q '^  [A-Z]' && grep -A1 '^Left the meeting\.' "$TEST_HOME/hang" | tail -n 1 | grep -q "^  $TEST_HOME/" &&
    r=0
[ $r -eq 0 ] || diag "the screen:" "$(cat "$TEST_HOME/hang")"
ok $r "64 columns: /next, /suggest and the transcript's path go on under their own text"

# check colours its findings on a terminal, as GCC does, unless NO_COLOR
# is set or TERM is dumb.
printf 'Are you hiring?\n' > "$TEST_HOME/colour.txt"
window 200 40 \
	"cd '$TEST_HOME'; env TERM=xterm '$INFOCOACH' check -q colour.txt; echo =; env TERM=xterm NO_COLOR=1 '$INFOCOACH' check -q colour.txt; echo =; env TERM=dumb '$INFOCOACH' check -q colour.txt; echo EXITED; sleep 30"
wait_for 'EXITED'
T capture-pane -e -p -t t > "$TEST_HOME/colour.screen"
ESC=$(printf '\033')
awk 'BEGIN { RS = "=\n" } NR == 1' "$TEST_HOME/colour.screen" | grep -q "colour.txt:1:1:.*${ESC}\[1m${ESC}\[31merror:"
ok $? "check on a terminal: 'error:' in bold red"
[ "$(awk 'BEGIN { RS = "=\n" } NR == 2 || NR == 3' "$TEST_HOME/colour.screen" | grep -c "$ESC")" -eq 0 ] &&
    [ "$(grep -c 'colour.txt:1:1: error: .*\[job-ask.hiring\]' "$TEST_HOME/colour.screen")" -eq 2 ]
ok $? "check on a terminal with NO_COLOR, or TERM=dumb: no colour"
printf 'format: 1\nid: x\n' > "$TEST_HOME/colour.yaml"
window 200 40 \
	"cd '$TEST_HOME'; env TERM=xterm '$INFOCOACH' validate colour.yaml; echo =; env TERM=xterm '$INFOCOACH' check --color never -f json no-such-file > /dev/null; echo EXITED; sleep 30"
wait_for 'EXITED'
T capture-pane -e -p -t t > "$TEST_HOME/colour.screen"
awk 'BEGIN { RS = "=\n" } NR == 1' "$TEST_HOME/colour.screen" | grep -q "colour.yaml:1:1:.*${ESC}\[1m${ESC}\[31merror:" &&
    [ "$(awk 'BEGIN { RS = "=\n" } NR == 2' "$TEST_HOME/colour.screen" | grep -c "$ESC")" -eq 0 ] &&
    grep -q '^infocoach: no-such-file: error: cannot open' "$TEST_HOME/colour.screen"
ok $? "diagnostics on a terminal's stderr are coloured too; check --color never keeps them plain"

# SIGTERM and SIGHUP mid-session: the program ends with 128+N after
# restoring the terminal, and the transcript holds every turn.
for sig in TERM HUP QUIT; do
	trs="$TEST_HOME/sig-$sig.md"
	window 100 40 \
		"env INPUTRC=/dev/null TERM=xterm HOME='$TEST_HOME' XDG_STATE_HOME='$TEST_HOME/state' \
		 '$INFOCOACH' --seed 7 --no-history --transcript '$trs'; echo EXITED \$?; stty -a | grep -o ' icanon\| -icanon'; sleep 30"
	wait_for '^you>$'
	T send-keys -t t 'What does a typical week look like for you?' Enter
	wait_for '^Dolores: '
	T send-keys -t t 'How did you get into'
	# The signal comes once the words are on the prompt line (read by
	# the program, not still on their way to it).
	wait_for '^you> How did you get into'
	pid=$(pgrep -n -f -- "--transcript $trs")
	kill -$sig "$pid"
	case $sig in TERM) want=143 ;; HUP) want=129 ;; QUIT) want=131 ;; esac
	wait_for "EXITED $want"
	ok $? "SIG$sig ends the session with status $want"
	T capture-pane -p -t t > "$TEST_HOME/sig-$sig.screen"
	! grep -q 'you> How did you get into\|get intoEXITED' "$TEST_HOME/sig-$sig.screen"
	r=$?
	[ $r -eq 0 ] || diag "the screen:" "$(cat "$TEST_HOME/sig-$sig.screen")"
	ok $r "SIG$sig: the half-typed line is cleared; what follows starts on a clean line"
	grep -q '\*\*[0-9:.]* you (unsent):\*\* How did you get into$' "$trs"
	ok $? "SIG$sig: the half-typed words are in the transcript as an unsent line"
	wait_for '^ icanon'
	ok $? "SIG$sig: the terminal is restored (canonical mode)"
	grep -q 'you:\*\* What does a typical week look like for you?' "$trs" &&
	    grep -q 'Dolores Whitfield:\*\*' "$trs"
	ok $? "SIG$sig: the transcript holds every completed turn"
done

# Ctrl-Z stops the program with the terminal given back; 'fg' brings it
# back with the half-typed line redrawn; a resize is survived.  Run from
# an interactive shell, which has job control as a user's would.
window 100 40 "env PS1='$ ' INPUTRC=/dev/null TERM=xterm HOME='$TEST_HOME' bash --norc --noprofile -i"
wait_for '^\$'
T send-keys -t t "XDG_STATE_HOME='$TEST_HOME/state' '$INFOCOACH' --seed 7 --no-history --transcript '$TEST_HOME/tstp.md'; echo EXITED \$?" Enter
wait_for '^you>$'
T send-keys -t t 'What does a typ'
wait_for '^you> What does a typ$'
T send-keys -t t C-z
wait_for 'Stopped'
ok $? "Ctrl-Z stops the program and the shell takes over"
T send-keys -t t 'stty -a | grep -o " icanon\| -icanon"' Enter
wait_for '^ icanon$'
ok $? "the terminal is given back in canonical mode while stopped"
T send-keys -t t 'fg' Enter
wait_for '^you> What does a typ$'
ok $? "fg redraws the half-typed line"
T resize-window -t t -x 80 -y 30 2>/dev/null || true
T send-keys -t t 'ical week look like for you?' Enter
wait_for '^Dolores: .*\(week\|Monday\|morning\)'   # not 'day': her opening question says 'today'
ok $? "after fg and a resize the question is finished and answered"
grep -q 'you:\*\* What does a typical week look like for you?' "$TEST_HOME/tstp.md"
ok $? "the question typed across the stop is one turn in the transcript"
T send-keys -t t '/quit' Enter
wait_for 'Left the meeting'
T send-keys -t t 'echo "FG=$?"' Enter
wait_for '^FG=0$'
ok $? "the session ends normally after all that (fg returns 0)"

# A real-time mock interview of 10 seconds: a notice falls due while a
# question is half typed, the half-typed text survives, and the session
# ends by itself after the grace (1 s) with the report.
window 100 50 \
	"env INPUTRC=/dev/null TERM=xterm HOME='$TEST_HOME' XDG_STATE_HOME='$TEST_HOME/state' \
	 '$INFOCOACH' mock --duration 10s --seed 7 --no-transcript --no-history; echo EXITED \$?; sleep 30"
wait_for '^\[1m left\] you>$'
ok $? "mock: the prompt shows the minutes left"
T send-keys -t t 'What does a typical'
wait_for '^\[1m left\] you> What does a typical$'
wait_for 'Half time'
ok $? "mock: the half-time notice appears while the user types"
# The prompt the notice redraws under it.
redrawn() { T capture-pane -p -t t | sed -n '/Half time/,$p' | grep 'you>' | tail -n 1 | sed 's/ *$//'; }
redrawn_is() { [ "$(redrawn)" = "$1" ]; }
wait_until 10 t redrawn_is "[1m left] you> What does a typical"
ok $? "mock: the half-typed question is still on the prompt line ($(redrawn))"
T send-keys -t t ' week look like for you?' Enter
wait_for '^you> \|^\[1m left\] you> What does a typical week look like for you?$'
ok $? "mock: the finished question is taken whole"
wait_for 'Report: your conversation'
ok $? "mock: the session ends by itself after the grace, with the report"
wait_for 'Score: [0-9]*/100'
ok $? "mock: the report has a score"
T capture-pane -p -S -300 -t t | grep -q 'the host ends the meeting'
ok $? "mock: the coach says the host ended it"
wait_for 'EXITED 0'
ok $? "mock: exit status 0"

# The hard stop with a question half typed, run from a shell as a user
# would: the meeting ends by itself, the line being typed is taken off
# the screen (no stale '[time up] you> ...' under or over the report),
# the shell's prompt comes back on a fresh, empty line, and the words
# are kept in the transcript as an unsent line the report mentions.
window 100 50 "env PS1='$ ' INPUTRC=/dev/null TERM=xterm HOME='$TEST_HOME' bash --norc --noprofile -i"
wait_for '^\$ *$'
trh="$TEST_HOME/hard-stop.md"
T send-keys -t t "XDG_STATE_HOME='$TEST_HOME/state' '$INFOCOACH' mock --duration 3s --seed 7 --no-history --transcript '$trh'" Enter
wait_for '^\[1m left\] you>$'
half='What does a typical week look like for someone who runs operations at a cooperative'
T send-keys -t t "$half"
wait_for "you> $half\$"
wait_for 'Report: your conversation'
ok $? "hard stop: the meeting ends by itself with the report"
# The shell's prompt after the report ('$ ', its blank trimmed by tmux);
# the one the program was started from is above the report.
after_report() { T capture-pane -p -S -500 -t t | sed -n '/^Report: your conversation/,$p' | grep -q "$1"; }
wait_until 30 t after_report '^\$$'
ok $? "hard stop: the shell's prompt comes back after the report"
T send-keys -t t 'echo "hi $?"'
wait_for '^\$ echo "hi \$?"$'
ok $? "hard stop: the shell's prompt starts on a fresh, empty line"
T send-keys -t t Enter
wait_for '^hi 0$'
ok $? "hard stop: the program exited with status 0"
T capture-pane -p -J -S - -t t > "$TEST_HOME/hard-stop.screen"
! sed -n '/^Report: your conversation/,$p' "$TEST_HOME/hard-stop.screen" | grep -q 'you>\|runs operations at a cooperative *$'
ok $? "hard stop: no stale prompt or half-typed words after the report"
# (The typed line is longer than the report's first line, so what was
# not cleared would show at its end.)
[ "$(grep -c 'Report: your conversation' "$TEST_HOME/hard-stop.screen")" -eq 1 ] &&
    grep -qx 'Report: your conversation with Dolores Whitfield, Operations manager at Brightwater Cooperative *' \
    "$TEST_HOME/hard-stop.screen"
ok $? "hard stop: the report starts on a line of its own, nothing left of the typed line"
grep -q '^  Not sent: "What does a typical week look like' "$TEST_HOME/hard-stop.screen"
ok $? "hard stop: the report mentions the words typed but not sent"
grep -q "^\*\*[0-9:.]* you (unsent):\*\* $half\$" "$trh" && ! grep -q "^\*\*[0-9:.]* you:\*\* What does" "$trh"
ok $? "hard stop: the transcript keeps them as an unsent line, not as said"
"$INFOCOACH" report "$trh" > "$TEST_HOME/hard-stop.report" 2>&1 &&
    grep -q "^  Not sent: \"$half\"" "$TEST_HOME/hard-stop.report" &&
    grep -q 'lines said: 0' "$TEST_HOME/hard-stop.report"
ok $? "hard stop: 'infocoach report' reads the unsent line and does not count it as said"

# A follow-up and a clarification in a real terminal: "why?" gets the
# reason behind the reply just given, and a word the host used is
# explained from the persona's glossary.
window 100 50 \
	"env INPUTRC=/dev/null TERM=xterm HOME='$TEST_HOME' XDG_STATE_HOME='$TEST_HOME/state' \
	 '$INFOCOACH' --bank nursing --persona annette --seed 4 --no-transcript --no-history; echo EXITED \$?; sleep 30"
wait_for '^you>$'
T send-keys -t t 'how did you get into nursing?' Enter
wait_for 'grandmother had a long illness'
ok $? "nursing: the question about her path gets its reply"
T send-keys -t t 'why?' Enter
wait_for 'give other families that same'
ok $? "nursing: 'why?' gets the reason behind that reply, not another story"
T send-keys -t t "sorry, whats a charge nurse?" Enter
wait_for 'nurse in charge of the whole unit'
ok $? "nursing: 'whats a charge nurse?' is explained from the glossary"
T send-keys -t t '/quit' Enter
wait_for 'EXITED 0'
ok $? "nursing: /quit leaves with status 0"


# A resize while a line is half typed redraws one prompt at the new width:
# the terminal has rewrapped the long line, and the first rows of it must
# not stay behind as a second prompt.
window 100 40 \
	"env INPUTRC=/dev/null TERM=xterm HOME='$TEST_HOME' XDG_STATE_HOME='$TEST_HOME/state' \
	 '$INFOCOACH' --seed 7 --no-history --no-transcript; echo EXITED \$?; sleep 30"
wait_for '^you>$'
T send-keys -t t 'What does a typical week look like for you and for the people on your team'
wait_for '^you> What does a typical week look like for you and for the people on your team$'
T resize-window -t t -x 50 -y 40
# A key typed after the resize is read after the redraw: wait for it.
T send-keys -t t ' today'
wait_for 'your team today$'
T capture-pane -p -t t > "$TEST_HOME/resized"
[ "$(grep -c '^you>' "$TEST_HOME/resized")" -eq 1 ] &&
    [ "$(sed -n '/^you>/,$p' "$TEST_HOME/resized" | sed '/^$/d' | tr -d '\n')" = \
      "you> What does a typical week look like for you and for the people on your team today" ]
r=$?
[ $r -eq 0 ] || diag "the screen:" "$(cat "$TEST_HOME/resized")"
ok $r "100 to 50 columns mid-line: one prompt, the line rewrapped under it"
T send-keys -t t C-u
wait_for '^you>$'

# /suggest <Tab> offers the topics as people read them, and takes either
# form typed.
T send-keys -t t '/suggest ' Tab Tab
wait_for '^.*industry trends'
T capture-pane -p -t t > "$TEST_HOME/offered"
grep -q 'typical day' "$TEST_HOME/offered" && grep -q 'mention name' "$TEST_HOME/offered" &&
    ! grep -q '_' "$TEST_HOME/offered" && ! grep -q '^/suggest' "$TEST_HOME/offered"
r=$?
[ $r -eq 0 ] || diag "the screen:" "$(cat "$TEST_HOME/offered")"
ok $r "/suggest <Tab><Tab> lists the topics as people read them (industry trends)"
T send-keys -t t 'industry_t' Tab
wait_for '^you> /suggest industry trends$'
ok $? "/suggest industry_t<Tab> completes to the words people read"
T send-keys -t t Enter
wait_for '^On how the field is changing'
ok $? "/suggest industry trends suggests a question on the field's changes"
T send-keys -t t '/suggest Typical' Tab
wait_for '^you> /suggest typical day$'
ok $? "/suggest Typical<Tab> completes whatever the case"
T send-keys -t t C-u '/quit' Enter
wait_for 'EXITED 0'

# The user's own list (--questions): Tab completes its questions, /next
# names the next one not asked, and the report says what was asked.
printf '%s\n' '# my list' 'Which trade fairs would you visit first in my place?' \
    'How does your team plan its week?' 'Who else would you suggest I talk to?' > "$TEST_HOME/own.txt"
window 100 50 \
	"env INPUTRC=/dev/null TERM=xterm HOME='$TEST_HOME' XDG_STATE_HOME='$TEST_HOME/state' \
	 '$INFOCOACH' --seed 5 --no-transcript --no-history --questions '$TEST_HOME/own.txt'; echo EXITED \$?; sleep 30"
wait_for '^you>$'
T send-keys -t t '/next' Enter
wait_for '^Next on your list (line 2): Which trade fairs'
ok $? "own list: /next names its first question"
# Tab Tab lists the list's unasked questions before the bank's, which
# alphabetically would come first ("How does a busy week...").
T send-keys -t t 'How does ' Tab Tab
wait_for '^How does your team plan its week?'
T capture-pane -p -S - -t t | sed -n '/^you> How does/,$p' | grep '^How does' > "$TEST_HOME/tabs"
r=1
[ "$(head -n 1 "$TEST_HOME/tabs")" = 'How does your team plan its week?' ] &&
    grep -q '^How does a busy week differ' "$TEST_HOME/tabs" && r=0
[ $r -eq 0 ] || diag "the matches:" "$(cat "$TEST_HOME/tabs")"
ok $r "own list: Tab lists the list's unasked questions first, then the bank's"
T send-keys -t t C-u 'Which trade' Tab
wait_for '^you> Which trade fairs would you visit first in my place?'
ok $? "own list: Tab completes a question of the list"
T send-keys -t t Enter
wait_for '^Dolores:'
T send-keys -t t '/end' Enter
wait_for '^  Your list (.*own.txt): [01] of 3 questions asked'
ok $? "own list: the report has its part on the list"
wait_for '^To redo what went wrong'
T send-keys -t t Enter
wait_for 'EXITED 0'
ok $? "own list: the session ends with status 0"

# /review in a real terminal: Tab completes it, the meeting ends with the
# report, then the flagged line comes back with a try> prompt; a better
# version is judged at once, Ctrl-C clears a half-typed try, Ctrl-D ends
# the review, and the tries are in the transcript.
rtr="$TEST_HOME/sessions/review.md"
window 100 50 \
	"env INPUTRC=/dev/null TERM=xterm HOME='$TEST_HOME' XDG_STATE_HOME='$TEST_HOME/state' \
	 '$INFOCOACH' --seed 7 --no-history --transcript '$rtr'; echo EXITED \$?; sleep 30"
wait_for '^you>$'
T send-keys -t t 'Are you hiring at the moment?' Enter
wait_for 'coach: job ask'
T send-keys -t t '/rev' Tab
wait_for '^you> /review'
ok $? "/review: Tab completes it"
T send-keys -t t Enter
wait_for '^Report: your conversation'
ok $? "/review: the meeting ends with the report first"
wait_for '^1 of [0-9]*\. At [0-9:]* you said: "Are you hiring at the moment?"'
ok $? "/review: the flagged line comes back, with why it hurt"
wait_for '^try>$'
ok $? "/review: a try> prompt"
T send-keys -t t 'Are you hir'
wait_for '^try> Are you hir'
T send-keys -t t C-c
wait_for '\^C'
wait_for '^try>$'
ok $? "/review: Ctrl-C clears a half-typed try"
T send-keys -t t 'How did people on your team get their start?' Enter
wait_for 'coach: Better: no longer a job ask'
ok $? "/review: a better version is judged at once"
wait_for '^2 of [0-9]*\. A topic you did not ask about'
T send-keys -t t C-d
wait_for '^Review stopped: 1 of [0-9]* put better; 1 skipped, [0-9]* not reached\.'
ok $? "/review: Ctrl-D ends the review with how it went"
wait_for 'EXITED 0'
ok $? "/review: the program exits with status 0"
grep -q '^## infocoach review$' "$rtr" && grep -q 'try:\*\* How did people on your team get their start?$' "$rtr" &&
    grep -q 'better:\*\* no longer a job ask' "$rtr" && ! grep -q 'Are you hir$' "$rtr"
ok $? "/review: the tries are appended to the transcript, the cleared one not"

# 'infocoach review FILE' in a terminal: the same walk-through on the
# session just held, appended as a second review, going on from what the
# first did not put better (the job ask was).
window 100 50 \
	"env INPUTRC=/dev/null TERM=xterm HOME='$TEST_HOME' XDG_STATE_HOME='$TEST_HOME/state' \
	 '$INFOCOACH' review '$rtr'; echo EXITED \$?; sleep 30"
wait_for '^Review of .*review.md: your practice session with Dolores'
ok $? "review FILE: says which session it reviews"
wait_for '(1 put better in an earlier review is' &&
    wait_for '^1 of [0-9]*\. A topic you did not ask about'
ok $? "review FILE: leaves out the job ask the first review put better"
wait_for '^try>$'
T send-keys -t t 'Any openings?' Enter
wait_for 'coach: Not yet: that is a job ask'
ok $? "review FILE: a try that misses is told so at once"
T send-keys -t t '/stop' Enter
wait_for '^Review stopped: 0 of [0-9]* put better; 1 not yet, [0-9]* not reached\.'
wait_for 'EXITED 0'
ok $? "review FILE: /stop ends it, status 0"
[ "$(grep -c '^## infocoach review$' "$rtr")" -eq 2 ]
ok $? "review FILE: a second review is appended"

# Tables fit the terminal they are shown in (its width; $COLUMNS is
# taken out of the environment): progress and banks in a window of 72
# columns, every line within it (-J joins the lines the terminal itself
# wrapped, so a line too long would show).
window 72 60 \
	"env -u COLUMNS TERM=xterm HOME='$TEST_HOME' '$INFOCOACH' progress --dir '$TOP_SRCDIR/tests/golden/progress-sessions/sessions'; echo EXITED \$?; sleep 30"
wait_for 'EXITED 0'
T capture-pane -p -J -S -200 -t t > "$TEST_HOME/progress.screen"
grep -q '^  1\. 20' "$TEST_HOME/progress.screen" && grep -q '^     file ' "$TEST_HOME/progress.screen" && grep -q '^Next: ' "$TEST_HOME/progress.screen" &&
    [ "$(sed 's/ *$//' "$TEST_HOME/progress.screen" | wc -L)" -le 72 ]
ok $? "progress fits a terminal of 72 columns"
window 72 60 \
	"env -u COLUMNS TERM=xterm HOME='$TEST_HOME' '$INFOCOACH' banks; echo EXITED \$?; sleep 30"
wait_for 'EXITED 0'
T capture-pane -p -J -S -300 -t t > "$TEST_HOME/banks.screen"
grep -q '^  persona ' "$TEST_HOME/banks.screen" && [ "$(sed 's/ *$//' "$TEST_HOME/banks.screen" | wc -L)" -le 72 ]
ok $? "banks fits a terminal of 72 columns"

done_testing
