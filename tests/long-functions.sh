#!/bin/sh
# tests/long-functions.sh -- no function in src/ over 120 lines, unless the
# comment just above it says why (it mentions "120 lines").  The lengths
# come from scripts/long-functions, which a newcomer can run by hand.
. "${TOP_SRCDIR:-$(dirname "$0")/..}/tests/lib.sh"

measure="$TOP_SRCDIR/scripts/long-functions"

long=$(cd "$TOP_SRCDIR" && "$measure" src/*.c | grep -v ', and says why$' | sed '/^$/d')
[ -z "$long" ]
ok $? "no function in src/ is over 120 lines without a comment saying why"
[ -n "$long" ] && diag "$long"

# The measure finds a long function, counts its braces and reads the
# comment just above it.
t="$TEST_HOME/long.c"
{
	echo '/* Short. */'
	echo 'static int'
	echo 'short_one(void)'
	echo '{'
	echo '	return 0;'
	echo '}'
	echo
	echo '/* Long, and says nothing about it. */'
	echo 'int'
	echo 'long_one(int a,'
	echo '    int b)'
	echo '{'
	i=0; while [ $i -lt 4 ]; do echo '	a++;'; i=$((i + 1)); done
	echo '}'
	echo
	echo '/* One table, read top to bottom: over 120 lines because ... */'
	echo 'void explained(void)'
	echo '{'
	i=0; while [ $i -lt 4 ]; do echo '	;'; i=$((i + 1)); done
	echo '}'
} > "$t"
got=$("$measure" -n 5 "$t" | sed "s|^$t|long.c|")
want='long.c:10: long_one is 6 lines
long.c:20: explained is 6 lines, and says why'
[ "$got" = "$want" ]
ok $? "the measure finds long_one (6 lines) and sees why explained is long"
[ "$got" = "$want" ] || diag "got:" "$got"
got=$("$measure" -n 6 "$t")
[ -z "$got" ]
ok $? "a function of exactly the limit is not over it"
done_testing
