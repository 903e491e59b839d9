#!/bin/sh
# tests/man.sh -- the manual page renders without warnings and documents
# every option that --help shows, for the program and each command.
. "${TOP_SRCDIR:-$(dirname "$0")/..}/tests/lib.sh"

man="$TOP_SRCDIR/man/infocoach.1"
if command -v mandoc >/dev/null 2>&1; then
	out=$(mandoc -Tlint -Wwarning "$man" 2>&1)
	st=$?
	[ -n "$out" ] && diag "$out"
	ok $st "mandoc -Tlint finds no warnings"
else
	skip "mandoc -Tlint finds no warnings" "mandoc is not installed"
fi

# Every --long option in every --help, as the man page writes it: .Fl -name
for cmd in "" practice mock report review progress prepare check validate banks rules train; do
	for opt in $("$INFOCOACH" $cmd --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
		name=${opt#--}
		grep -q -- "Fl .*-$name\\b\\|Fl -$name\\b" "$man"
		ok $? "man page documents ${cmd:-infocoach} $opt"
	done
done
# Every command and every session command.
for cmd in practice mock report review progress prepare check validate banks rules train; do
	grep -q "^\.It Cm $cmd\$" "$man"
	ok $? "man page documents the command $cmd"
done
for c in help time suggest next tips flags report why end review quit; do
	grep -q "^\.It Ic /$c" "$man"
	ok $? "man page documents /$c"
done
done_testing
