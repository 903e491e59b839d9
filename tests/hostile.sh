#!/bin/sh
# tests/hostile.sh -- the rows of the hostile-input catalogue
# (see the README's reliability section) that the golden
# cases, the C tests, faults.sh, terminal.sh and yaml-suite.sh do not
# already cover.  Each test is named after its row (#N) and asserts what
# a user would see: the message, the exit status, the time taken, the
# peak memory and what is left on disk.  Every run of the program has a
# timeout, so a regression shows as a failure, never as a hung suite.
# The README's reliability section maps all 113 rows to the test or the
# written decision that covers them.
. "${TOP_SRCDIR:-$(dirname "$0")/..}/tests/lib.sh"

# Memory figures and address-space limits mean nothing under ASan.
sanitized=false
[ "${INFOCOACH_SANITIZED:-no}" = yes ] && sanitized=true

T=$TEST_HOME
IC=$INFOCOACH
GENERAL="$TOP_SRCDIR/questionbanks/general.yaml"
ESC=$(printf '\033')
BEL=$(printf '\007')
sock="infocoach-hostile-$$"
Tm() { tmux -L "$sock" -f /dev/null "$@"; }
trap 'Tm kill-server 2>/dev/null; rm -rf "$TEST_HOME"' EXIT
export INPUTRC=/dev/null

have_tmux=false
command -v tmux >/dev/null 2>&1 && have_tmux=true
have_time=false
[ -x /usr/bin/time ] && have_time=true

# Runs as another user: as root, drop to nobody with setpriv when it
# works; as anyone else, run as is.
unpriv=
unpriv_ok=true
if [ "$(id -u)" = 0 ]; then
	if command -v setpriv >/dev/null 2>&1 &&
	    setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
		unpriv="setpriv --reuid=65534 --regid=65534 --clear-groups"
		chmod 711 "$T"
	else
		unpriv_ok=false
	fi
fi

now_ms() { date +%s%3N; }

# timed SECONDS CMD...: run CMD under a timeout; $st is its exit status
# and $ms the wall time in milliseconds.
timed() {
	_lim=$1
	shift
	_t0=$(now_ms)
	timeout -k 2 "$_lim" "$@"
	st=$?
	ms=$(( $(now_ms) - _t0 ))
	return 0
}

# rss_run SECONDS CMD...: run CMD under a timeout and /usr/bin/time; the
# status goes to $T/st and the peak resident memory (KiB) to $T/rss, so
# it can end a pipeline.  peak reads the memory back.
rss_run() {
	_lim=$1
	shift
	rm -f "$T/rss"
	timeout -k 2 "$_lim" /usr/bin/time -f %M -o "$T/rss" "$@"
	echo $? > "$T/st"
}
peak() { tail -n 1 "$T/rss" 2>/dev/null | grep -x '[0-9]*' || echo 999999; }

# mkrule ID PATTERN FLAG PASS [MESSAGE]: a rule file with one rule.
mkrule() {
	cat <<EOF
format: 1
id: hostile
title: Hostile rules
rules:
  - id: $1
    kind: ${6:-closed}
    severity: warning
    patterns:
      - '$2'
    message: "${5:-Hostile rule fired.}"
    suggestion: "Ask something else."
    examples:
      flag:
        - '$3'
      pass:
        - '$4'
EOF
}

# The piped session used by many REPL rows: practice with the general
# bank, no history, the transcript at $1, stdin from $2.
practice() {
	_tr=$1 _in=$2
	shift 2
	timed 20 "$IC" --seed 1 --no-history --transcript "$_tr" "$@" < "$_in"
}

# ---- terminal helpers (tmux) -------------------------------------------
# wait_for PATTERN [SECONDS]: poll the pane until a line matches.
wait_for() {
	_deadline=$(( $(date +%s) + ${2:-30} ))
	while [ "$(date +%s)" -le "$_deadline" ]; do
		Tm capture-pane -p -S -200 -t t 2>/dev/null | grep -q -- "$1" && return 0
		sleep 0.1
	done
	diag "timed out waiting for: $1" "screen was:"
	Tm capture-pane -p -t t 2>/dev/null | grep -v '^$' | tail -n 15 | sed 's/^/#   /'
	return 1
}
# wait_reply TRANSCRIPT [SECONDS]: wait until the transcript holds the
# host's answer to the user's last line (a screen match could be fooled
# by the opening lines, which are on the screen already).
wait_reply() {
	_deadline=$(( $(date +%s) + ${2:-30} ))
	while [ "$(date +%s)" -le "$_deadline" ]; do
		[ -f "$1" ] && awk '/^\*\*[0-9:.]+ you:\*\*/ { you = 1; host = 0; next }
		    you && /^\*\*[0-9:.]+ Dolores Whitfield:\*\*/ { host = 1 }
		    END { exit !(you && host) }' "$1" && return 0
		sleep 0.1
	done
	diag "timed out waiting for the host's reply in $1" "screen was:"
	Tm capture-pane -p -t t 2>/dev/null | grep -v '^$' | tail -n 15 | sed 's/^/#   /'
	return 1
}
# tty_start RAW CMD: run the shell command CMD in a fresh 100x40 window;
# everything it writes to the terminal is also copied, raw, to RAW.
# A second session, 'keep', holds the tmux server up between windows:
# a server whose last session is killed exits, and a new session made
# at that moment could be lost with it.
# The window prints a token of its own first, and tty_start waits for it,
# so no test can read an earlier window's screen by mistake.
tty_n=0
tty_start() {
	Tm has-session -t keep 2>/dev/null || Tm new-session -d -s keep 'sleep 3600'
	Tm kill-session -t t 2>/dev/null
	: > "$1"
	tty_n=$((tty_n + 1))
	_token="window-$tty_n-of-$$"
	if ! Tm new-session -d -s t -x 100 -y 40 "echo $_token; sleep 0.3; $2; echo EXITED \$?; sleep 30"; then
		diag "tmux new-session failed; trying once more"
		sleep 0.5
		Tm kill-session -t t 2>/dev/null
		Tm new-session -d -s t -x 100 -y 40 "echo $_token; sleep 0.3; $2; echo EXITED \$?; sleep 30"
	fi
	Tm pipe-pane -t t -o "cat >> '$1'"
	wait_for "^$_token\$"
}
TTYENV="env INPUTRC=/dev/null TERM=xterm LC_ALL=C.UTF-8 HOME='$T' XDG_STATE_HOME='$T/state'"

########################################################################
# B1. YAML bank: syntax and encoding
########################################################################

printf 'format: 1\nid: x\ntitle: "a\355\240\200b"\n' > "$T/surrogate.yaml"
timed 5 "$IC" validate "$T/surrogate.yaml" > /dev/null 2> "$T/err"
[ $st -eq 2 ] && grep -q 'surrogate.yaml:3:10: error: invalid UTF-8 (byte 0xED)' "$T/err"
ok $? "#9 a UTF-16 surrogate (ED A0 80) in a bank is invalid UTF-8 at 3:10, status 2"

printf 'format: 1\nid: x\ntitle: "a\342\200\251b"\n' > "$T/ps.yaml"
timed 5 "$IC" validate "$T/ps.yaml" > /dev/null 2> "$T/err"
[ $st -eq 2 ] && grep -q 'ps.yaml:3:10: error: line separator U+2029 is not allowed' "$T/err"
ok $? "#13 a paragraph separator (U+2029) is refused at its position"

printf 'format: 1\nid: x\ntitle: "a\\U00110000b"\n' > "$T/bigesc.yaml"
timed 5 "$IC" validate "$T/bigesc.yaml" > /dev/null 2> "$T/err"
[ $st -eq 2 ] && grep -q 'bigesc.yaml:3:12: error: found invalid Unicode character escape code' "$T/err"
ok $? "#17 the escape \\U00110000 is refused at 3:12"

printf '%%FOO bar\n---\nformat: 1\n' > "$T/dir1.yaml"
timed 5 "$IC" validate "$T/dir1.yaml" > /dev/null 2> "$T/err"
[ $st -eq 2 ] && grep -q 'dir1.yaml:1:5: error: found unknown directive name' "$T/err"
ok $? "#19 an unknown directive is a positioned syntax error"
printf '%%TAG !e! tag:example.com,2000:\n---\nformat: 1\n' > "$T/dir2.yaml"
timed 5 "$IC" validate "$T/dir2.yaml" > /dev/null 2> "$T/err"
[ $st -eq 2 ] && grep -q "lacks the required key 'id'" "$T/err" && ! grep -qi 'directive' "$T/err"
ok $? "#19 a %TAG directive is accepted; only the schema errors follow"

########################################################################
# B2. YAML bank: size, depth, aliases, schema
########################################################################

cat > "$T/laughs.yaml" <<'EOF'
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
EOF
if $have_time; then
	t0=$(now_ms)
	rss_run 5 "$IC" validate "$T/laughs.yaml" > /dev/null 2> "$T/err"
	ms=$(( $(now_ms) - t0 ))
	[ "$(cat "$T/st")" -eq 2 ] && grep -q "laughs.yaml:1:4: error: anchors are not supported in banks ('&a')" "$T/err" &&
	    grep -q "laughs.yaml:9:8: error: aliases are not supported in banks ('\*h')" "$T/err" &&
	    [ $ms -lt 1000 ] && [ "$(peak)" -lt 50000 ]
	ok $? "#25 billion laughs: anchors and aliases refused at their positions in ${ms} ms, $(peak) KiB"
else
	skip "#25 billion laughs refused fast and small" "no /usr/bin/time"
fi

printf 'a: &a [ *a ]\n' > "$T/cycle.yaml"
timed 5 "$IC" validate "$T/cycle.yaml" > /dev/null 2> "$T/err"
[ $st -eq 2 ] && grep -q "cycle.yaml:1:4: error: anchors are not supported" "$T/err" &&
    grep -q "cycle.yaml:1:9: error: aliases are not supported in banks ('\*a')" "$T/err" && [ $ms -lt 2000 ]
ok $? "#26 an alias cycle &a [ *a ] is refused at the anchor and the alias, no loop"

printf 'format: 1\nid: x\ntitle: *nope\n' > "$T/undef.yaml"
timed 5 "$IC" validate "$T/undef.yaml" > /dev/null 2> "$T/err"
[ $st -eq 2 ] && grep -q "undef.yaml:3:8: error: aliases are not supported in banks ('\*nope')" "$T/err"
ok $? "#27 an undefined alias is an error at 3:8"

printf -- '- &a 1\n- &a 2\n' > "$T/redef.yaml"
timed 5 "$IC" validate "$T/redef.yaml" > /dev/null 2> "$T/err"
[ $st -eq 2 ] && grep -q "redef.yaml:1:3: error: anchors are not supported" "$T/err" &&
    grep -q "redef.yaml:2:3: error: anchors are not supported" "$T/err"
ok $? "#28 a redefined anchor: both definitions refused, deterministically"

awk 'BEGIN { print "a:"; for (i = 0; i < 20000; i++) printf "  - &a%d x\n", i;
	print "b:"; for (i = 0; i < 20000; i++) printf "  - *a%d\n", i }' > "$T/anchors.yaml"
timed 10 "$IC" validate "$T/anchors.yaml" > /dev/null 2> "$T/err"
[ $st -eq 2 ] && [ $ms -lt 2000 ] && [ "$(wc -l < "$T/err")" -le 501 ] &&
    grep -q 'anchors.yaml:2:5: error: anchors are not supported' "$T/err" &&
    grep -q 'more problems not shown' "$T/err"
ok $? "#29 20,000 anchors and 20,000 aliases: refused in ${ms} ms with a capped list of problems"

printf 'format: 1\nid: big\ntitle: "' > "$T/big.yaml"
truncate -s 64M "$T/big.yaml"
if $have_time; then
	t0=$(now_ms)
	rss_run 5 "$IC" validate "$T/big.yaml" > /dev/null 2> "$T/err"
	ms=$(( $(now_ms) - t0 ))
	[ "$(cat "$T/st")" -eq 2 ] && grep -q 'big.yaml: error: file too large (67108864 bytes, limit 4194304)' "$T/err" &&
	    [ "$(peak)" -lt 20000 ] && [ $ms -lt 1000 ]
	ok $? "#31 a 64 MiB bank is refused before parsing ($(peak) KiB, ${ms} ms)"
else
	skip "#31 a 64 MiB bank is refused before parsing" "no /usr/bin/time"
fi
head -c 4194305 /dev/zero | tr '\0' '#' > "$T/over.yaml"
timed 5 "$IC" check --bank "$T/over.yaml" /dev/null > /dev/null 2> "$T/err"
[ $st -eq 2 ] && grep -q 'over.yaml: error: file too large (4194305 bytes, limit 4194304)' "$T/err"
ok $? "#31 one byte over 4 MiB is refused by check --bank too"

mkfifo "$T/endless.yaml"
yes -- '- q: x' > "$T/endless.yaml" 2>/dev/null &
writer=$!
timed 5 "$IC" validate "$T/endless.yaml" > /dev/null 2> "$T/err"
[ $st -eq 2 ] && [ $ms -lt 2000 ] && grep -q 'endless.yaml: error: not a regular file (a pipe)' "$T/err"
ok $? "#32 an endless stream through a FIFO is refused at once (${ms} ms)"
kill $writer 2>/dev/null
wait $writer 2>/dev/null

# 21,000 questions with long ids nearly fill the node and size caps (the
# general bank's personas take the rest).  Loading
# four times the questions may take four times as long, not sixteen.
gen_bank() {
	sed -n '1,/^questions:/p' "$GENERAL" | sed 's/^id: general$/id: qbig/'
	awk -v n="$1" 'BEGIN { p = "q" sprintf("%0110d", 0)
		for (i = 0; i < n; i++) printf "  - id: %s%d\n    text: W%d?\n    category: typical_day\n    tier: job\n", p, i, i }'
}
gen_bank 5250 > "$T/q5500.yaml"
gen_bank 21000 > "$T/q22000.yaml"
timed 20 "$IC" validate -q "$T/q5500.yaml" 2> "$T/err"
st_a=$st ms_a=$ms
timed 20 "$IC" validate -q "$T/q22000.yaml" 2>> "$T/err"
[ $st_a -eq 0 ] && [ $st -eq 0 ] && [ $ms -lt 2000 ] && [ $ms -le $(( 8 * ms_a + 200 )) ]
ok $? "#38 21,000 questions load in under 2 s and not quadratically (5,250: ${ms_a} ms; 21,000: ${ms} ms)"

########################################################################
# B3. Files and paths
########################################################################

echo 'What does a typical week look like for you?' > "$T/q.txt"
timed 5 "$IC" check --bank "$T/missing.yaml" "$T/q.txt" > /dev/null 2> "$T/err"
[ $st -eq 2 ] && grep -q "missing.yaml: error: cannot open: No such file or directory" "$T/err"
ok $? "#41 check --bank with a missing file: 'cannot open: No such file or directory', status 2"
timed 5 "$IC" --no-transcript --no-history --bank "$T/missing.yaml" < /dev/null > "$T/out" 2> "$T/err"
[ $st -eq 2 ] && grep -q "missing.yaml: error: cannot open: No such file or directory" "$T/err" && [ ! -s "$T/out" ]
ok $? "#41 practice --bank with a missing file stops before the meeting, status 2"

if $unpriv_ok; then
	cp "$GENERAL" "$T/locked.yaml"
	chmod 000 "$T/locked.yaml"
	echo 'How did you start?' > "$T/locked.txt"
	chmod 000 "$T/locked.txt"
	timed 5 $unpriv "$IC" validate "$T/locked.yaml" > /dev/null 2> "$T/err"
	st1=$st
	timed 5 $unpriv "$IC" check "$T/locked.txt" >> "$T/err" 2>&1
	[ $st1 -eq 2 ] && [ $st -eq 2 ] && grep -q "locked.yaml: error: cannot open: Permission denied" "$T/err" &&
	    grep -q "locked.txt: error: cannot open: Permission denied" "$T/err"
	ok $? "#42 mode 000 bank and draft: 'Permission denied', status 2"
else
	skip "#42 mode 000 files give 'Permission denied'" "root without setpriv"
fi

mkdir "$T/adir"
timed 5 "$IC" check --bank "$T/adir" "$T/q.txt" > /dev/null 2> "$T/err"
[ $st -eq 2 ] && grep -q "adir: error: is a directory" "$T/err"
ok $? "#43 check --bank DIRECTORY: 'is a directory', status 2"
timed 5 "$IC" check --letter "$T/adir" > "$T/err" 2>&1
[ $st -eq 2 ] && grep -q "adir: error: is a directory" "$T/err"
ok $? "#43 check --letter DIRECTORY: the same 'error: is a directory' message"

mkfifo "$T/fifo.yaml"
timed 5 "$IC" validate "$T/fifo.yaml" > /dev/null 2> "$T/err"
st1=$st ms1=$ms
timed 5 "$IC" check --bank "$T/fifo.yaml" "$T/q.txt" > /dev/null 2>> "$T/err"
st2=$st ms2=$ms
timed 5 "$IC" --no-transcript --no-history --bank "$T/fifo.yaml" < /dev/null > /dev/null 2>> "$T/err"
[ $st1 -eq 2 ] && [ $st2 -eq 2 ] && [ $st -eq 2 ] && [ $ms1 -lt 2000 ] && [ $ms2 -lt 2000 ] && [ $ms -lt 2000 ] &&
    [ "$(grep -c 'fifo.yaml: error: not a regular file (a pipe)' "$T/err")" -eq 3 ]
ok $? "#44 a FIFO as a bank is refused at once by validate, check and practice"
timed 5 "$IC" validate /dev/zero /dev/urandom > /dev/null 2> "$T/err"
st1=$st
timed 5 "$IC" check --bank /dev/urandom "$T/q.txt" > /dev/null 2>> "$T/err"
[ $st1 -eq 2 ] && [ $st -eq 2 ] && grep -q '/dev/zero: error: not a regular file (a character device)' "$T/err" &&
    [ "$(grep -c '/dev/urandom: error: not a regular file (a character device)' "$T/err")" -eq 2 ]
ok $? "#44 /dev/zero and /dev/urandom as banks are refused before any read"
timed 5 "$IC" check /dev/zero > "$T/err" 2>&1
st1=$st
timed 5 "$IC" check /dev/urandom >> "$T/err" 2>&1
[ $st1 -eq 2 ] && [ $st -eq 2 ] && grep -q '/dev/zero: error: binary file (NUL byte at offset 0), not checked' "$T/err" &&
    grep -q '/dev/urandom: error: binary file (NUL byte at offset [0-9]*), not checked' "$T/err"
ok $? "#44 /dev/zero and /dev/urandom as drafts stop at the first NUL: binary, status 2"
timed 5 "$IC" check --letter /dev/zero > "$T/err" 2>&1
[ $st -eq 2 ] && [ $ms -lt 2000 ] && grep -q '^/dev/zero: error: not a regular file \[input.unreadable\]' "$T/err"
ok $? "#44 check --letter /dev/zero stops fast with a 'FILE: error:' message"

ln -s "$T/loop-b" "$T/loop-a"
ln -s "$T/loop-a" "$T/loop-b"
timed 5 "$IC" validate "$T/loop-a" > /dev/null 2> "$T/err"
st1=$st
timed 5 "$IC" check "$T/loop-a" >> "$T/err" 2>&1
st2=$st
timed 5 "$IC" check --bank "$T/loop-a" "$T/q.txt" > /dev/null 2>> "$T/err"
[ $st1 -eq 2 ] && [ $st2 -eq 2 ] && [ $st -eq 2 ] &&
    [ "$(grep -c 'loop-a: error: cannot open: Too many levels of symbolic links' "$T/err")" -eq 3 ]
ok $? "#45 a symlink loop: 'Too many levels of symbolic links', status 2, for bank and draft"

# A bank rewritten and truncated while it is loaded, over and over.
cp "$GENERAL" "$T/full.yaml"
head -c 20000 "$GENERAL" > "$T/part.yaml"
cp "$T/full.yaml" "$T/race.yaml"
(
	end=$(( $(date +%s) + 2 ))
	while [ "$(date +%s)" -lt "$end" ]; do
		cp "$T/full.yaml" "$T/race.yaml"
		: > "$T/race.yaml"
		cp "$T/part.yaml" "$T/race.yaml"
	done
) &
rw=$!
runs=0 bad=0
while kill -0 $rw 2>/dev/null; do
	timeout -k 1 5 "$IC" validate -q "$T/race.yaml" > /dev/null 2> "$T/race.err"
	case $? in 0|2) ;; *) bad=$((bad + 1)) ;; esac
	runs=$((runs + 1))
done
wait $rw
[ $runs -gt 10 ] && [ $bad -eq 0 ]
ok $? "#46 a bank rewritten during $runs loads: always loaded or refused (status 0 or 2), never a crash"

name=$(printf 'e\033[2Jx\nnl.txt')
echo 'Are you hiring?' > "$T/$name"
(cd "$T" && timeout 5 "$IC" check -q "$name") > "$T/out" 2> "$T/err"
! grep -q "$ESC" "$T/out" && grep -q '^e\\x1b\[2Jx\\nnl.txt:1:1: error: ' "$T/out"
ok $? "#47 a file name with ESC and a newline is escaped in text output, on one line"
(cd "$T" && timeout 5 "$IC" check -f github "$name") > "$T/out" 2> "$T/err"
! grep -q "$ESC" "$T/out" && [ "$(grep -c '^::' "$T/out")" -eq "$(wc -l < "$T/out")" ]
ok $? "#47 --format github escapes the control characters of a file name"
name=$(printf 'bad\377name.txt')
echo 'Are you hiring?' > "$T/$name"
(cd "$T" && timeout 5 "$IC" check -f json "$name") > "$T/out" 2> "$T/err"
iconv -f UTF-8 -t UTF-8 "$T/out" > /dev/null 2>&1
ok $? "#47 --format json stays valid UTF-8 with a file name holding byte 0xFF"

long=$T
i=0
while [ $i -lt 25 ]; do long="$long/$(printf '%0200d' 0)"; i=$((i + 1)); done
comp=$(printf '%0300d' 0)
timed 5 "$IC" validate "$long/b.yaml" "$T/$comp.yaml" > /dev/null 2> "$T/err"
st1=$st
timed 5 "$IC" check "$long/d.txt" >> "$T/err" 2>&1
[ $st1 -eq 2 ] && [ $st -eq 2 ] && [ "$(grep -c 'error: cannot open: File name too long' "$T/err")" -eq 3 ]
ok $? "#48 paths over PATH_MAX and names over NAME_MAX: 'File name too long', status 2"

mkdir "$T/many"
seq 1 3000 | awk -v d="$T/many" '{ f = sprintf("%s/f%04d.txt", d, $1); print "Are you hiring, number " $1 "?" > f; close(f) }'
(for fd in 3 4 5 6 7 8 9; do eval "exec $fd>&-"; done
 ulimit -n 16; cd "$T/many" && exec timeout 20 "$IC" check -q -f json --fail-on never f*.txt) > "$T/out" 2> "$T/err"
st=$?
grep '"path"' "$T/out" | sed 's/.*"path": "\(.*\)",/\1/' > "$T/order"
(cd "$T/many" && ls f*.txt) > "$T/want"
[ $st -eq 0 ] && [ ! -s "$T/err" ] && cmp -s "$T/order" "$T/want"
ok $? "#49 3,000 drafts under 'ulimit -n 16': all checked, in argument order"

########################################################################
# B4. Rules (PCRE2)
########################################################################

mkdir -p "$T/data50/infocoach/questionbanks/rules"
mkrule broken '(unclosed' 'a' 'b' > "$T/data50/infocoach/questionbanks/rules/broken.yaml"
echo 'Are you hiring?' > "$T/hiring.txt"
XDG_DATA_HOME="$T/data50" timed 5 "$IC" check "$T/hiring.txt" > "$T/out" 2> "$T/err"
[ $st -eq 2 ] && [ ! -s "$T/out" ] &&
    grep -q "rules/broken.yaml:9:9: error: rule 'broken': invalid pattern at offset 9: missing closing parenthesis" "$T/err"
ok $? "#50 a broken rule file in the rules folder: status 2 and no checking with the rest"
XDG_DATA_HOME="$T/data50" timed 5 "$IC" --no-transcript --no-history < /dev/null > "$T/out" 2> "$T/err"
[ $st -eq 2 ] && [ ! -s "$T/out" ] && grep -q "rule 'broken': invalid pattern" "$T/err"
ok $? "#50 and practice does not start with it"

mkrule cata '^(a+)+$' 'aaaa' 'hello there' > "$T/cata.yaml"
printf 'How did you start?\naaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\n' > "$T/cata.txt"
timed 5 "$IC" check -q --bank "$T/cata.yaml" "$T/cata.txt" > /dev/null 2> "$T/err"
[ $st -eq 2 ] && [ $ms -lt 2000 ] &&
    grep -q "cata.txt:2:1: error: rule 'cata' could not be evaluated (match limit exceeded)" "$T/err"
ok $? "#51 ^(a+)+\$ on a 40-a line: an evaluation error naming the rule and the line, status 2 (${ms} ms)"
mkdir -p "$T/data51/infocoach/questionbanks/rules"
cp "$T/cata.yaml" "$T/data51/infocoach/questionbanks/rules/"
printf 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\nWhat does a typical week look like for you?\n' > "$T/in51"
XDG_DATA_HOME="$T/data51" practice "$T/t51.md" "$T/in51" > "$T/out" 2>&1
[ $st -eq 0 ] && grep -q "rule 'cata' could not be evaluated on that line (match limit exceeded)" "$T/out" &&
    grep -q 'you:\*\* What does a typical week' "$T/t51.md"
ok $? "#51 in practice the same line gets a notice and the meeting goes on"

mkrule quad '\s+$' 'x  ' 'hello' > "$T/quad.yaml"
{ printf 'How '; head -c 60000 /dev/zero | tr '\0' ' '; printf 'x\n'; } > "$T/spaces.txt"
timed 10 "$IC" check -q --fail-on never --bank "$T/quad.yaml" "$T/spaces.txt" > /dev/null 2> "$T/err"
[ $st -eq 0 ] && [ $ms -lt 2000 ] && [ ! -s "$T/err" ]
ok $? "#52 \\s+\$ on a 60 KB line of spaces completes in ${ms} ms"
mkrule nojit '(*NO_JIT)\s+$' 'x  ' 'hello' > "$T/nojit.yaml"
timed 5 "$IC" check -q --fail-on never --bank "$T/nojit.yaml" "$T/spaces.txt" > /dev/null 2> "$T/err"
[ $ms -lt 2000 ] && { [ $st -eq 0 ] || { [ $st -eq 2 ] && grep -q "rule 'nojit'" "$T/err"; }; }
ok $? "#52 (*NO_JIT)\\s+\$ on the same line: done or refused within 2 s (status $st, ${ms} ms)"

# (googleable: a closed note is not given on a line the model reads as a
# job ask, as it reads this one.)
mkrule jits '(\w+\s?)+$' 'abc' '!!' 'Hostile rule fired.' googleable > "$T/jits.yaml"
awk 'BEGIN { s = "How"; for (i = 0; i < 400; i++) s = s " word"; print s " end"; print s " end!" }' > "$T/words.txt"
timed 10 "$IC" check -q --fail-on never --bank "$T/jits.yaml" "$T/words.txt" > "$T/out" 2> "$T/err"
[ $st -eq 2 ] && [ $ms -lt 2000 ] && grep -q 'words.txt:1:1: warning: Hostile rule fired. \[jits\]' "$T/out" &&
    grep -q "words.txt:2:1: error: rule 'jits' could not be evaluated" "$T/err"
ok $? "#53 (\\w+\\s?)+\$ on 2 KB lines: a match on one, an evaluation error on the other, never silence"

mkrule lim '(*LIMIT_MATCH=999999999)(*LIMIT_DEPTH=999999999)(*LIMIT_HEAP=999999999)^(a+)+$' 'aaaa' 'hello' > "$T/lim.yaml"
timed 5 "$IC" check -q --bank "$T/lim.yaml" "$T/cata.txt" > /dev/null 2> "$T/err"
[ $st -eq 2 ] && [ $ms -lt 2000 ] && grep -q "cata.txt:2:1: error: rule 'lim' could not be evaluated (match limit exceeded)" "$T/err"
ok $? "#54 (*LIMIT_MATCH=999999999) cannot raise the limit: same error, ${ms} ms"

mkrule deep "$(awk 'BEGIN { for (i = 0; i < 300; i++) printf "("; printf "a"; for (i = 0; i < 300; i++) printf ")" }')" 'a' 'b' > "$T/deep.yaml"
timed 5 "$IC" validate "$T/deep.yaml" > /dev/null 2> "$T/err"
[ $st -eq 2 ] && grep -q "deep.yaml:9:9: error: rule 'deep': invalid pattern at offset 65: parentheses are too deeply nested" "$T/err"
ok $? "#56 300 nested parentheses: 'too deeply nested', status 2"

mkrule huge "$(head -c 1048576 /dev/zero | tr '\0' a)" 'a' 'b' > "$T/huge.yaml"
timed 5 "$IC" validate "$T/huge.yaml" > /dev/null 2> "$T/err"
[ $st -eq 2 ] && [ $ms -lt 2000 ] && grep -q "huge.yaml:9:9: error: rule 'huge': pattern longer than 4096 bytes" "$T/err"
ok $? "#57 a 1 MB pattern: 'pattern longer than 4096 bytes', status 2"

mkrule u8 "$(printf 'caf\303')" 'a' 'b' > "$T/u8.yaml"
timed 5 "$IC" validate "$T/u8.yaml" > /dev/null 2> "$T/err"
[ $st -eq 2 ] && grep -q "u8.yaml:9:13: error: invalid UTF-8 (byte 0xC3)" "$T/err"
ok $? "#58 invalid UTF-8 in a pattern is refused at its position"

mkrule lb '(?<=a+)b' 'ab' 'cb' > "$T/lb.yaml"
timed 5 "$IC" validate "$T/lb.yaml" > /dev/null 2> "$T/err"
[ $st -eq 2 ] && grep -q "lb.yaml:9:9: error: rule 'lb': invalid pattern" "$T/err"
ok $? "#59 a variable-length lookbehind is an invalid pattern, status 2"

mkrule verbs '(*CRLF)(*UCP)(*UTF)(?i)(?C1)\bzz(?C2)z\b' 'ZZZ' 'cb' > "$T/verbs.yaml"
echo 'zZz, or what?' > "$T/zzz.txt"
timed 5 "$IC" validate -q "$T/verbs.yaml" 2> "$T/err"
st1=$st
timed 5 "$IC" check -q --fail-on never --bank "$T/verbs.yaml" "$T/zzz.txt" > "$T/out" 2>> "$T/err"
[ $st1 -eq 0 ] && [ $st -eq 0 ] && grep -q 'zzz.txt:1:1: warning: Hostile rule fired. \[verbs\]' "$T/out"
ok $? "#61 leading verbs, (?i) and callouts: the rule loads and matches as written"

awk 'BEGIN { print "format: 1\nid: many\ntitle: Many rules\nrules:"
	for (i = 0; i < 1000; i++)
		printf "  - id: r%d\n    kind: closed\n    severity: info\n    patterns: [\047\\bqz%dx\\b\047]\n    message: m\n    suggestion: s\n    examples: {flag: [qz%dx], pass: [b]}\n", i, i, i }' > "$T/r1000.yaml"
yes 'What does a typical week look like for you, qz999x?' | head -n 5000 > "$T/d5000.txt"
if $have_time && ! $sanitized; then
	t0=$(now_ms)
	rss_run 30 "$IC" check -q --fail-on never --bank "$T/r1000.yaml" "$T/d5000.txt" > "$T/out" 2> "$T/err"
	ms=$(( $(now_ms) - t0 ))
	[ "$(cat "$T/st")" -eq 0 ] && [ "$(grep -c '\[r999\]' "$T/out")" -eq 5000 ] && [ $ms -lt 10000 ] && [ "$(peak)" -lt 40000 ]
	ok $? "#62 1,000 rules x 5,000 lines: every match found in ${ms} ms, $(peak) KiB"
else
	skip "#62 1,000 rules x 5,000 lines" "no /usr/bin/time, or a sanitizer build (its memory is ASan's)"
fi

mkrule fmt '\bzzz\b' 'zzz' 'hello' 'Fmt %n%s%x \e[31mRED\e]0;title\a end' > "$T/fmt.yaml"
echo 'zzz what now' > "$T/fmt.txt"
timed 5 "$IC" check --bank "$T/fmt.yaml" "$T/fmt.txt" > "$T/out" 2> "$T/err"
! grep -q "$ESC\|$BEL" "$T/out" && grep -qF 'fmt.txt:1:1: warning: Fmt %n%s%x \x1b[31mRED\x1b]0;title\x07 end [fmt]' "$T/out"
ok $? "#63 a rule message with %n%s and escapes is printed as data, escaped"
timed 5 "$IC" check -f github --bank "$T/fmt.yaml" "$T/fmt.txt" > "$T/out" 2> "$T/err"
! grep -q "$ESC\|$BEL" "$T/out" && grep -q '^::warning file=.*fmt.txt,line=1' "$T/out"
ok $? "#63 --format github escapes the same message too"
timed 5 "$IC" check -f sarif --bank "$T/fmt.yaml" "$T/fmt.txt" > "$T/out" 2> "$T/err"
! grep -q "$ESC\|$BEL" "$T/out" && grep -qF 'Fmt %n%s%x \u001b[31mRED' "$T/out"
ok $? "#63 --format sarif escapes it as JSON"

########################################################################
# B5. Draft files (batch checker)
########################################################################

if $have_time && ! $sanitized; then
	t0=$(now_ms)
	{ printf 'How did you start?\n'; head -c 100M /dev/zero | tr '\0' x; printf '\nAre you hiring?\n'; } |
		rss_run 30 "$IC" check -q --fail-on never - > "$T/out" 2> "$T/err"
	ms=$(( $(now_ms) - t0 ))
	[ "$(cat "$T/st")" -eq 2 ] && [ "$(peak)" -lt 30000 ] && [ $ms -lt 10000 ] &&
	    grep -q '^infocoach: -:2: error: line longer than 65536 bytes; line not checked$' "$T/err" &&
	    grep -q '^-:3:1: error: .*\[job-ask.hiring\]' "$T/out"
	ok $? "#67 a 100 MB line: reported and skipped, the next line checked ($(peak) KiB, ${ms} ms)"

	t0=$(now_ms)
	yes 'What does a typical week look like for you?' | head -c 10M |
		rss_run 30 "$IC" check -q --fail-on never - > /dev/null 2> "$T/err"
	ms=$(( $(now_ms) - t0 ))
	[ "$(cat "$T/st")" -eq 0 ] && [ "$(peak)" -lt 30000 ] && [ ! -s "$T/err" ]
	ok $? "#68 10 MB of question lines streamed in ${ms} ms with $(peak) KiB"

	t0=$(now_ms)
	yes 'Are you hiring?' | head -c 5M |
		rss_run 30 "$IC" check -q --fail-on never - > "$T/out" 2> "$T/err"
	ms=$(( $(now_ms) - t0 ))
	n=$(grep -c '\[job-ask.hiring\]$' "$T/out")
	[ "$(cat "$T/st")" -eq 0 ] && [ "$(peak)" -lt 30000 ] && [ "$n" -eq 327680 ]
	ok $? "#73 every line matching: $n findings streamed with $(peak) KiB"
else
	skip "#67 a 100 MB line" "no /usr/bin/time, or a sanitizer build"
	skip "#68 10 MB of lines in constant memory" "no /usr/bin/time, or a sanitizer build"
	skip "#73 every line matching" "no /usr/bin/time, or a sanitizer build"
fi

printf 'Are you hiring?\nWhat is your salary?\nLast one, are you hiring?' > "$T/lf.txt"
sed 's/$/\r/' "$T/lf.txt" > "$T/crlf.txt"
(cd "$T" && timeout 5 "$IC" check -q --fail-on never lf.txt | sed 's/^lf\.txt//') > "$T/a"
(cd "$T" && timeout 5 "$IC" check -q --fail-on never crlf.txt | sed 's/^crlf\.txt//') > "$T/b"
cmp -s "$T/a" "$T/b" && grep -q '^:3:11: error: .*\[job-ask.hiring\]' "$T/a"
ok $? "#69 CRLF and LF drafts give the same findings at the same columns"
ok $? "#70 the last line without a newline is checked (3:11)"

printf '\t\346\227\245\346\234\254 are you hiring?\n' > "$T/tab.txt"
timed 5 "$IC" check -q "$T/tab.txt" > "$T/out" 2> "$T/err"
grep -q 'tab.txt:1:5: error: .*\[job-ask.hiring\]' "$T/out"
ok $? "#72 a tab and two wide characters count one column each (1:5)"

yes 'Are you hiring?' | head -n 200000 > "$T/hire.txt"
{ timeout 10 "$IC" check "$T/hire.txt" 2> "$T/err"; echo $? > "$T/st"; } | head -n 1 > /dev/null
[ "$(cat "$T/st")" -eq 141 ] && [ ! -s "$T/err" ]
ok $? "#74 stdout closed by 'head -1': killed quietly by SIGPIPE (status $(cat "$T/st"))"
{ (trap '' PIPE; exec timeout 10 "$IC" check "$T/hire.txt" 2> "$T/err"); echo $? > "$T/st"; } | head -n 1 > /dev/null
[ "$(cat "$T/st")" -eq 2 ] && [ "$(wc -l < "$T/err")" -le 2 ] && grep -q 'Broken pipe' "$T/err"
ok $? "#74 with SIGPIPE ignored: status 2 and one short error, no flood"

if [ -w /dev/full ]; then
	timed 5 "$IC" check "$T/hiring.txt" > /dev/full 2> "$T/err"
	[ $st -eq 2 ] && grep -q '^infocoach: write error: No space left on device$' "$T/err"
	ok $? "#75 check > /dev/full: 'write error: No space left on device', status 2"
	timed 5 "$IC" validate "$GENERAL" > /dev/full 2> "$T/err"
	[ $st -eq 2 ] && grep -q 'write error.*No space left on device' "$T/err"
	ok $? "#75 validate > /dev/full names the cause too"
else
	skip "#75 check > /dev/full" "no /dev/full"
	skip "#75 validate > /dev/full" "no /dev/full"
fi

printf 'Are you hiring \033[31mnow\033[0m?\n\033]0;pwn\007What is \033[2J your day like?\n' > "$T/esc.txt"
fails=
for f in text json sarif github; do
	timeout 5 "$IC" check -f $f "$T/esc.txt" > "$T/out" 2>&1
	grep -q "$ESC\|$BEL" "$T/out" && fails="$fails $f"
done
[ -z "$fails" ]
ok $? "#76 escapes in a draft never reach the output (text, json, sarif, github)${fails:+; raw in:$fails}"

if $have_tmux; then
	tty_start "$T/raw77" "'$IC' check -"
	wait_for 'EXITED' && Tm capture-pane -p -t t | grep -q "refusing to read questions from a terminal" &&
	    Tm capture-pane -p -t t | grep -q 'EXITED 2'
	ok $? "#77 check - on a terminal refuses at once, status 2"
else
	skip "#77 check - on a terminal" "tmux is not installed"
fi

########################################################################
# B6. REPL and terminal
########################################################################

# A bank whose title, host name and opening hold terminal escapes.
sed -e 's/^id: general$/id: evil/' \
    -e 's|^title: .*|title: "Evil \\e]0;owned\\a bank"|' \
    -e 's|^    name: Dolores Whitfield$|    name: "Dolores \\e[31mWhitfield"|' "$GENERAL" |
awk '/^    opening: >-$/ && !done { print "    opening: \"Hello \\e[2J\\e]52;c;cHduZWQ=\\a there.\""; skip = 1; done = 1; next }
	skip && /^      / { next }
	{ skip = 0; print }' > "$T/evil.yaml"
timed 5 "$IC" validate "$T/evil.yaml" > /dev/null 2> "$T/err"
[ $st -eq 0 ]
ok $? "#16 a bank with terminal escapes in its title, a host name and a reply loads"
printf 'What does a typical week look like for you?\nWho else would you suggest I talk to?\n' > "$T/in16"
practice "$T/s16/t.md" "$T/in16" --bank "$T/evil.yaml" > "$T/out" 2>&1
[ $st -eq 0 ] && ! grep -q "$ESC\|$BEL" "$T/out" && grep -qF 'Hello \x1b[2J\x1b]52;c;cHduZWQ=\x07 there.' "$T/out" &&
    ! grep -q "$ESC\|$BEL" "$T/s16/t.md" && grep -qF 'Dolores \x1b[31mWhitfield:** Hello \x1b[2J' "$T/s16/t.md"
ok $? "#16 piped practice: the escapes are shown and saved in escaped form"
! grep -q "$ESC\|$BEL" "$T/s16/t.thanks.txt" "$T/s16/t.follow-up.txt"
ok $? "#16 the thank-you draft and the follow-up plan hold no raw escapes"
timed 5 "$IC" banks --bank "$T/evil.yaml" > "$T/out" 2>&1
! grep -q "$ESC\|$BEL" "$T/out"
ok $? "#16 'banks' lists the title and host names escaped"
timed 5 "$IC" --no-transcript --bank "$T/evil.yaml" --persona nobody < /dev/null > "$T/out" 2>&1
[ $st -eq 2 ] && ! grep -q "$ESC\|$BEL" "$T/out"
ok $? "#16 an unknown --persona lists the hosts' names escaped"
if $have_tmux; then
	tty_start "$T/raw16" "$TTYENV '$IC' --seed 1 --no-history --bank '$T/evil.yaml' --transcript '$T/t16.md'"
	wait_for '^you>' && Tm send-keys -t t '/quit' Enter && wait_for 'EXITED 0'
	r=$?
	[ $r -eq 0 ] && ! grep -q "${ESC}\]0;owned\|${ESC}\[31mWhitfield\|${ESC}\[2J\|${ESC}\]52" "$T/raw16"
	ok $? "#16 on a terminal no bank text reaches the screen raw (banner, host, reply)"
else
	skip "#16 on a terminal no bank text reaches the screen raw" "tmux is not installed"
fi

printf 'What does a typical week look like for you?\n/quit\n' > "$T/in78"
practice "$T/t78.md" "$T/in78" > "$T/out" 2> "$T/err"
[ $st -eq 0 ] && [ ! -s "$T/err" ] && ! grep -q 'you>' "$T/out" && ! grep -q "$ESC" "$T/out" &&
    grep -q 'you:\*\* What does a typical week look like for you?' "$T/t78.md"
ok $? "#78 stdin from a file: no prompt, no escapes, nothing on stderr, the turn saved"

practice "$T/t79.md" /dev/null > "$T/out" 2> "$T/err"
[ $st -eq 0 ] && [ $ms -lt 2000 ] && head -n 1 "$T/t79.md" | grep -q '^# infocoach practice session' &&
    [ "$(grep -c 'Dolores Whitfield:\*\*' "$T/t79.md")" -ge 2 ]
ok $? "#79 stdin is /dev/null: the meeting ends at once (${ms} ms), status 0, recorded"

printf 'What does a typical week look like for you?\nWho else would you suggest I talk to?' > "$T/in81"
practice "$T/t81.md" "$T/in81" > "$T/out" 2>&1
[ $st -eq 0 ] && grep -q 'you:\*\* Who else would you suggest I talk to?$' "$T/t81.md"
ok $? "#81 input ending without a newline: the last line is the last turn"

printf 'What is \033[2J\033]0;pwn\007 your \001\002 day like?\r\nHow did you start?\n/quit\n' > "$T/in82"
practice "$T/t82.md" "$T/in82" > "$T/out" 2>&1
[ $st -eq 0 ] && ! grep -q "$ESC\|$BEL" "$T/out" "$T/t82.md" &&
    grep -qF 'you:** What is \x1b[2J\x1b]0;pwn\x07 your \x01\x02 day like?' "$T/t82.md"
ok $? "#82 control characters in input: escaped on screen and in the transcript, CR stripped"
printf 'What is your day\000 like, really?\n/quit\n' > "$T/in82n"
practice "$T/t82n.md" "$T/in82n" > "$T/out" 2>&1
[ $st -eq 0 ] && grep -q 'you:\*\* What is your day.* like, really?' "$T/t82n.md"
ok $? "#82 a NUL in a piped line does not cut the rest of the turn from the transcript"

{ printf 'What does a typical week look like for you? '; head -c 3M /dev/zero | tr '\0' y; printf '\nHow did you get into this line of work?\n/quit\n'; } > "$T/in83"
practice "$T/t83.md" "$T/in83" > "$T/out" 2>&1
[ $st -eq 0 ] && [ $ms -lt 2000 ] && grep -q 'That line was longer than 64 KiB; only its start was kept.' "$T/out" &&
    grep -q 'you:\*\* How did you get into this line of work?' "$T/t83.md" && [ "$(wc -c < "$T/t83.md")" -lt 100000 ]
ok $? "#83 a 3 MB line: its start kept with a notice, the next line answered (${ms} ms)"

seq 1 10000 | sed 's/.*/Question number & about your typical week?/' > "$T/in84"
timed 60 "$IC" --seed 1 --no-history --transcript "$T/t84.md" < "$T/in84" > /dev/null 2> "$T/err"
grep '^\*\*[0-9:.]* you:\*\* Question number' "$T/t84.md" | sed 's/.*number \([0-9]*\) .*/\1/' > "$T/got84"
[ $st -eq 0 ] && seq 1 10000 | cmp -s - "$T/got84"
ok $? "#84 10,000 piped lines: every one in the transcript, in order, once (${ms} ms)"

mkfifo "$T/fifo87"
timeout 20 "$IC" --seed 1 --no-history --transcript "$T/t87.md" < "$T/fifo87" > "$T/out87" 2>&1 &
pid=$!
exec 5> "$T/fifo87"
echo 'What does a typical week look like for you?' >&5
deadline=$(( $(date +%s) + 5 ))
while [ "$(date +%s)" -le "$deadline" ] && ! grep -q 'typical week' "$T/t87.md" 2>/dev/null; do sleep 0.1; done
kill -INT $pid 2>/dev/null
sleep 0.3
echo 'How did you get into this line of work?' >&5
exec 5>&-
wait $pid
st=$?
[ $st -eq 0 ] && grep -q 'you:\*\* How did you get into this line of work?' "$T/t87.md"
ok $? "#87 SIGINT during a piped session: nothing is cut short, the next turn is taken (status $st)"

if $have_tmux; then
	tty_start "$T/raw88" "$TTYENV '$IC' --seed 1 --no-history --transcript '$T/t88.md'"
	wait_for '^you>'
	Tm send-keys -t t C-c
	Tm send-keys -t t C-c
	Tm send-keys -t t C-c
	sleep 0.3
	Tm send-keys -t t 'What does a typical week look like for you?' Enter
	wait_reply "$T/t88.md" && Tm send-keys -t t '/quit' Enter && wait_for 'EXITED 0'
	ok $? "#88 three Ctrl-C at an empty prompt: the session goes on and ends normally"

	tty_start "$T/raw90" "$TTYENV '$IC' --seed 1 --no-history --transcript '$T/t90.md'"
	wait_for '^you>'
	Tm send-keys -t t 'What does a typical week look like for you?' Enter
	wait_reply "$T/t90.md"
	Tm send-keys -t t 'half a quest'
	sleep 0.2
	pid=$(pgrep -n -f -- "--transcript $T/t90.md")
	Tm kill-session -t t
	i=0
	while [ $i -lt 20 ] && kill -0 "$pid" 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
	! kill -0 "$pid" 2>/dev/null && grep -q 'you:\*\* What does a typical week look like for you?' "$T/t90.md"
	ok $? "#90 closing the terminal ends the program within 2 s, the completed turn saved"

	for term in dumb unset; do
		if [ $term = unset ]; then e="env -u TERM"; else e="env TERM=dumb"; fi
		tty_start "$T/raw95$term" "$e INPUTRC=/dev/null HOME='$T' XDG_STATE_HOME='$T/state' '$IC' --seed 1 --no-history --transcript '$T/t95$term.md'"
		wait_for 'Dolores: What are you hoping' && wait_for '^you>'
		Tm send-keys -t t 'What does a typical week look like for you?' Enter
		wait_reply "$T/t95$term.md" && Tm send-keys -t t '/quit' Enter && wait_for 'EXITED 0' &&
		    grep -q 'you:\*\* What does a typical week' "$T/t95$term.md"
		ok $? "#95 TERM $term: the session works and is saved"
		! grep -q "$ESC" "$T/raw95$term"
		ok $? "#95 TERM $term: no escape sequences are written"
	done

	printf 'set no-such-variable on\n"\\e[A": no-such-function\n$if term=xterm\n\001\002\377\376 garbage\nset editing-mode bogus\n' > "$T/inputrc-bad"
	tty_start "$T/raw97" "env INPUTRC='$T/inputrc-bad' TERM=xterm HOME='$T' XDG_STATE_HOME='$T/state' '$IC' --seed 1 --no-history --transcript '$T/t97.md'"
	wait_for '^you>'
	Tm send-keys -t t 'What does a typical week look like for you?' Enter
	wait_reply "$T/t97.md" && Tm send-keys -t t '/quit' Enter && wait_for 'EXITED 0'
	ok $? "#97 a broken INPUTRC (unknown settings, garbage bytes, open \$if): the program works"
	printf '$include %s\n' "$T/inputrc-self" > "$T/inputrc-self"
	tty_start "$T/raw97s" "env INPUTRC='$T/inputrc-self' TERM=xterm HOME='$T' XDG_STATE_HOME='$T/state' '$IC' --seed 1 --no-history --transcript '$T/t97s.md'"
	wait_for 'EXITED\|^you>'
	Tm send-keys -t t '/quit' Enter
	wait_for 'EXITED' && Tm capture-pane -p -t t | grep -q 'EXITED 0'
	ok $? "#97 an INPUTRC that includes itself: the program works (no crash)"
else
	for d in "#88 Ctrl-C at an empty prompt" "#90 closing the terminal" \
	    "#95 TERM dumb works" "#95 TERM dumb no escapes" "#95 TERM unset works" "#95 TERM unset no escapes" \
	    "#97 a broken INPUTRC" "#97 a self-including INPUTRC"; do
		skip "$d" "tmux is not installed"
	done
fi

printf 'What is a typical caf\303\251 week like, \346\227\245\346\234\254?\n/quit\n' > "$T/in96"
LC_ALL=C practice "$T/t96.md" "$T/in96" > "$T/out" 2>&1
[ $st -eq 0 ] && grep -q "you:\*\* $(printf 'What is a typical caf\303\251 week like, \346\227\245\346\234\254?')\$" "$T/t96.md"
ok $? "#96 LC_ALL=C: UTF-8 answers are saved byte for byte"

mkdir -p "$T/h100"
mkfifo "$T/f1" "$T/f2"
HOME="$T/h100" XDG_STATE_HOME="$T/s100" timeout 20 "$IC" --seed 1 --no-history < "$T/f1" > /dev/null 2>&1 &
p1=$!
HOME="$T/h100" XDG_STATE_HOME="$T/s100" timeout 20 "$IC" --seed 2 --persona jonah --no-history < "$T/f2" > /dev/null 2>&1 &
p2=$!
exec 5> "$T/f1" 6> "$T/f2"
for i in 1 2 3; do
	echo "Alpha question $i about your typical week?" >&5
	echo "Beta question $i about your typical week?" >&6
done
exec 5>&- 6>&-
wait $p1
st1=$?
wait $p2
st2=$?
n=0 mixed=0
for f in "$T"/s100/infocoach/sessions/*.md; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	case "$(grep -c 'Alpha question' "$f") $(grep -c 'Beta question' "$f")" in
	"3 0"|"0 3") ;;
	*) mixed=$((mixed + 1)) ;;
	esac
done
[ $st1 -eq 0 ] && [ $st2 -eq 0 ] && [ $n -eq 2 ] && [ $mixed -eq 0 ]
ok $? "#100 two sessions at once: two transcripts, each with only its own turns"

########################################################################
# B7. Transcript, history and disk faults
########################################################################

printf 'What does a typical week look like for you?\nHow did you get into this line of work?\nWho else would you suggest I talk to?\n' > "$T/in101"
# stdout itself must not hit the limit: send it through a pipe.  The
# limit is 1 KiB: bash counts ulimit -f in 1024-byte blocks, dash in 512.
rm -f "$T/t101.md"
kib1=2
[ -n "${BASH_VERSION:-}" ] && kib1=1
{ (trap '' XFSZ; ulimit -f $kib1; exec timeout 20 "$IC" --seed 1 --no-history --transcript "$T/t101.md" < "$T/in101" 2> "$T/err101"); echo $? > "$T/st"; } | cat > "$T/out101"
st=$(cat "$T/st")
[ "$st" -eq 3 ] && grep -q "cannot save the transcript '$T/t101.md': File too large" "$T/out101" "$T/err101" &&
    head -n 1 "$T/t101.md" | grep -q '^# infocoach practice session' &&
    grep -q 'you:\*\* What does a typical week look like for you?' "$T/t101.md"
ok $? "#101 a full disk (ulimit -f, 1 KiB): reported with the file and the cause, earlier turns intact, status 3"
tail -n 4 "$T/out101" "$T/err101" | grep -qi 'not saved\|could not be saved\|incomplete\|unsaved'
ok $? "#101 the closing lines say the transcript is incomplete, not just where it is"

mkdir "$T/d102"
echo OLD > "$T/d102/t.thanks.txt"
{ (trap '' XFSZ; ulimit -f 0; exec timeout 20 "$IC" --seed 1 --no-history --transcript "$T/d102/t.md" < "$T/in101" 2> "$T/err102"); echo $? > "$T/st"; } | cat > "$T/out102"
[ "$(cat "$T/st")" -eq 3 ] && [ "$(cat "$T/d102/t.thanks.txt")" = OLD ] &&
    [ -z "$(ls -A "$T/d102" | grep '^\.')" ] && grep -q "cannot save '$T/d102/t.thanks.txt': File too large" "$T/out102" "$T/err102"
ok $? "#102 the thank-you draft cannot be written: the old one untouched, no temporary file left, status 3"

mkdir "$T/h104"
: > "$T/h104/state"
HOME="$T/h104" XDG_STATE_HOME="$T/h104/state" timed 5 "$IC" --seed 1 --no-history < "$T/in78" > "$T/out" 2> "$T/err"
[ $st -eq 2 ] && [ ! -s "$T/out" ] && grep -q "'$T/h104/state' exists and is not a directory" "$T/err" &&
    grep -q 'Use --transcript FILE to choose another place, or --no-transcript.' "$T/err"
ok $? "#104 a file where the state directory should be: a clear error before the meeting starts"

if $unpriv_ok; then
	mkdir -p "$T/ro/infocoach" "$T/nbhome"
	chmod 555 "$T/ro/infocoach"
	chmod 777 "$T/nbhome"
	HOME="$T/nbhome" XDG_STATE_HOME="$T/ro" timed 5 $unpriv "$IC" --seed 1 --no-history < /dev/null > "$T/out" 2> "$T/err"
	[ $st -eq 2 ] && [ ! -s "$T/out" ] &&
	    grep -q "cannot create the directory '$T/ro/infocoach/sessions': Permission denied" "$T/err" &&
	    grep -q 'Use --transcript FILE' "$T/err"
	ok $? "#105 an unwritable state directory: a clear error at startup with the way out"
	chmod 755 "$T/ro/infocoach"
else
	skip "#105 an unwritable state directory" "root without setpriv"
fi

printf 'old content\n' > "$T/t107.md"
chmod 644 "$T/t107.md"
practice "$T/t107.md" "$T/in78" > /dev/null 2>&1
[ $st -eq 0 ] && [ "$(stat -c %a "$T/t107.md")" = 600 ] && [ "$(head -n 1 "$T/t107.md")" = 'old content' ]
ok $? "#107 an existing 0644 transcript becomes 0600 and keeps its content"
if $have_tmux; then
	mkdir -p "$T/h107/state/infocoach"
	printf 'old line\n' > "$T/h107/state/infocoach/history"
	chmod 644 "$T/h107/state/infocoach/history"
	tty_start "$T/raw107" "env INPUTRC=/dev/null TERM=xterm HOME='$T/h107' XDG_STATE_HOME='$T/h107/state' '$IC' --seed 1 --transcript '$T/h107/t.md'"
	wait_for '^you>' && Tm send-keys -t t '/quit' Enter && wait_for 'EXITED 0'
	[ $? -eq 0 ] && [ "$(stat -c %a "$T/h107/state/infocoach/history")" = 600 ] &&
	    grep -q '^old line$' "$T/h107/state/infocoach/history"
	r=$?
	[ $r -eq 0 ] || { diag "the history file:"; ls -l "$T/h107/state/infocoach"; sed 's/^/#   /' "$T/h107/state/infocoach/history"
	    diag "the screen:"; Tm capture-pane -p -t t | grep -v '^$' | tail -n 15 | sed 's/^/#   /'; } 2>&1 | sed 's/^[^#]/# &/'
	ok $r "#107 an existing 0644 history file becomes 0600"
else
	skip "#107 an existing 0644 history file becomes 0600" "tmux is not installed"
fi

mkdir "$T/d109"
printf 'half-written\n' > "$T/d109/.t.thanks.txt.Ab12Cd"
printf 'What does a typical week look like for you?\nWho else would you suggest I talk to?\n' > "$T/in109"
practice "$T/d109/t.md" "$T/in109" > /dev/null 2>&1
[ $st -eq 0 ] && grep -q '^Dear Dolores' "$T/d109/t.thanks.txt" && [ "$(cat "$T/d109/.t.thanks.txt.Ab12Cd")" = half-written ]
ok $? "#109 a stale temporary file from a crash is ignored; the draft is saved beside it"

if $have_tmux; then
	mkdir -p "$T/h110/state/infocoach/history"
	tty_start "$T/raw110" "env INPUTRC=/dev/null TERM=xterm HOME='$T/h110' XDG_STATE_HOME='$T/h110/state' '$IC' --seed 1 --transcript '$T/h110/t.md'"
	wait_for '^you>'
	Tm send-keys -t t 'What does a typical week look like for you?' Enter
	wait_reply "$T/h110/t.md" && Tm send-keys -t t '/quit' Enter && wait_for 'EXITED 0' &&
	    wait_for 'warning: cannot save the history' && grep -q 'you:\*\* What does a typical week' "$T/h110/t.md"
	ok $? "#110 an unusable history file: a warning, status 0, the transcript unaffected"
else
	skip "#110 an unusable history file" "tmux is not installed"
fi

env -u HOME XDG_STATE_HOME="$T/s111" timeout 5 "$IC" --seed 1 --no-history < /dev/null > "$T/out" 2> "$T/err"
st=$?
[ $st -eq 0 ] && [ "$(ls "$T/s111/infocoach/sessions/" | grep -c '\.md$')" -eq 1 ]
ok $? "#111 HOME unset: XDG_STATE_HOME is used"
mkdir "$T/h111" "$T/cwd111"
(cd "$T/cwd111" && HOME="$T/h111" XDG_STATE_HOME=rel/state timeout 5 "$IC" --seed 1 --no-history < /dev/null > "$T/out" 2> "$T/err")
[ $? -eq 0 ] && [ ! -e "$T/cwd111/rel" ] && [ "$(ls "$T/h111/.local/state/infocoach/sessions/" | grep -c '\.md$')" -eq 1 ]
ok $? "#111 a relative XDG_STATE_HOME is ignored: ~/.local/state is used"
if [ -n "$unpriv" ]; then
	(cd "$T/cwd111" && env -u HOME XDG_STATE_HOME=rel timeout 5 $unpriv "$IC" --seed 1 --no-history < /dev/null > "$T/out" 2> "$T/err")
	[ $? -eq 2 ] && [ ! -s "$T/out" ] && grep -q "cannot create the directory '/nonexistent'" "$T/err"
	ok $? "#111 HOME unset and no usable XDG_STATE_HOME: the password database's home, a clear error when unusable"
else
	skip "#111 HOME unset and a relative XDG_STATE_HOME" "would write in the real home directory"
fi

(ulimit -v 24000; exec timeout 10 "$IC" validate -q "$T/q22000.yaml") > /dev/null 2> "$T/err"
st=$?
if $sanitized; then
	skip "#112 out of memory while loading" "a sanitizer build reserves more address space than the limit"
elif [ $st -eq 127 ]; then
	skip "#112 out of memory while loading" "the loader itself needs more than 24 MB here"
else
	[ $st -eq 2 ] && [ "$(cat "$T/err")" = "infocoach: out of memory" ]
	ok $? "#112 out of memory while loading a bank: 'out of memory', status 2, no crash"
fi

printf 'What does a typical week look like for you?\nWho else would you suggest I talk to?\n' > "$T/in113"
# Close what make's job server may have left open, so the limit means the same everywhere.
(for fd in 3 4 5 6 7 8 9; do eval "exec $fd>&-"; done
 ulimit -n 4; exec timeout 20 "$IC" --seed 1 --no-history --transcript "$T/t113.md") < "$T/in113" > "$T/out" 2> "$T/err"
st=$?
[ $st -eq 3 ] && grep -q 'Too many open files' "$T/out" "$T/err" &&
    grep -q 'you:\*\* Who else would you suggest I talk to?' "$T/t113.md"
ok $? "#113 'ulimit -n 4': 'Too many open files' for the drafts, status 3, every turn saved"

done_testing
