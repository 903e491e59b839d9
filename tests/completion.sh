#!/bin/sh
# tests/completion.sh -- the bash completion offers commands, options,
# bank names and persona ids, as a user pressing Tab would see them.
. "${TOP_SRCDIR:-$(dirname "$0")/..}/tests/lib.sh"

if ! command -v bash >/dev/null 2>&1; then
	echo "1..0 # SKIP bash is not installed"
	exit 0
fi
# complete WORDS...: what Tab offers after the words (the last may be partial).
complete_words() {
	PATH="$(dirname "$INFOCOACH"):$PATH" bash -c '
		. "$1"; shift
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		_infocoach
		printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " "' \
		bash "$TOP_SRCDIR/completion/infocoach" "$@"
}
check() {
	want=$1
	shift
	got=$(complete_words "$@")
	[ "$got" = "$want" ]
	r=$?
	[ $r -eq 0 ] || diag "infocoach completion of '$*': got '$got', want '$want'"
	ok $r "Tab after '$*' offers: $want"
}
check "check " infocoach ch
check "mock " infocoach m
check "report review rules " infocoach r
check "--bank --help --html " infocoach report --
mkdir -p "$TEST_HOME/t/sessions"
: > "$TEST_HOME/t/a.md"
: > "$TEST_HOME/t/notes.txt"
check "$TEST_HOME/t/a.md $TEST_HOME/t/sessions " infocoach report "$TEST_HOME/t/"
: > "$TEST_HOME/t/old.html"
check "$TEST_HOME/t/old.html $TEST_HOME/t/sessions " infocoach report --html "$TEST_HOME/t/"
check "--fail-on --format " infocoach check --f
check "accounting " infocoach --bank acc
check "public-relations " infocoach check --bank pub
check "annette tyler " infocoach practice --bank nursing --persona ""
check "dolores " infocoach --persona d
check "json pcre2grep text " infocoach rules -f ""
check "sarif " infocoach check --format s
check "lenient " infocoach mock --policy l
check "--bank --help --names --personas " infocoach banks --
check "config " infocoach con
check "--color --config " infocoach mock --co
check "transcript-dir " infocoach config tr
check "--config --help --no-config " infocoach config --
check "train " infocoach tr
check "--folds --help --output --quiet --words " infocoach train --
check "--events " infocoach practice --ev
check "--questions " infocoach mock --qu
check "$TEST_HOME/t/a.md $TEST_HOME/t/notes.txt $TEST_HOME/t/old.html $TEST_HOME/t/sessions " infocoach practice --questions "$TEST_HOME/t/"
check "practice prepare progress " infocoach pr
check "--config --dir --format --help --html --no-config " infocoach progress --
check "--bank --color --config --dir --help --no-config " infocoach review --
check "review " infocoach rev
check "json text " infocoach progress --format ""
check "$TEST_HOME/t/a.md $TEST_HOME/t/sessions " infocoach progress "$TEST_HOME/t/"
check "$TEST_HOME/t/sessions " infocoach progress --dir "$TEST_HOME/t/"
check "--bank --config --duration --help --no-config --output --seed " infocoach prepare --
check "nursing " infocoach prepare --bank nu
check "20m 25m 30m " infocoach prepare -d ""
done_testing
