#!/bin/sh
# tests/outputs.sh -- what 'check' writes on two large inputs, pinned.
#
# The work on speed (issue 13) must not change a byte of what check
# writes.  The golden cases pin small drafts; this pins two large ones:
# 20,000 generated lines (scripts/gen-drafts, the bench's corpus) and the
# 19,396 questions of examples/ and the frozen corpus, in every format,
# with no cache and with a cache made by the run before.  The outputs are
# too big to keep, so their SHA-256 sums are kept, in tests/outputs.sha256
# (first written by the tree before issue 13's work, 829432d).  A change
# that is meant to change what check says (a rule, the model) changes the
# sums: UPDATE_GOLDEN=1 writes them again, as for the golden cases; a
# change meant to be faster must leave them alone.
. "${TOP_SRCDIR:-$(dirname "$0")/..}/tests/lib.sh"

sums="$TOP_SRCDIR/tests/outputs.sha256"
T=$TEST_HOME/outputs
mkdir -p "$T"
cd "$T" || exit 1
"$TOP_SRCDIR/scripts/gen-drafts" -v lines=20000 > corpus.txt
for f in "$TOP_SRCDIR"/examples/*.tsv "$TOP_SRCDIR"/tests/corpus/frozen/*.tsv; do
	grep -v '^#' "$f" | awk -F'\t' '{ print $NF }'
done > varied.txt

: > got
for cache in none made used; do
	case $cache in
	none) c=/dev/null ;;
	*) c=$T/patterns.cache ;;
	esac
	for fmt in text json csv sarif; do
		for in in corpus.txt varied.txt; do
			sum=$(INFOCOACH_CACHE=$c "$INFOCOACH" check --fail-on never -f "$fmt" "$in" 2>&1 |
				sha256sum | cut -c1-64)
			if [ "$cache" = none ]; then
				printf '%s %s %s\n' "$fmt" "$in" "$sum" >> got
			else
				# The cache changes nothing.
				grep -q "^$fmt $in $sum\$" got
				ok $? "-f $fmt $in, cache $cache: the same as with no cache"
			fi
		done
	done
done

if [ -n "${UPDATE_GOLDEN:-}" ]; then
	cp got "$sums"
	diag "rewrote $sums"
fi
while read -r fmt in sum; do
	grep -q "^$fmt $in $sum\$" "$sums"
	ok $? "-f $fmt $in: what the pinned sum says"
done < got
done_testing
