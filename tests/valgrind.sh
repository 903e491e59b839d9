#!/bin/sh
# tests/valgrind.sh -- the C unit tests, the fuzz replays and every golden
# session under valgrind memcheck: zero errors and zero definite or
# indirect leaks.  Run by 'make check-valgrind' (scripts/test does).
. "${TOP_SRCDIR:-$(dirname "$0")/..}/tests/lib.sh"

if ! command -v valgrind >/dev/null 2>&1; then
	echo "1..0 # SKIP valgrind is not installed"
	exit 0
fi
# PCRE2's JIT code reads in vector-sized blocks that memcheck reports as
# uninitialised; the interpreter runs the same patterns and can be checked.
INFOCOACH_NO_JIT=1
export INFOCOACH_NO_JIT
vg="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect"

for t in test_text test_lookahead test_stemmer test_ytree test_bank test_transcript test_transcript_read test_replay test_mock test_shipped test_understand test_host test_accuracy; do
	prog="$TOP_BUILDDIR/tests/unit/$t"
	[ -x "$prog" ] || { skip "valgrind $t" "not built"; continue; }
	# shellcheck disable=SC2086
	(cd "$TEST_HOME" && $vg "$prog" > "$TEST_HOME/vg.out" 2> "$TEST_HOME/vg.err")
	st=$?
	# A unit test's own failures are its own business; here only memcheck counts.
	[ $st -ne 99 ] && ! grep -q '^==[0-9]*==' "$TEST_HOME/vg.err"
	r=$?
	[ $r -eq 0 ] || diag "$(grep '^==' "$TEST_HOME/vg.err" | head -n 30)"
	ok $r "valgrind: $t"
done

# Every golden case, with the program under valgrind; its reports go to
# files, so the golden comparison itself stays byte for byte.
logs="$TEST_HOME/vglogs"
mkdir -p "$logs"
wrap="$TEST_HOME/infocoach-vg"
cat > "$wrap" <<EOW
#!/bin/sh
exec $vg --log-file="$logs/%p.log" "$INFOCOACH" "\$@"
EOW
chmod +x "$wrap"
out=$(INFOCOACH="$wrap" sh "$TOP_SRCDIR/tests/golden.sh" 2>&1)
failed=$(printf '%s\n' "$out" | grep -c '^not ok')
[ "$failed" -eq 0 ]
r=$?
[ $r -eq 0 ] || diag "$(printf '%s\n' "$out" | grep -A5 '^not ok' | head -n 40)"
ok $r "valgrind: every golden case still gives its expected output ($failed differ)"
bad=$(find "$logs" -name '*.log' -size +0 | wc -l)
[ "$bad" -eq 0 ]
r=$?
[ $r -eq 0 ] || diag "$(find "$logs" -name '*.log' -size +0 -exec cat {} + | head -n 40)"
ok $r "valgrind: no memcheck report in any golden session ($bad with reports)"
done_testing
