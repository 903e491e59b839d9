# tests/tmux.sh -- tmux helpers for the terminal tests (sourced after
# lib.sh, with $sock set to a socket name of the test's own): T runs tmux
# on that socket, wait_for polls the pane 't' for a line with a deadline
# (never a fixed sleep), window opens a fresh pane 't' of a given size.
T() { tmux -L "$sock" -f /dev/null "$@"; }
cleanup() { T kill-server 2>/dev/null; rm -rf "$TEST_HOME"; }
trap cleanup EXIT

# wait_for PATTERN [SECONDS]: poll the pane until a line matches.
wait_for() {
	deadline=$(( $(date +%s) + ${2:-30} ))
	while [ "$(date +%s)" -le "$deadline" ]; do
		if T capture-pane -p -S -500 -t t 2>/dev/null | grep -q -- "$1"; then
			return 0
		fi
		sleep 0.1
	done
	diag "timed out waiting for: $1" "screen was:"
	T capture-pane -p -t t 2>/dev/null | sed 's/^/#   /'
	return 1
}

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

