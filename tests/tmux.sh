# tests/tmux.sh -- tmux helpers for the terminal tests (sourced after
# lib.sh, with $sock set to a socket name of the test's own): T runs tmux
# on that socket, wait_for polls the pane 't' for a line with a deadline
# (never a fixed sleep), wait_in polls another pane, wait_until polls any
# condition, window opens a fresh pane 't' of a given size.
T() { tmux -L "$sock" -f /dev/null "$@"; }
cleanup() { T kill-server 2>/dev/null; rm -rf "$TEST_HOME"; }
trap cleanup EXIT

# wait_until SECONDS PANE COMMAND...: run COMMAND until it succeeds,
# polling with a deadline (never a fixed sleep); on a timeout, say so and
# show PANE's screen.
wait_until() {
	deadline=$(( $(date +%s) + $1 ))
	pane=$2
	shift 2
	while [ "$(date +%s)" -le "$deadline" ]; do
		"$@" && return 0
		sleep 0.1
	done
	diag "timed out waiting for: $*" "screen was:"
	T capture-pane -p -t "$pane" 2>/dev/null | sed 's/^/#   /'
	return 1
}

# pane_has PANE PATTERN: whether a line of PANE (with its scrollback)
# matches.  tmux trims the blanks at the end of every line it captures.
pane_has() { T capture-pane -p -S -500 -t "$1" 2>/dev/null | grep -q -- "$2"; }

# wait_in PANE PATTERN [SECONDS]: poll PANE until a line matches.
wait_in() { wait_until "${3:-30}" "$1" pane_has "$1" "$2"; }

# wait_for PATTERN [SECONDS]: the same for the pane 't'.
wait_for() { wait_in t "$1" "${2:-30}"; }

# window COLS ROWS CMD: a fresh window 't' running the shell command CMD.
# It prints a token of its own first, and window waits for it, so no test
# can read an earlier window's screen by mistake.
win_n=0
window() {
	T kill-session -t t 2>/dev/null
	win_n=$((win_n + 1))
	T new-session -d -s t -x "$1" -y "$2" "echo window-$win_n-of-$$; $3"
	wait_for "^window-$win_n-of-$$\$"
}

# The prompt line, without trailing blanks.
prompt_line() {
	T capture-pane -p -t t | grep '^you>' | tail -n 1 | sed 's/ *$//'
}

