#!/bin/sh
# tests/review.sh -- 'infocoach review' on a transcript: a scripted walk
# through its flagged lines and missed topics, the tries appended to the
# transcript (what the session said is left byte for byte as it was; the
# file stays 0600), shown by 'report' and its HTML page, read by
# 'progress'; a second review going on from what the first left; the
# latest session by default; a symbolic link refused; a
# full disk reported with status 3 (fault-injection builds).  Every run
# has a timeout, so a hang is a failure.
. "${TOP_SRCDIR:-$(dirname "$0")/..}/tests/lib.sh"

T=$TEST_HOME
IC=$INFOCOACH
S="$XDG_STATE_HOME/infocoach/sessions"

# A session with a job ask, a pay question and a closing question,
# held in the default transcript directory.
printf '%s\n' "What does a typical week look like for you?" "Are you hiring at the moment?" \
    "How much do you make?" "Who else would you suggest I talk to?" /end |
    INFOCOACH_TEST_CLOCK=1m timeout 20 "$IC" --seed 1 --no-history > /dev/null 2>&1
tr=$(ls "$S"/*.md)
cp "$tr" "$T/before.md"
size=$(wc -c < "$tr")

printf '%s\n' "How did people on your team get their start?" \
    "What made you choose this line of work?" "" "/stop" |
    timeout 20 "$IC" review > "$T/out" 2> "$T/err"
st=$?
[ $st -eq 0 ] && [ ! -s "$T/err" ] && grep -q '^1 of [0-9]*\. At 2:00 you said: "Are you hiring at the moment?"' "$T/out" &&
    grep -q 'job ask, error \[job-ask.hiring\]' "$T/out"
ok $? "review with no file takes the latest session and shows the first flagged line and why (status $st)"
grep -q '^  coach: Better: no longer a job ask, and it asks about' "$T/out"
ok $? "a better version is judged better at once"
grep -q '^2 of [0-9]*\. At 3:00 you said: "How much do you make?"' "$T/out" &&
    grep -q '^3 of [0-9]*\. A topic you did not ask about: whether you may use their name' "$T/out" &&
    grep -q '^4 of [0-9]*\. A topic you did not ask about: how they got into the field' "$T/out"
ok $? "the missed closing question comes before the other topics, and an empty line moves on"
grep -q '^  Asking whether you may use their name makes your next introduction a warm one\.$' "$T/out" &&
    grep -q '^  How they got in is a route you might follow' "$T/out"
ok $? "each missed topic says why it matters, in words of its own"
grep -q 'Better: no longer a pay question, and it asks about how they got into' "$T/out"
ok $? "the second item's better version is judged better too"
grep -q "^Review stopped: 2 of [0-9]* put better; 2 skipped, [0-9]* not reached\. The tries are saved in $tr" "$T/out"
ok $? "/stop ends the review and says where the tries are"

cmp -s -n "$size" "$tr" "$T/before.md"
ok $? "the session's own records are untouched: the review is appended"
tail -c +"$((size + 1))" "$tr" > "$T/added"
head -n 1 "$T/added" | grep -q '^## infocoach review$' && grep -q '^- started: [0-9-]* [0-9:.]* UTC$' "$T/added" &&
    grep -q '^\*\*[0-9:.]* flagged:\*\* turn 2 \[job-ask.hiring\]: Are you hiring at the moment?$' "$T/added" &&
    grep -q '^\*\*[0-9:.]* try:\*\* How did people on your team get their start?$' "$T/added" &&
    grep -q '^\*\*[0-9:.]* better:\*\* no longer a job ask' "$T/added" &&
    grep -q '^\*\*[0-9:.]* missed:\*\* mention_name$' "$T/added"
ok $? "the review section holds each item, each try and its verdict"
[ "$(stat -c %a "$tr")" = 600 ]
ok $? "the transcript is still mode 0600"

timeout 20 "$IC" report "$tr" > "$T/report" 2>&1
grep -q "^Review of [0-9-]* [0-9:.]* UTC: $(sed -n 's/^Review stopped: \(.*\)\. The tries.*/\1/p' "$T/out")\$" "$T/report" &&
    grep -q '^  You said (turn 2): "Are you hiring at the moment?" \[job-ask.hiring\]$' "$T/report" &&
    grep -q '^    try 1: "How did people on your team get their start?"$' "$T/report" &&
    grep -q '^      better: no longer a job ask' "$T/report"
ok $? "report shows the review after the session's report"
timeout 20 "$IC" report "$tr" --html "$T/page.html" 2>&1 &&
    grep -q '<section id="review"' "$T/page.html" && grep -q 'How did people on your team get their start?' "$T/page.html"
ok $? "the HTML page has the review too"
timeout 20 "$IC" progress > "$T/progress" 2>&1
grep -q 'job ask 1, pay 1' "$T/progress"
r1=$?
! grep -q 'Skipped' "$T/progress"
[ $r1 -eq 0 ] && [ $? -eq 0 ]
ok $? "progress still reads a reviewed transcript"

# A second review is a second section; the first is kept.
printf '%s\n' "/stop" | timeout 20 "$IC" review "$tr" > "$T/out2" 2>&1
[ "$(grep -c '^## infocoach review$' "$tr")" -eq 2 ] && cmp -s -n "$size" "$tr" "$T/before.md"
ok $? "a second review appends a second section"
# It goes on from what the first did not put better: the job ask and
# the pay question are done, the name was moved on from.
grep -q '^Review: [0-9]* topics you did not ask about\. .*(2 put better in an earlier review are left out\.)$' "$T/out2" &&
    grep -q '^1 of [0-9]*\. A topic you did not ask about: whether you may use their name' "$T/out2" &&
    ! grep -q 'you said: "Are you hiring' "$T/out2"
ok $? "a second review leaves out what the first put better and says so"

# Three tries that miss (on a copy never reviewed): the way to put it is
# shown, then the next item.
cp "$T/before.md" "$T/fresh.md"
printf '%s\n' "Any openings?" "Could you pass on my CV?" "Are you hiring?" "/stop" |
    timeout 20 "$IC" review "$T/fresh.md" > "$T/out3" 2>&1
tr -s ' \n' '  ' < "$T/out3" > "$T/out3.flat"
grep -q 'Not yet: still a job ask' "$T/out3.flat" && grep -q 'A way to put it: Ask how people usually find' "$T/out3.flat" &&
    grep -q '^2 of ' "$T/out3"
ok $? "after three tries that miss, a way to put it, and on to the next"

# Asking how people hear of openings on their team is no job ask (as
# core.yaml's job-ask.opening passes "If a role opens up on your team, how
# do you usually fill it?"); a missed topic's try on another topic says
# so, and a closed try of one is no "Not yet: but" and is opened up.
cp "$T/before.md" "$T/openings.md"
printf '%s\n' "how do people hear about openings in your team?" "" "" \
    "what mistakes newbies do in this industry?" "Do you enjoy working nights?" "/stop" |
    timeout 20 "$IC" review "$T/openings.md" > "$T/out4" 2>&1
tr -s ' \n' '  ' < "$T/out4" > "$T/out4.flat"
grep -q 'Better: no longer a job ask, and it asks about' "$T/out4.flat"
ok $? "'how do people hear about openings in your team?' is no longer a job ask"
grep -q 'Not yet: that reads as about how the field is changing or their advice for you, not how they got into the field\.' "$T/out4.flat" &&
    grep -q 'Not yet: it can be answered with a yes or a no \[closed' "$T/out4.flat" && ! grep -q 'Not yet: but' "$T/out4.flat"
ok $? "a missed topic's try: which topic it is on instead, and no 'Not yet: but'"
grep -q 'Open it up, for example: "What do you enjoy most about working nights?" (1 try left' "$T/out4.flat"
ok $? "a closed try gets advice written from it, as check writes it"

# A symbolic link is read, but never written through.
ln -s "$tr" "$T/link.md"
before=$(wc -c < "$tr")
printf 'What made you choose this work?\n' | timeout 20 "$IC" review "$T/link.md" > "$T/out" 2> "$T/err"
st=$?
[ $st -eq 2 ] && grep -q "refusing to write through the symbolic link" "$T/err" && [ "$(wc -c < "$tr")" -eq "$before" ]
ok $? "a symbolic link is refused and nothing is written (status $st)"

# Injected faults (test builds only): a failing write is reported, status 3.
printf '/quit\n' | INFOCOACH_FAULT_WRITE=1+ "$IC" --transcript "$T/probe.md" > /dev/null 2>&1
if [ $? -eq 3 ]; then
	cp "$T/before.md" "$T/full.md"
	printf '%s\n' "How do people find their way into your team?" "/stop" |
	    INFOCOACH_FAULT_WRITE=2+ timeout 20 "$IC" review "$T/full.md" > "$T/out" 2> "$T/err"
	st=$?
	[ $st -eq 3 ] && grep -q "No space left on device" "$T/out" && grep -q "INCOMPLETE" "$T/out" &&
	    cmp -s -n "$size" "$T/full.md" "$T/before.md"
	ok $? "a full disk during a review: reported, status 3, the session intact ($st)"
else
	skip "a full disk during a review" "not a --enable-fault-injection build"
fi

done_testing
