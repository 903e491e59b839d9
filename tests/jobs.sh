#!/bin/bash
# tests/jobs.sh -- 'check -j N' writes what -j 1 writes, byte for byte.
#
# Several drafts (the golden cases' inputs, a generated corpus split in
# files, a bank, a binary file, a missing file, a directory, a line that
# is not UTF-8) are checked with -j 1 and with -j 2, 3 and 4, in every
# output format, with standard output and standard error in one stream so
# the places where messages fall are compared too; the exit statuses must
# match.  -j 1 itself is pinned by the golden cases.
. "$(dirname "$0")/lib.sh"
IC=$INFOCOACH
T=$TEST_HOME/jobs
mkdir -p "$T/drafts"
cd "$T" || exit 1

"$TOP_SRCDIR/scripts/gen-drafts" -v lines=6000 > corpus.txt
split -l 1000 -d -a 1 corpus.txt drafts/part
n=0
for f in "$TOP_SRCDIR"/tests/golden/check-*/*.txt "$TOP_SRCDIR"/tests/golden/check-*/*.md; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	cp "$f" "drafts/golden$n-$(basename "$f")"
done
printf 'Are you hiring?\n\377 not UTF-8\n# infocoach: off salary\nHow much do you make?\n' > drafts/odd.txt
printf 'a\0b\n' > drafts/binary.txt
mkdir drafts/adir
cp "$TOP_SRCDIR/questionbanks/general.yaml" drafts/bank.yaml
files=(drafts/part0 drafts/odd.txt drafts/binary.txt drafts/missing.txt drafts/adir drafts/bank.yaml
	drafts/golden* drafts/part1 drafts/part2 drafts/part3 drafts/part4 drafts/part5)
diag "${#files[@]} inputs"

for fmt in text json sarif github; do
	"$IC" check -j 1 -f "$fmt" "${files[@]}" > "one.$fmt" 2>&1
	st1=$?
	for j in 2 3 4; do
		"$IC" check -j "$j" -f "$fmt" "${files[@]}" > "many.$fmt" 2>&1
		stj=$?
		cmp -s "one.$fmt" "many.$fmt" && [ "$st1" -eq "$stj" ]
		ok $? "-f $fmt: -j $j writes what -j 1 writes (status $stj, $(wc -l < "one.$fmt") lines)"
	done
done

# Standard input among the files, named with --stdin-filename.
"$IC" check -j 1 --stdin-filename notes.md drafts/part0 - drafts/odd.txt < drafts/part1 > one.stdin 2>&1
"$IC" check -j 4 --stdin-filename notes.md drafts/part0 - drafts/odd.txt < drafts/part1 > many.stdin 2>&1
cmp -s one.stdin many.stdin
ok $? "standard input among the files: -j 4 writes what -j 1 writes"

# Colour on stderr and stdout is replayed too.
"$IC" check -j 1 --color always drafts/odd.txt drafts/missing.txt drafts/part0 > one.color 2>&1
"$IC" check -j 3 --color always drafts/odd.txt drafts/missing.txt drafts/part0 > many.color 2>&1
cmp -s one.color many.color
ok $? "--color always: -j 3 writes what -j 1 writes"

"$IC" check -j 0 drafts/part0 > /dev/null 2> err
[ $? -eq 2 ] && grep -q "invalid number of jobs '0'" err
ok $? "-j 0 is a usage error (status 2)"

done_testing
