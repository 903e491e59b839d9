# tests/lib.sh -- helpers for the shell tests (sourced, not run).
#
# Every shell test prints TAP: ok/not ok lines with a number, then a plan.
# INFOCOACH, TOP_SRCDIR and TOP_BUILDDIR come from the Makefile; when a
# test is run by hand they default to the source tree.

: "${TOP_SRCDIR:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${TOP_BUILDDIR:=$TOP_SRCDIR}"
: "${INFOCOACH:=$TOP_BUILDDIR/src/infocoach}"
export TOP_SRCDIR TOP_BUILDDIR INFOCOACH

# Keep the user's own banks, config and history out of the tests.
TEST_HOME=$(mktemp -d "${TMPDIR:-/tmp}/infocoach-test.XXXXXX")
trap 'rm -rf "$TEST_HOME"' EXIT
export HOME="$TEST_HOME"
export XDG_DATA_HOME="$TEST_HOME/data"
export XDG_STATE_HOME="$TEST_HOME/state"
export XDG_CONFIG_HOME="$TEST_HOME/config"
export XDG_DATA_DIRS="$TEST_HOME/share"     # no system-wide banks
export XDG_CONFIG_DIRS="$TEST_HOME/etc"     # nor a system-wide config
export LC_ALL=C.UTF-8
unset NO_COLOR INFOCOACH_HISTORY INFOCOACH_FAULT_WRITE INFOCOACH_FAULT_FSYNC POSIXLY_CORRECT 2>/dev/null || true
# Tables fit $COLUMNS when it is set: the expected output has no limit.
unset COLUMNS 2>/dev/null || true
# The cache of compiled patterns goes to the test's own home (the C tests,
# which have no home of their own, run with none).
unset INFOCOACH_CACHE XDG_CACHE_HOME 2>/dev/null || true
# Nor a project's .infocoach.yaml in a parent of the tree: an empty config
# file holds no settings.  (tests/config.sh unsets this to test the search.)
: > "$TEST_HOME/no-settings.yaml"
export INFOCOACH_CONFIG="$TEST_HOME/no-settings.yaml"

tap_n=0
tap_failed=0

# ok COND-STATUS DESCRIPTION: report the status of the last command.
ok() {
	tap_n=$((tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $tap_n - $2"
	else
		echo "not ok $tap_n - $2"
		tap_failed=$((tap_failed + 1))
	fi
}

# skip DESCRIPTION REASON
skip() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $1 # SKIP $2"
}

# diag TEXT...: a TAP comment (shown in the log).
diag() {
	printf '%s\n' "$@" | sed 's/^/# /'
}

done_testing() {
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
}
