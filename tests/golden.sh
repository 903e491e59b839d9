#!/bin/sh
# tests/golden.sh -- run every case under tests/golden/ and compare what
# the user would see, byte for byte.
#
# A case is a directory holding:
#   args    the command line after 'infocoach' (shell words; $TOP is the
#           source tree), run with the case directory as working directory
#   stdin   optional: fed to standard input (otherwise /dev/null)
#   stdout  expected standard output (missing = must be empty)
#   stderr  expected standard error (missing = must be empty)
#   status  expected exit status (missing = 0)
#   env     optional: extra VAR=value lines exported for the run
# The source tree's path in the output is written $TOP, so expectations
# hold wherever the tree is.  UPDATE_GOLDEN=1 rewrites stdout, stderr and
# status from the program.
. "${TOP_SRCDIR:-$(dirname "$0")/..}/tests/lib.sh"

TOP=$TOP_SRCDIR
export TOP
out="$TEST_HOME/out"
err="$TEST_HOME/err"

for dir in "$TOP_SRCDIR"/tests/golden/*/; do
	case=$(basename "$dir")
	[ -f "$dir/args" ] || continue
	args=$(cat "$dir/args")
	input=/dev/null
	[ -f "$dir/stdin" ] && input="$dir/stdin"
	(
		cd "$dir" || exit 99
		if [ -f env ]; then
			while IFS= read -r kv; do
				[ -n "$kv" ] && export "${kv?}"
			done < env
		fi
		eval "set -- $args"
		exec "$INFOCOACH" "$@" < "$input" > "$out" 2> "$err"
	)
	st=$?
	# The source tree's location is not part of the expected output.
	for f in "$out" "$err"; do
		sed "s|$TOP_SRCDIR|\$TOP|g" "$f" > "$f.n" && mv "$f.n" "$f"
	done
	if [ -n "${UPDATE_GOLDEN:-}" ]; then
		if [ -s "$out" ]; then cp "$out" "$dir/stdout"; else rm -f "$dir/stdout"; fi
		if [ -s "$err" ]; then cp "$err" "$dir/stderr"; else rm -f "$dir/stderr"; fi
		if [ $st -ne 0 ]; then echo $st > "$dir/status"; else rm -f "$dir/status"; fi
	fi
	want_st=0
	[ -f "$dir/status" ] && want_st=$(cat "$dir/status")
	fail=0
	# The follow-up plan's dates come from the clock: a case that prints
	# one must fix it (env: INFOCOACH_TEST_CLOCK), or it fails tomorrow.
	if grep -q '^Follow-up plan' "$out" && ! grep -qs '^INFOCOACH_TEST_CLOCK=' "$dir/env"; then
		diag "$case: prints a follow-up plan with the real date; add env with INFOCOACH_TEST_CLOCK=30s"
		fail=1
	fi
	if [ "$st" != "$want_st" ]; then
		diag "$case: exit status $st, expected $want_st"
		fail=1
	fi
	for stream in stdout stderr; do
		got="$out"
		[ $stream = stderr ] && got="$err"
		want="$dir/$stream"
		[ -f "$want" ] || want=/dev/null
		if ! cmp -s "$got" "$want"; then
			diag "$case: $stream differs:"
			diff -u "$want" "$got" | head -n 20 | sed 's/^/  /' | while IFS= read -r l; do diag "$l"; done
			fail=1
		fi
	done
	ok $fail "$case"
done

done_testing
