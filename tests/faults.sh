#!/bin/sh
# tests/faults.sh -- nothing is lost: kill -9 mid-session leaves every
# completed turn readable; a failing write or fsync while saving is
# reported at once and the exit status is 3 (builds configured with
# --enable-fault-injection); files are private whatever the umask; a
# symlink planted at the transcript path is refused; stdout on a full
# disk is an error.
. "${TOP_SRCDIR:-$(dirname "$0")/..}/tests/lib.sh"

# kill -9 in the middle of a piped session.
fifo="$TEST_HOME/in"
mkfifo "$fifo"
tr="$TEST_HOME/k9.md"
"$INFOCOACH" --seed 1 --transcript "$tr" < "$fifo" > "$TEST_HOME/k9.out" 2>&1 &
pid=$!
exec 3> "$fifo"
printf 'What does a typical week look like for you?\nHow did you get into this line of work?\n' >&3
deadline=$(( $(date +%s) + 10 ))
while [ "$(date +%s)" -le "$deadline" ]; do
	n=$(grep -c '^\*\*.* you:\*\*' "$tr" 2>/dev/null)
	[ "${n:-0}" -ge 2 ] && break
	sleep 0.1
done
sleep 0.3
kill -9 $pid
wait $pid 2>/dev/null
exec 3>&-
grep -q 'you:\*\* What does a typical week look like for you?' "$tr" &&
	grep -q 'you:\*\* How did you get into this line of work?' "$tr"
ok $? "kill -9: both turns said before the kill are in the transcript"
n_host=$(grep -c 'Dolores Whitfield:\*\*' "$tr")
[ "$n_host" -ge 4 ]
ok $? "kill -9: the host's replies are there too ($n_host records)"
awk 'NF && !/^\*\*[0-9:.]+ [^*]+:\*\* / && !/^# / && !/^- /' "$tr" | grep -q . 
[ $? -ne 0 ]
ok $? "kill -9: every line of the transcript is a complete record"

# Private files whatever the umask.
for u in 000 077 022; do
	d="$TEST_HOME/umask$u"
	(umask $u; printf '/quit\n' | "$INFOCOACH" --seed 1 --transcript "$d/sub/t.md" > /dev/null 2>&1)
	[ "$(stat -c %a "$d/sub/t.md")" = 600 ] && [ "$(stat -c %a "$d/sub")" = 700 ]
	ok $? "umask $u: transcript 0600 in a 0700 directory"
done

# A symlink planted at the transcript path is refused; its target is untouched.
echo "precious" > "$TEST_HOME/target"
ln -s "$TEST_HOME/target" "$TEST_HOME/link.md"
printf '/quit\n' | "$INFOCOACH" --transcript "$TEST_HOME/link.md" > /dev/null 2> "$TEST_HOME/err"
st=$?
[ $st -eq 2 ] && grep -q "refusing to write through the symbolic link" "$TEST_HOME/err" &&
	[ "$(cat "$TEST_HOME/target")" = precious ]
ok $? "a symlink at the transcript path is refused (status $st) and its target untouched"

# stdout on a full disk.
if [ -w /dev/full ]; then
	"$INFOCOACH" rules > /dev/full 2> "$TEST_HOME/err"
	st=$?
	[ $st -eq 2 ] && grep -q "write error" "$TEST_HOME/err"
	ok $? "stdout on /dev/full: 'write error', status 2 ($st)"
else
	skip "stdout on /dev/full" "no /dev/full"
fi

# Injected faults (test builds only): a build without them ignores the
# variable, and saving the transcript then succeeds.
printf '/quit\n' | INFOCOACH_FAULT_WRITE=1+ "$INFOCOACH" --transcript "$TEST_HOME/probe.md" > /dev/null 2>&1
if [ $? -eq 3 ]; then
	tr="$TEST_HOME/fault.md"
	printf 'What does a typical week look like for you?\nHow did you get into this line of work?\n/quit\n' |
		INFOCOACH_FAULT_WRITE=3 "$INFOCOACH" --seed 1 --transcript "$tr" > "$TEST_HOME/out" 2>&1
	st=$?
	[ $st -eq 3 ] && grep -q "No space left on device" "$TEST_HOME/out"
	ok $? "a failing write is reported at once and the status is 3 ($st)"
	grep -q 'you:\*\* How did you get into this line of work?' "$tr" && [ "$(grep -c 'opening\|Brightwater' "$tr")" -ge 1 ]
	ok $? "the turn whose write failed is saved by the next write"
	printf 'What does a typical week look like for you?\n/quit\n' |
		INFOCOACH_FAULT_FSYNC=2+ "$INFOCOACH" --seed 1 --transcript "$TEST_HOME/fsync.md" > "$TEST_HOME/out" 2>&1
	st=$?
	[ $st -eq 3 ] && grep -q "Input/output error" "$TEST_HOME/out"
	ok $? "a failing fsync is reported and the status is 3 ($st)"
	head -n 1 "$TEST_HOME/fsync.md" | grep -q '^# infocoach practice session'
	ok $? "what was saved before the failure is intact"
	ev="$TEST_HOME/fault.jsonl"
	printf 'What does a typical week look like for you?\nHow did you get into this line of work?\n/end\n' |
		INFOCOACH_FAULT_WRITE=1 "$INFOCOACH" --seed 1 --no-transcript --events "$ev" > "$TEST_HOME/out" 2>&1
	st=$?
	[ $st -eq 3 ] && grep -q "No space left on device" "$TEST_HOME/out" && [ "$(wc -l < "$ev")" -eq 2 ] &&
	    grep -q '"turn": 1,' "$ev" && grep -q '"turn": 2,' "$ev"
	ok $? "--events on a full disk: reported at once, status 3, the lost line saved with the next ($st)"
else
	skip "a failing write is reported at once and the status is 3" "not a --enable-fault-injection build"
	skip "the turn whose write failed is saved by the next write" "not a --enable-fault-injection build"
	skip "a failing fsync is reported and the status is 3" "not a --enable-fault-injection build"
	skip "what was saved before the failure is intact" "not a --enable-fault-injection build"
	skip "--events on a full disk" "not a --enable-fault-injection build"
fi
done_testing
