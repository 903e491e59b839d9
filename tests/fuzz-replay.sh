#!/bin/sh
# tests/fuzz-replay.sh -- replay every input the fuzzers ever found a
# problem with (fuzz/regressions/), and the seeds, through the fuzz
# targets built as ordinary programs (fuzz/replay.c).  Under
# --enable-sanitizers this is a sanitizer run of them all.
. "${TOP_SRCDIR:-$(dirname "$0")/..}/tests/lib.sh"

for t in bank rule check; do
	prog="$TOP_BUILDDIR/fuzz/replay_$t"
	inputs="$TOP_SRCDIR/fuzz/regressions/$t"
	case $t in
	bank) inputs="$inputs $(ls -d "$TOP_SRCDIR"/tests/golden/validate-*/ 2>/dev/null)" ;;
	rule) inputs="$inputs $TOP_SRCDIR/fuzz/seeds/rule" ;;
	check) inputs="$inputs $(ls "$TOP_SRCDIR"/tests/golden/check-*/*.txt "$TOP_SRCDIR"/tests/golden/check-*/d.* 2>/dev/null)" ;;
	esac
	# shellcheck disable=SC2086
	out=$(TOP_SRCDIR="$TOP_SRCDIR" timeout 300 "$prog" $inputs 2>&1)
	st=$?
	n=$(printf '%s\n' "$out" | grep -c '^ok ')
	[ $st -eq 0 ] && printf '%s\n' "$out" | grep -q "^1\.\.$n\$"
	r=$?
	[ $r -eq 0 ] || diag "$(printf '%s\n' "$out" | tail -n 20)"
	ok $r "fuzz target $t replays $n inputs cleanly"
done
done_testing
