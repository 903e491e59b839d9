#!/bin/sh
# tests/report-html.sh -- 'infocoach report TRANSCRIPT --html OUT.html':
# a scripted mock session's transcript becomes one self-contained page
# (nothing loaded from anywhere, hostile text shown as text, a private
# file), and headless Chromium renders it with the timeline, every
# question asked, the flags, the timer's notices and the score.  Every
# run has a timeout, so a hang is a failure, not a stuck suite.
. "${TOP_SRCDIR:-$(dirname "$0")/..}/tests/lib.sh"

T=$TEST_HOME
IC=$INFOCOACH

# The questions of the session, one per line, as the user typed them.
cat > "$T/questions" <<'EOF'
I studied logistics and want to learn about operations work.
What does a typical week look like for you?
How much do you make?
How did you get into this line of work?
Are you hiring at the moment?
How is your field changing at the moment?
What is the hardest part of your job?
Who else would you suggest I talk to?
May I mention your name when I contact them?
Thank you so much for your time today.
EOF
{ cat "$T/questions"; echo /end; } |
    INFOCOACH_TEST_CLOCK=1m50s timeout 20 "$IC" mock --duration 20m --seed 3 --no-history \
    --transcript "$T/s.md" > /dev/null 2>&1
ok $? "a scripted mock session writes its transcript"

timeout 20 "$IC" report "$T/s.md" --html "$T/s.html" > "$T/out" 2> "$T/err"
st=$?
[ $st -eq 0 ] && [ -s "$T/s.html" ] && [ ! -s "$T/out" ] && [ ! -s "$T/err" ]
ok $? "report --html writes the page and says nothing (status $st)"
[ "$(stat -c %a "$T/s.html")" = 600 ]
ok $? "the page is private (mode 0600) like the program's other files"
[ -z "$(find "$T" -maxdepth 1 -name '.s.html.*')" ]
ok $? "no temporary file is left beside it"
head -n 1 "$T/s.html" | grep -qx '<!DOCTYPE html>' &&
    grep -q "http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';" "$T/s.html"
ok $? "an HTML page whose Content-Security-Policy forbids every load"
! grep -qiE 'https?:|ftp:|file:|data:|//[a-z0-9]' "$T/s.html"
ok $? "no URL of any kind in the page"
! grep -qiE '<(script|link|img|iframe|object|embed|audio|video|source|base)\b|@import|url\(' "$T/s.html"
ok $? "no script, no linked style, no image or frame, no CSS import or url()"
refs=$(grep -oiE '\b(src|href|xlink:href|action)="[^"]*"' "$T/s.html" | grep -v '="#' | head -n 3)
[ -z "$refs" ]
ok $? "every link stays in the page (href=\"#...\"), nothing has a src"
[ -n "$refs" ] && diag "$refs"

timeout 20 "$IC" report "$T/s.md" --html - > "$T/stdout.html"
cmp -s "$T/s.html" "$T/stdout.html"
ok $? "--html - writes the same page to standard output"

# The text report and the page agree on the score.
score=$(timeout 20 "$IC" report "$T/s.md" | sed -n 's|^Score: \([0-9]*\)/100.*|\1|p')
[ -n "$score" ] && grep -q ">$score<small>/100</small>" "$T/s.html"
ok $? "the page shows the text report's score ($score/100)"

# A meeting the host ended: both say it lasted until the grace ran out,
# not until the line that came after it.
printf 'What does a typical week look like for you?\nHow did you get into this line of work?\n/end\n' |
    INFOCOACH_TEST_CLOCK=9m timeout 20 "$IC" mock --duration 20m --seed 3 --no-history \
    --transcript "$T/over.md" > /dev/null 2>&1
timeout 20 "$IC" report "$T/over.md" --html "$T/over.html" 2> "$T/err"
used=$(timeout 20 "$IC" report "$T/over.md" | sed -n 's|^  Time used: \([0-9:]*\) of.*|\1|p')
[ "$used" = 22:00 ] && grep -q '<dt>Time used</dt><dd>22:00' "$T/over.html"
ok $? "ended by the host at 22:00: the text and the page both say 22:00 ($used)"

# Hostile text in a question: shown as text, never as markup.
printf '%s\n' 'What is <script>alert(1)</script> your "day" & <img src=x onerror=alert(2)> like?' \
    "It's </li></ol><h1>big</h1> work?" /end |
    timeout 20 "$IC" practice --seed 1 --no-history --transcript "$T/h.md" > /dev/null 2>&1
timeout 20 "$IC" report "$T/h.md" --html "$T/h.html" 2> "$T/err"
st=$?
[ $st -eq 0 ] && grep -qF 'What is &lt;script&gt;alert(1)&lt;/script&gt; your &quot;day&quot; &amp; &lt;img src=x onerror=alert(2)&gt; like?' "$T/h.html" &&
    grep -qF 'It&#39;s &lt;/li&gt;&lt;/ol&gt;&lt;h1&gt;big&lt;/h1&gt; work?' "$T/h.html" &&
    ! grep -qiE '<script|<img|<h1>big' "$T/h.html"
ok $? "markup in a question is escaped: <script> shows as text (status $st)"

# Where the page cannot be written: status 3 and the reason.
timeout 20 "$IC" report "$T/s.md" --html "$T/no/such/dir/r.html" > /dev/null 2> "$T/err"
st=$?
[ $st -eq 3 ] && grep -q "cannot save '$T/no/such/dir/r.html'" "$T/err"
ok $? "an unwritable --html path: status 3 and why (status $st)"
timeout 20 "$IC" report "$T/s.md" --html "$T" > /dev/null 2> "$T/err"
st=$?
[ $st -eq 3 ] && grep -q "it is a directory" "$T/err"
ok $? "--html naming a directory: status 3 (status $st)"
if [ -w /dev/full ]; then
	timeout 20 "$IC" report "$T/s.md" --html - > /dev/full 2> "$T/err"
	st=$?
	[ $st -eq 3 ] && [ "$(grep -c . "$T/err")" -eq 1 ] &&
	    grep -q 'cannot write the page to standard output: No space left on device' "$T/err"
	ok $? "--html - on a full disk: status 3, said once (status $st)"
else
	skip "--html - on a full disk" "no /dev/full"
fi

# A long session: 5,001 lines said, over 10,000 records.
{ echo "I studied logistics."; i=1; while [ $i -le 2500 ]; do
	echo "What does a typical week look like for you, part $i?"
	echo "How much do you make in year $i?"
	i=$((i + 1))
done; } > "$T/long-in"
INFOCOACH_TEST_CLOCK=1s timeout 60 "$IC" practice --seed 1 --no-history --transcript "$T/long.md" \
    < "$T/long-in" > /dev/null 2>&1
t0=$(date +%s%3N)
timeout 60 "$IC" report "$T/long.md" --html "$T/long.html" 2> "$T/err"
st=$?
ms=$(( $(date +%s%3N) - t0 ))
nrec=$(grep -c '^\*\*' "$T/long.md")
[ $st -eq 0 ] && [ "$nrec" -gt 10000 ] && [ "$(grep -c '<li class="rec ' "$T/long.html")" -eq "$nrec" ] &&
    [ $ms -lt 10000 ]
ok $? "a transcript of $nrec records: every one in the page, in $ms ms"

# The chart's time axis fits the session: 25 seconds untimed are not
# drawn to a minute.
printf 'What does a typical week look like for you?\nHow did you get into this line of work?\n/end\n' |
    INFOCOACH_TEST_CLOCK=8s timeout 20 "$IC" practice --seed 3 --no-history \
    --transcript "$T/short.md" > /dev/null 2>&1
timeout 20 "$IC" report "$T/short.md" --html "$T/short.html" 2> "$T/err"
ticks=$(grep -o 'class="tick-label"[^>]*>[0-9:]*<' "$T/short.html" | sed 's/.*>\([0-9:]*\)<$/\1/' | tr '\n' ' ')
grep -q '<dt>Time used</dt><dd>0:24' "$T/short.html" && [ "${ticks% }" = "0:00 0:05 0:10 0:15 0:20" ]
ok $? "a 0:24 session's axis runs to about 0:25, not 1:00 (ticks: $ticks)"

# Twelve flags in twenty seconds, several in a row a second apart: too
# close to name each on the chart.
cat > "$T/crowd-in" <<'EOF'
I studied logistics and want to learn about operations work.
Are you hiring at the moment?
How much do you make?
Could you pass my resume on to your hiring manager?
What does your company do?
What does a typical week look like for you?
Are there any openings on your team?
What is your salary?
How did you get into this line of work?
Can you get me an interview?
How much do people earn here?
What is the hardest part of your job?
Could you refer me for a position?
What do entry-level people usually earn in this field?
How is your field changing at the moment?
Is the pay good?
Do you like your job?
What advice would you give me?
Who else would you suggest I talk to?
/end
EOF
INFOCOACH_TEST_CLOCK=1s timeout 20 "$IC" practice --seed 3 --no-history --transcript "$T/crowd.md" \
    < "$T/crowd-in" > /dev/null 2>&1
timeout 20 "$IC" report "$T/crowd.md" --html "$T/crowd.html" 2> "$T/err"
nflags=$(timeout 20 "$IC" report "$T/crowd.md" | sed -n 's/^  Flags (\([0-9]*\)):$/\1/p')
grep -q '<dt>Time used</dt><dd>0:20' "$T/crowd.html" && [ "$nflags" = 12 ] &&
    grep -q 'a flagged line, numbered as in <a href="#flags">the flags</a>' "$T/crowd.html"
ok $? "12 flags in 0:20 ($nflags): the chart numbers them, and the flags list is its legend"

# A session held with --questions: the page has the part about the list,
# as the text report has it.
q="$TOP_SRCDIR/tests/golden/report-questions/transcript.md"
timeout 20 "$IC" report "$q" --html "$T/plan.html" 2> "$T/err"
grep -q '<h2 id="plan-h">Your list (list.md): 6 of 6 questions asked</h2>' "$T/plan.html" &&
    grep -q 'line 3: <q>How did you get into this line of work?</q> Asked at <a href="#r[0-9]*">2:00</a>, later than the list has it\.' "$T/plan.html" &&
    grep -q '<li><q>What does a typical week look like for you?</q></li>' "$T/plan.html" &&
    timeout 20 "$IC" report "$q" | grep -q '^  Your list (list.md): 6 of 6 questions asked$'
ok $? "the page of a session with --questions shows the list: asked, when, and what was added"

# A question on a word the host used is no new topic: the page says what
# it was, on the lane of lines with no topic, as the text report does not
# count it.
printf '%s\n' "What does a typical day look like for you?" "what do you mean by stand-up?" |
    INFOCOACH_TEST_CLOCK=1s timeout 20 "$IC" practice --bank software-engineering --seed 3 --no-history \
    --transcript "$T/clarify.md" > /dev/null 2>&1
timeout 20 "$IC" report "$T/clarify.md" --html "$T/clarify.html" 2> "$T/err"
grep -q '<title>0:0[0-9] · what a word meant (typical day): what do you mean by stand-up?</title><circle class="dot c-none"' "$T/clarify.html" &&
    grep -q 'class="chip c-none" title="a question on what the host said, not a new topic">what a word meant (typical day)<' "$T/clarify.html" &&
    timeout 20 "$IC" report "$T/clarify.md" | grep -q '^  Questions counted: 1 '
ok $? "a clarification is shown as one, with no topic of its own, and not counted"

########################################################################
# Headless Chromium: the page renders.
########################################################################
browser=
for b in chromium chromium-browser; do
	command -v "$b" > /dev/null 2>&1 && { browser=$b; break; }
done
# chrome DUMP|SHOT FILE OUT [SIZE]: render FILE with no network and no
# profile of the user's; the DOM (after parsing) or a screenshot to OUT.
chrome() {
	_what=$1 _file=$2 _out=$3
	set -- --headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run \
	    --no-default-browser-check --disable-extensions --disable-sync --mute-audio \
	    --user-data-dir="$T/chromium"
	if [ "$_what" = DUMP ]; then
		timeout -k 5 90 "$browser" "$@" --dump-dom "file://$_file" > "$_out" 2>> "$T/chromium.log"
	else
		timeout -k 5 90 "$browser" "$@" --screenshot="$_out" --window-size=1200,1600 \
		    "file://$_file" > /dev/null 2>> "$T/chromium.log"
	fi
}
names="the rendered page holds the timeline chart
the rendered page holds each question asked, in the timeline and the conversation
the rendered page marks both flags on the timeline, with their rules
the rendered page marks the timer's notices
the rendered page shows the score
the rendered page shows markup in a question as text
a screenshot of the page is a 1200x1600 PNG
12 flags in 20 seconds, rendered: no label overlaps another, a point or the end's line
the sample mock, rendered: no label overlaps another, a point or a line"
if [ -z "$browser" ]; then
	printf '%s\n' "$names" > "$T/names"
	while IFS= read -r name; do
		skip "$name" "chromium is not installed (Debian: apt-get install chromium)"
	done < "$T/names"
	done_testing
	exit
fi

chrome DUMP "$T/s.html" "$T/dom.html"
st=$?
grep -q '<svg class="timeline"' "$T/dom.html" && grep -q '<h2 id="timeline-h">Timeline</h2>' "$T/dom.html"
ok $? "the rendered page holds the timeline chart (status $st)"
[ $st -ne 0 ] && diag "$(tail -n 5 "$T/chromium.log")"

# Every question, as the DOM serialises it (& < > escaped, quotes not).
missing=0
while IFS= read -r q; do
	esc=$(printf '%s' "$q" | sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g')
	# Once as a point's tooltip in the chart, once in the conversation.
	n=$(grep -cF "$esc" "$T/dom.html")
	if [ "$n" -lt 2 ]; then
		diag "not in the rendered page twice: $q"
		missing=$((missing + 1))
	fi
done < "$T/questions"
[ $missing -eq 0 ] && [ "$(grep -o '<li class="rec you' "$T/dom.html" | wc -l)" -eq "$(wc -l < "$T/questions")" ]
ok $? "the rendered page holds each question asked, in the timeline and the conversation"

[ "$(grep -o '<path class="dot mark' "$T/dom.html" | wc -l)" -eq 2 ] &&
    grep -q 'class="flag-label sev-error"[^>]*>salary.own<' "$T/dom.html" &&
    grep -q 'class="flag-label sev-error"[^>]*>job-ask.hiring<' "$T/dom.html" &&
    grep -q 'id="flag2"' "$T/dom.html"
ok $? "the rendered page marks both flags on the timeline, with their rules"

for label in 'start: agree the time' 'half time' '5:00 left: wrap up' 'time is up'; do
	grep -q "class=\"notice-label\"[^>]*>$label<" "$T/dom.html" || { diag "no notice '$label'"; false; }
done && grep -q '<li class="rec coach notice"' "$T/dom.html"
ok $? "the rendered page marks the timer's notices"

grep -q "class=\"total [a-z]*\"[^>]*>$score<small>/100</small>" "$T/dom.html" &&
    grep -q '<span class="num">10/40</span>' "$T/dom.html"
ok $? "the rendered page shows the score"

chrome DUMP "$T/h.html" "$T/hdom.html"
grep -qF '&lt;script&gt;alert(1)&lt;/script&gt;' "$T/hdom.html" && ! grep -qi '<script' "$T/hdom.html" &&
    ! grep -qi '<img' "$T/hdom.html" && ! grep -q '<h1>big' "$T/hdom.html"
ok $? "the rendered page shows markup in a question as text"

chrome SHOT "$T/s.html" "$T/shot.png"
# A PNG: the signature, then the IHDR chunk with the width and height.
sig=$(od -A n -t x1 -N 8 "$T/shot.png" 2>/dev/null | tr -d ' \n')
wh=$(od -A n -t u1 -j 16 -N 8 "$T/shot.png" 2>/dev/null | awk '{print $3*256+$4 "x" $7*256+$8}')
[ "$sig" = 89504e470d0a1a0a ] && [ "$wh" = 1200x1600 ] && [ "$(wc -c < "$T/shot.png")" -gt 20000 ]
ok $? "a screenshot of the page is a 1200x1600 PNG ($wh, $(wc -c < "$T/shot.png" 2>/dev/null) bytes)"
[ -n "${INFOCOACH_KEEP_SCREENSHOT:-}" ] && cp "$T/shot.png" "$INFOCOACH_KEEP_SCREENSHOT"

# overlaps PAGE OUT: render a copy of PAGE with a script (the page itself
# forbids scripts) that measures every label of the chart as Chromium
# draws it, and writes into OUT's <body data-overlaps="N" data-labels="M">
# how many labels overlap another label, a point, or a notice's or the
# end's line (a label's own point and line excepted).
cat > "$T/measure.js" <<'EOF'
(function () {
  var svg = document.querySelector('svg.timeline');
  var labels = svg.querySelectorAll('text.flag-label, text.notice-label, text.end-label');
  var marks = svg.querySelectorAll('.dot, line.end, line.notice');
  function hit(a, b) {
    return a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  }
  var bad = [];
  for (var i = 0; i < labels.length; i++) {
    var a = labels[i].getBoundingClientRect();
    for (var j = i + 1; j < labels.length; j++)
      if (hit(a, labels[j].getBoundingClientRect()))
        bad.push(labels[i].textContent + ' / ' + labels[j].textContent);
    for (var k = 0; k < marks.length; k++)
      if (marks[k].parentNode !== labels[i].parentNode && hit(a, marks[k].getBoundingClientRect()))
        bad.push(labels[i].textContent + ' / a ' + marks[k].getAttribute('class'));
  }
  document.body.setAttribute('data-labels', labels.length);
  document.body.setAttribute('data-overlaps', bad.length);
  var pre = document.createElement('pre');
  pre.id = 'overlaps';
  pre.textContent = bad.join('\n');
  document.body.appendChild(pre);
})();
EOF
overlaps() {
	{ sed '/http-equiv="Content-Security-Policy"/d; /^<\/body>/,$d' "$1"
	  printf '<script>\n'; cat "$T/measure.js"; printf '</script>\n</body>\n</html>\n'; } > "$T/measure.html"
	chrome DUMP "$T/measure.html" "$2"
}

overlaps "$T/crowd.html" "$T/crowd-dom.html"
n=$(sed -n 's/.*data-overlaps="\([0-9]*\)".*/\1/p' "$T/crowd-dom.html")
l=$(sed -n 's/.*data-labels="\([0-9]*\)".*/\1/p' "$T/crowd-dom.html")
[ "$n" = 0 ] && [ "${l:-0}" -ge 11 ]
ok $? "12 flags in 20 seconds, rendered: no label overlaps another, a point or the end's line ($l labels, ${n:-?} overlaps)"
[ "$n" = 0 ] || diag "$(sed -n '/<pre id="overlaps">/,/<\/pre>/p' "$T/crowd-dom.html")"
overlaps "$T/s.html" "$T/s-dom.html"
n=$(sed -n 's/.*data-overlaps="\([0-9]*\)".*/\1/p' "$T/s-dom.html")
l=$(sed -n 's/.*data-labels="\([0-9]*\)".*/\1/p' "$T/s-dom.html")
[ "$n" = 0 ] && [ "${l:-0}" -ge 6 ]
ok $? "the sample mock, rendered: no label overlaps another, a point or a line ($l labels, ${n:-?} overlaps)"
[ "$n" = 0 ] || diag "$(sed -n '/<pre id="overlaps">/,/<\/pre>/p' "$T/s-dom.html")"


done_testing
