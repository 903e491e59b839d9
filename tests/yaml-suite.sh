#!/bin/sh
# tests/yaml-suite.sh -- feed every case of the YAML test suite to
# 'infocoach validate': never a crash or a hang (2 s each), exit status 0
# or 2, and a positioned message for every rejected case.
#
# The suite is read from $YAML_TEST_SUITE, or ../shared/yaml-test-suite
# beside the source tree; it is never copied into the project, and the
# test is skipped when it is not there.
. "${TOP_SRCDIR:-$(dirname "$0")/..}/tests/lib.sh"

suite=${YAML_TEST_SUITE:-$TOP_SRCDIR/../shared/yaml-test-suite}
if [ ! -d "$suite" ]; then
	# A distcheck build runs in a subdirectory of the source tree.
	for up in ../.. ../../.. ../../../..; do
		[ -d "$TOP_SRCDIR/$up/shared/yaml-test-suite" ] && suite="$TOP_SRCDIR/$up/shared/yaml-test-suite" && break
	done
fi
if [ ! -d "$suite" ] || ! ls "$suite"/*/in.yaml >/dev/null 2>&1; then
	echo "1..0 # SKIP yaml-test-suite not found (set YAML_TEST_SUITE)"
	exit 0
fi

total=0 crashed=0 unpositioned=0 accepted_errors=0 compared=0 disagree=0
baseline="$suite/libyaml-0.2.5-baseline.tsv"
tab=$(printf '\t')
err="$TEST_HOME/err"
for dir in "$suite"/*/; do
	[ -f "$dir/in.yaml" ] || continue
	id=$(basename "$dir")
	total=$((total + 1))
	timeout 2 "$INFOCOACH" validate -q "$dir/in.yaml" > /dev/null 2> "$err"
	st=$?
	if [ $st -ne 0 ] && [ $st -ne 2 ]; then
		diag "$id: exit status $st (crash or time-out)"
		crashed=$((crashed + 1))
		continue
	fi
	if [ $st -eq 2 ]; then
		# Every message is positioned: FILE:LINE:COL: error: ...
		if grep -v -q "^infocoach: .*in\.yaml:[0-9][0-9]*:[0-9][0-9]*: error: " "$err" ||
		   ! [ -s "$err" ]; then
			diag "$id: a message without a position:" "$(head -n 3 "$err")"
			unpositioned=$((unpositioned + 1))
		fi
	fi
	# An invalid case must never load as a valid bank.
	if [ -f "$dir/error" ] && [ $st -eq 0 ]; then
		diag "$id: invalid YAML accepted as a valid bank"
		accepted_errors=$((accepted_errors + 1))
	fi
	# Where libyaml 0.2.5 rejects the text, we report its problem at the
	# same line and column (with our own words for a misplaced tab), unless one of our own rules (no tags, a single
	# document...) stopped the file on an earlier line.
	[ -f "$baseline" ] || continue
	first=$(grep "^$id$tab" "$baseline" | awk -F"$tab" '$3 == "reject" {print $4}')
	[ -n "$first" ] || continue
	compared=$((compared + 1))
	pos=${first%%: *}
	msg=${first#*: }
	if grep -qF "in.yaml:$pos: error: $msg" "$err"; then
		continue
	fi
	# A tab where a token should start gets our own plainer message.
	if grep -qF "in.yaml:$pos: error: tab character where YAML expects" "$err"; then
		continue
	fi
	ours=$(sed -n '1s/.*in\.yaml:\([0-9]*\):.*/\1/p' "$err")
	if [ -n "$ours" ] && [ "$ours" -lt "${pos%%:*}" ]; then
		continue
	fi
	diag "$id: libyaml says $first; we said: $(head -n 1 "$err")"
	disagree=$((disagree + 1))
done

diag "$total cases"
[ $total -ge 400 ]; ok $? "the suite has its 402 cases ($total)"
[ $crashed -eq 0 ]; ok $? "no crash, hang or unexpected status ($crashed)"
[ $unpositioned -eq 0 ]; ok $? "every rejection is positioned ($unpositioned without)"
[ $accepted_errors -eq 0 ]; ok $? "no invalid case loads as a bank ($accepted_errors)"
if [ -f "$baseline" ]; then
	[ $compared -ge 100 ] && [ $disagree -eq 0 ]
	ok $? "syntax errors at libyaml's own positions ($compared compared, $disagree disagree)"
else
	skip "syntax errors at libyaml's own positions" "no baseline file"
fi
done_testing
