#!/bin/bash
# tests/jobs.sh -- 'check -j N' writes what -j 1 writes, byte for byte.
#
# Several drafts (the golden cases' inputs, a generated corpus split in
# files, a bank, a bank that does not load, a binary file, a missing
# file, a directory, a line that is not UTF-8) are checked with -j 1 and
# with -j 2, 3 and 4, in every output format, with and without --quiet,
# with standard output and standard error in one stream so the places
# where messages fall are compared too; the exit statuses must match.
# The workers format each file's output themselves unless a summary page
# wants every finding: that way is compared too.  -j 1 itself is pinned
# by the golden cases.  One long draft, shared among helper processes
# (lookahead.h), is compared the same way.
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
printf 'questions:\n  - [\n' > drafts/broken.yaml
files=(drafts/part0 drafts/odd.txt drafts/binary.txt drafts/missing.txt drafts/adir drafts/bank.yaml
	drafts/golden* drafts/part1 drafts/broken.yaml drafts/part2 drafts/part3 drafts/binary.txt
	drafts/part4 drafts/part5 drafts/adir)
diag "${#files[@]} inputs"

for fmt in text json sarif github csv; do
	for q in "" --quiet; do
		"$IC" check -j 1 -f "$fmt" $q "${files[@]}" > "one.$fmt" 2>&1
		st1=$?
		for j in 2 3 4; do
			"$IC" check -j "$j" -f "$fmt" $q "${files[@]}" > "many.$fmt" 2>&1
			stj=$?
			cmp -s "one.$fmt" "many.$fmt" && [ "$st1" -eq "$stj" ]
			ok $? "-f $fmt${q:+ $q}: -j $j writes what -j 1 writes (status $stj, $(wc -l < "one.$fmt") lines)"
		done
	done
done

# With a summary page the workers record every finding for this process
# to format: the output and the page are those of -j 1.
for fmt in text sarif csv; do
	"$IC" check -j 1 -f "$fmt" --summary-html one.html "${files[@]}" > "one.$fmt" 2>&1
	st1=$?
	"$IC" check -j 3 -f "$fmt" --summary-html many.html "${files[@]}" > "many.$fmt" 2>&1
	stj=$?
	cmp -s "one.$fmt" "many.$fmt" && cmp -s one.html many.html && [ "$st1" -eq "$stj" ]
	ok $? "-f $fmt --summary-html: -j 3 writes what -j 1 writes, and the same page"
done

# Files of very different lengths: the workers take the next file when
# they are free, and the output keeps the order of the arguments.
"$TOP_SRCDIR/scripts/gen-drafts" -v lines=4000 > drafts/long.txt
"$IC" check -j 1 drafts/long.txt drafts/part* drafts/long.txt drafts/odd.txt > one.long 2>&1
st1=$?
"$IC" check -j 2 drafts/long.txt drafts/part* drafts/long.txt drafts/odd.txt > many.long 2>&1
stj=$?
cmp -s one.long many.long && [ "$st1" -eq "$stj" ]
ok $? "a long file among short ones: -j 2 writes what -j 1 writes"

# Standard input among the files, named with --stdin-filename.
"$IC" check -j 1 --stdin-filename notes.md drafts/part0 - drafts/odd.txt < drafts/part1 > one.stdin 2>&1
"$IC" check -j 4 --stdin-filename notes.md drafts/part0 - drafts/odd.txt < drafts/part1 > many.stdin 2>&1
cmp -s one.stdin many.stdin
ok $? "standard input among the files: -j 4 writes what -j 1 writes"
"$IC" check -j 1 -f json drafts/odd.txt - drafts/part0 < drafts/part1 > one.stdin 2>&1
"$IC" check -j 2 -f json drafts/odd.txt - drafts/part0 < drafts/part1 > many.stdin 2>&1
cmp -s one.stdin many.stdin
ok $? "standard input among the files, -f json: -j 2 writes what -j 1 writes"

# Colour on stderr and stdout is replayed too.
"$IC" check -j 1 --color always drafts/odd.txt drafts/missing.txt drafts/part0 > one.color 2>&1
"$IC" check -j 3 --color always drafts/odd.txt drafts/missing.txt drafts/part0 > many.color 2>&1
cmp -s one.color many.color
ok $? "--color always: -j 3 writes what -j 1 writes"
"$IC" check -j 1 --color always -q drafts/odd.txt drafts/broken.yaml drafts/part0 > one.color 2>&1
"$IC" check -j 2 --color always -q drafts/odd.txt drafts/broken.yaml drafts/part0 > many.color 2>&1
cmp -s one.color many.color
ok $? "--color always --quiet: -j 2 writes what -j 1 writes"

# One long draft (over 256 KiB) is shared: helper processes assess its
# questions ahead of the one that writes the output.  Directives, comments
# of several lines, Markdown, lines of two questions, a line that is not
# UTF-8, repeats and a stretch of lines of three questions each (more
# than a helper keeps for a block of lines) are spread through it.
{
	head -n 2500 corpus.txt
	sed -n 1,200p corpus.txt | awk '{ printf "%s Are you hiring, %d? What is a typical day?\n", $0, NR }'
	printf '<!-- infocoach: off salary -->\nHow much do you make?\n<!--\nAre you hiring?\n-->\n'
	printf -- '- [ ] **Are** you hiring? What do you do all day?\n\377 not UTF-8\n'
	sed -n 2501,4000p corpus.txt
	printf '<!-- infocoach: on -->\nHow much do you make? <!-- infocoach: ignore job-ask -->\n'
	printf '# infocoach: ignore-next-line\nCould you refer me?\n'
	sed -n 4001,6000p corpus.txt
	head -n 400 corpus.txt
} > big.txt
diag "big.txt: $(wc -c < big.txt) bytes, $(wc -l < big.txt) lines"
for fmt in text json sarif github csv; do
	"$IC" check -j 1 -f "$fmt" big.txt > "one.$fmt" 2>&1
	st1=$?
	for j in 2 4; do
		"$IC" check -j "$j" -f "$fmt" big.txt > "many.$fmt" 2>&1
		stj=$?
		cmp -s "one.$fmt" "many.$fmt" && [ "$st1" -eq "$stj" ]
		ok $? "one long draft, -f $fmt: -j $j writes what -j 1 writes (status $stj, $(wc -l < "one.$fmt") lines)"
	done
done
"$IC" check -j 1 --summary-html one.html big.txt > one.sum 2>&1
"$IC" check -j 2 --summary-html many.html big.txt > many.sum 2>&1
cmp -s one.sum many.sum && cmp -s one.html many.html
ok $? "one long draft with --summary-html: -j 2 writes what -j 1 writes, and the same page"
"$IC" check -j 1 --stdin-filename big.md - < big.txt > one.in 2>&1
"$IC" check -j 2 --stdin-filename big.md - < big.txt > many.in 2>&1
cmp -s one.in many.in
ok $? "one long draft on standard input (a file): -j 2 writes what -j 1 writes"
cat big.txt | "$IC" check -j 2 --stdin-filename big.md - > many.in 2>&1
cmp -s one.in many.in
ok $? "one long draft through a pipe: -j 2 writes what -j 1 writes"
# Read from where standard input stands, not from the file's start.
{ head -n 1 big.txt > /dev/null; "$IC" check -j 1 - > one.in 2>&1; } < big.txt
{ head -n 1 big.txt > /dev/null; "$IC" check -j 2 - > many.in 2>&1; } < big.txt
cmp -s one.in many.in
ok $? "one long draft on standard input part read: -j 2 writes what -j 1 writes"
if command -v iconv > /dev/null 2>&1; then
	iconv -f UTF-8 -t UTF-16 < corpus.txt > big16.txt
	"$IC" check -j 1 big16.txt > one.16 2>&1
	"$IC" check -j 2 big16.txt > many.16 2>&1
	cmp -s one.16 many.16 && grep -q 'job-ask' one.16
	ok $? "one long draft in UTF-16: -j 2 writes what -j 1 writes"
else
	skip "one long draft in UTF-16" "no iconv"
fi

# A helper ends with the checker: killed, it leaves none behind (one
# waiting for a checker that is gone would wait for ever).
if command -v pgrep > /dev/null 2>&1 && [ -d /proc/self ]; then
	"$TOP_SRCDIR/scripts/gen-drafts" -v lines=200000 > huge.txt
	"$IC" check -j 2 huge.txt > /dev/null 2>&1 &
	pid=$!
	helper=
	for _ in $(seq 250); do
		helper=$(pgrep -P "$pid" | head -n 1)
		[ -n "$helper" ] && break
		sleep 0.02
	done
	kill -TERM "$pid" 2> /dev/null
	wait "$pid" 2> /dev/null
	if [ -n "$helper" ]; then
		gone=1
		for _ in $(seq 250); do
			if [ ! -e "/proc/$helper" ] || [ "$(awk '{ print $3 }' "/proc/$helper/stat" 2> /dev/null)" = Z ]; then
				gone=0
				break
			fi
			sleep 0.02
		done
		ok $gone "the checker killed: its helper ends within 5 s"
	else
		skip "the checker killed: its helper ends within 5 s" "the check ended before its helper was seen"
	fi
	rm -f huge.txt
else
	skip "the checker killed: its helper ends within 5 s" "no pgrep or /proc"
fi

"$IC" check -j 0 drafts/part0 > /dev/null 2> err
[ $? -eq 2 ] && grep -q "invalid number of jobs '0'" err
ok $? "-j 0 is a usage error (status 2)"

done_testing
