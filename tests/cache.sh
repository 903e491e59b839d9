#!/bin/sh
# tests/cache.sh -- the cache of compiled patterns (src/patcache.h) and of
# loaded banks (src/bankcache.h): it is made on the first run, used on the
# next, and never changes what a run finds or says, whatever state it is
# in.
. "${TOP_SRCDIR:-$(dirname "$0")/..}/tests/lib.sh"

T=$TEST_HOME
IC=$INFOCOACH
unset INFOCOACH_CACHE
export XDG_CACHE_HOME="$T/cache"
C="$T/cache/infocoach/patterns.cache"
cat > "$T/d.txt" <<'Q'
What does a typical week look like for you?
Are you hiring at the moment?
whats ur take home these days
Who else would you suggest I talk to?
Q

# The reference: no cache at all.
INFOCOACH_CACHE=/dev/null "$IC" check --format json "$T/d.txt" > "$T/want" 2> "$T/want.err"
want_st=$?
[ ! -e "$C" ]
ok $? "INFOCOACH_CACHE=/dev/null writes no cache"

# same DESCRIPTION: this run's output, errors and status are the reference's.
same() {
	"$IC" check --format json "$T/d.txt" > "$T/got" 2> "$T/got.err"
	st=$?
	cmp -s "$T/want" "$T/got" && cmp -s "$T/want.err" "$T/got.err" && [ $st -eq $want_st ]
	ok $? "$1"
}

same "the first run, which makes the cache, says what a run without one says"
[ -f "$C" ] && [ "$(stat -c %a "$C")" = 600 ] && [ "$(stat -c %a "$T/cache/infocoach")" = 700 ]
ok $? "the cache is made, 0600 in a 0700 directory"
before=$(stat -c %Y.%s "$C")
same "a run from the cache says the same"
[ "$(stat -c %Y.%s "$C")" = "$before" ]
ok $? "a run that compiled nothing new leaves the cache alone"

# A cache gone wrong is ignored and made again.
head -c 100 "$C" > "$T/cut" && mv "$T/cut" "$C"
same "a cache cut short is ignored"
size=$(stat -c %s "$C")
[ "$size" -gt 1000 ]
ok $? "and written again whole ($size bytes)"
printf 'X' | dd of="$C" bs=1 seek=4000 conv=notrunc 2>/dev/null
same "a cache with a changed byte fails its checksum and is ignored"
# Entries are checked when a run first uses them: a pattern this draft
# matches, its compiled code damaged (1,500 bytes from the start of its
# source: past the source, PCRE2's tables and the code's header; trusted,
# the damage makes the rule fail on line 2), is compiled afresh and kept
# again.
same "a cache made again says the same"
src='\b(?:are|is|will)\s+(?:you(?:\s+guys)?|they|(?:your|the)\s+'
n=0
for at in $(grep -aboF "$src" "$C" | cut -d: -f1); do
	printf 'damaged!' | dd of="$C" bs=1 seek=$((at + 1500)) conv=notrunc 2>/dev/null
	n=$((n + 1))
done
cp "$C" "$T/damaged"
[ $n -gt 0 ]
ok $? "the pattern of job-ask.hiring is in the cache ($n places)"
same "a pattern whose code was damaged in the cache is compiled afresh"
! cmp -s "$C" "$T/damaged"
ok $? "and the cache is written again"
same "a run from that cache says the same"
# A byte changed every 40,000 bytes: in blobs, patterns and lengths.
size=$(stat -c %s "$C")
at=100
while [ $at -lt "$size" ]; do
	printf 'X' | dd of="$C" bs=1 seek=$at conv=notrunc 2>/dev/null
	at=$((at + 40000))
done
same "a cache damaged all through says the same"
same "and so does the cache made again after it"
head -c 70000 /dev/urandom > "$C"
same "a cache of random bytes is ignored"
printf 'ICPATC02' > "$C"
same "a cache of only a magic is ignored"

# A cache that cannot be written costs nothing but time.
rm -rf "$T/cache" && mkdir -p "$T/cache/infocoach/patterns.cache"
same "a directory where the cache should be: no cache, no message"
rm -rf "$T/cache" && : > "$T/cache"
same "a file where the cache's directory should be: no cache, no message"
rm -f "$T/cache"

# A symbolic link is not followed, neither to read nor to write.
mkdir -p "$T/cache/infocoach" && printf 'mine\n' > "$T/other"
ln -s "$T/other" "$C"
same "a symbolic link at the cache's path is not read"
[ "$(cat "$T/other")" = mine ] && [ -f "$C" ] && [ ! -L "$C" ]
ok $? "and is replaced, not written through"

# INFOCOACH_CACHE names the file.
INFOCOACH_CACHE="$T/mine.cache" "$IC" check --format json "$T/d.txt" > "$T/got" 2>&1
cmp -s "$T/want" "$T/got" && [ -f "$T/mine.cache" ]
ok $? "INFOCOACH_CACHE names the cache file"

# A broken pattern is still reported, cache or not.
cat > "$T/bad.yaml" <<'Y'
format: 1
id: bad
title: Broken
description: A rule file with a pattern that does not compile.
rules:
  - id: job-ask.broken
    kind: job_ask
    severity: error
    patterns: ['(unclosed']
    message: m
    suggestion: s
Y
"$IC" check --bank "$T/bad.yaml" "$T/d.txt" > /dev/null 2> "$T/err"
st=$?
"$IC" check --bank "$T/bad.yaml" "$T/d.txt" > /dev/null 2> "$T/err2"
st2=$?
[ $st -eq 2 ] && [ $st2 -eq 2 ] && grep -q 'invalid pattern' "$T/err" && cmp -s "$T/err" "$T/err2"
ok $? "a pattern that does not compile is an error on every run"

# A generated draft (every rule, cue and category has its turn) checked
# with no cache, then twice with one (made, then used), in every format.
"$TOP_SRCDIR/scripts/gen-drafts" -v lines=3000 > "$T/gen.txt"
for fmt in text json csv; do
	INFOCOACH_CACHE=/dev/null "$IC" check --fail-on never -f "$fmt" "$T/gen.txt" > "$T/gen.none" 2>&1
	INFOCOACH_CACHE="$T/gen.cache" "$IC" check --fail-on never -f "$fmt" "$T/gen.txt" > "$T/gen.made" 2>&1
	INFOCOACH_CACHE="$T/gen.cache" "$IC" check --fail-on never -f "$fmt" "$T/gen.txt" > "$T/gen.used" 2>&1
	cmp -s "$T/gen.none" "$T/gen.made" && cmp -s "$T/gen.none" "$T/gen.used" && [ -s "$T/gen.none" ]
	ok $? "-f $fmt on 3,000 generated lines: the same with no cache, a new one and a used one"
done

# A bank kept in the cache and then edited is read afresh: a rule's new
# message shows, and a mistake made in it is reported.
sed -e 's/^description: .*/description: A rule file of ours./' -e 's/(unclosed/hiring soon/' \
	-e 's/message: m$/message: First words./' "$T/bad.yaml" > "$T/mine.yaml"
printf '    examples: {flag: [Will you be hiring soon?], pass: []}\n' >> "$T/mine.yaml"
printf 'Will you be hiring soon?\n' > "$T/h.txt"
"$IC" check --bank "$T/mine.yaml" "$T/h.txt" > "$T/out1" 2>&1
"$IC" check --bank "$T/mine.yaml" "$T/h.txt" > "$T/out2" 2>&1
grep -q 'First words\. \[job-ask.broken\]' "$T/out1" && cmp -s "$T/out1" "$T/out2"
ok $? "a bank from the cache says what it said when it was parsed"
sed -i 's/First words\./Second words./' "$T/mine.yaml"
"$IC" check --bank "$T/mine.yaml" "$T/h.txt" > "$T/out3" 2>&1
grep -q 'Second words\. \[job-ask.broken\]' "$T/out3" && ! grep -q 'First words' "$T/out3"
ok $? "an edited bank is read afresh, not taken from the cache"
# A bank left alone for a few seconds is known by its identity (device,
# inode, size and change times) and not read at all; changed in place to
# the same size (and left alone again), it is read afresh all the same.
sed -e 's/(unclosed/hiring soon/' -e 's/message: m$/message: Old words./' "$T/bad.yaml" > "$T/settled.yaml"
printf '    examples: {flag: [Will you be hiring soon?], pass: []}\n' >> "$T/settled.yaml"
sleep 4
"$IC" check --bank "$T/settled.yaml" "$T/h.txt" > "$T/s1" 2>&1
"$IC" check --bank "$T/settled.yaml" "$T/h.txt" > "$T/s2" 2>&1
ino=$(stat -c %i "$T/settled.yaml")
grep -q 'Old words\. \[job-ask.broken\]' "$T/s1" && cmp -s "$T/s1" "$T/s2" &&
	grep -aq "bankfile [0-9]* $ino " "$C"
ok $? "a bank left alone is known by its identity, and says the same"
sed 's/Old words/New words/' "$T/settled.yaml" > "$T/new.yaml" && cat "$T/new.yaml" > "$T/settled.yaml"
sleep 4
"$IC" check --bank "$T/settled.yaml" "$T/h.txt" > "$T/s3" 2>&1
[ "$(stat -c %i "$T/settled.yaml")" = "$ino" ] && grep -q 'New words\. \[job-ask.broken\]' "$T/s3" &&
	! grep -q 'Old words' "$T/s3"
ok $? "changed in place to the same size, it is read afresh"
sed -i 's/^id: bad$/id: bad bad/' "$T/mine.yaml"
"$IC" check --bank "$T/mine.yaml" "$T/h.txt" > /dev/null 2> "$T/err3"
[ $? -eq 2 ] && grep -q "mine.yaml:2:" "$T/err3"
ok $? "a mistake made in a bank kept in the cache is reported"

# What a save killed half-way left behind (a temporary file beside the
# cache) is removed by the next save once it is an hour old; a newer one
# may be a save still running, and a name of another shape is not ours.
D="$T/cache/infocoach"
: > "$D/.patterns.cache.AbC123" && touch -d '2 hours ago' "$D/.patterns.cache.AbC123"
: > "$D/.patterns.cache.XyZ789"
: > "$D/.patterns.cache.notours" && touch -d '2 hours ago' "$D/.patterns.cache.notours"
rm -f "$C"
same "a run that saves the cache beside old temporary files says the same"
[ -f "$C" ] && [ ! -e "$D/.patterns.cache.AbC123" ] && [ -e "$D/.patterns.cache.XyZ789" ] &&
	[ -e "$D/.patterns.cache.notours" ]
ok $? "the save removes a temporary file an hour old, and only that"

done_testing
