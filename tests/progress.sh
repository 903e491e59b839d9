#!/bin/sh
# tests/progress.sh -- 'infocoach progress': the README's sample is a
# golden's output; sessions held by piped
# practice and mock runs are found in the transcript directory and
# listed in the order held; files there that are not transcripts are
# listed as skipped and never stop it; a directory of thousands of files
# works with few file descriptors; --format json is valid JSON; --html
# writes one self-contained page that headless Chromium renders with
# both charts.  Every run has a timeout, so a hang is a failure.
. "${TOP_SRCDIR:-$(dirname "$0")/..}/tests/lib.sh"

T=$TEST_HOME
IC=$INFOCOACH
S="$XDG_STATE_HOME/infocoach/sessions"

# The README's sample is the golden's output, line for line.
awk '/^<!-- progress: / {on = 1; next} on && /^```$/ {if (++fence == 2) exit; next} on' \
    "$TOP_SRCDIR/README.md" > "$T/readme-sample"
[ -s "$T/readme-sample" ] && cmp -s "$T/readme-sample" "$TOP_SRCDIR/tests/golden/progress-sessions/stdout"
ok $? "the README's progress sample is what progress-sessions prints"

timeout 20 "$IC" progress > "$T/out" 2> "$T/err"
st=$?
[ $st -eq 0 ] && grep -q '^No sessions yet\.$' "$T/out" && grep -q "^Next: Hold a first session" "$T/out" &&
    [ ! -s "$T/err" ]
ok $? "with no session yet: says so, and what to do first (status $st)"

# Three sessions in the default transcript directory, as a user holds them.
printf '%s\n' "What does a typical week look like for you?" "Are you hiring at the moment?" /end |
    INFOCOACH_TEST_CLOCK=2m timeout 20 "$IC" mock --duration 20m --seed 1 --no-history > /dev/null 2>&1
printf '%s\n' "How did you get into nursing?" "How is nursing changing?" "Who else should I talk to?" /end |
    INFOCOACH_TEST_CLOCK=1m timeout 20 "$IC" practice --bank nursing --seed 2 --no-history > /dev/null 2>&1
printf '%s\n' "How did you get into this line of work?" "What skills matter most in your work?" \
    "How is your field changing at the moment?" "Who else would you suggest I talk to?" \
    "May I mention your name when I contact them?" "Thank you for your time today." /end |
    INFOCOACH_TEST_CLOCK=2m timeout 20 "$IC" mock --duration 25m --seed 3 --no-history > /dev/null 2>&1
[ "$(ls "$S"/*.md | wc -l)" -eq 3 ]
ok $? "three piped sessions leave three transcripts in $S"
# The test clock starts every session at the same instant: move them to
# days of their own, in the order they were held.
sed -i 's/^- started: 2026-01-01 /- started: 2026-01-02 /' "$S/20260101-000000-general.md"
sed -i 's/^- started: 2026-01-01 /- started: 2026-01-03 /' "$S/20260101-000000-nursing.md"
sed -i 's/^- started: 2026-01-01 /- started: 2026-01-04 /' "$S/20260101-000000-general-2.md"

timeout 20 "$IC" progress > "$T/out" 2> "$T/err"
st=$?
[ $st -eq 0 ] && [ ! -s "$T/err" ] && grep -q '^Sessions, in the order held (3):$' "$T/out" &&
    grep -q '  mock  *general/dolores  .* job ask 1' "$T/out" &&
    grep -q '  practice  *nursing/annette ' "$T/out" &&
    grep -q '^  Score (timed sessions): [0-9]* [0-9]* (up [0-9]* since the first)$' "$T/out" &&
    grep -q '^Next: ' "$T/out"
ok $? "progress lists the three sessions from the transcript directory, the score going up (status $st)"
! grep -q 'thanks.txt\|follow-up.txt' "$T/out"
ok $? "the thank-you and follow-up drafts beside the transcripts are passed over"

# Foreign and unreadable files beside them: listed as skipped, never fatal.
echo "questions for Maria" > "$S/notes.txt"
printf 'x\0y' > "$S/photo.jpg"
ln -s "$T/nowhere" "$S/gone.md"
mkfifo "$S/pipe.md"
mkdir "$S/old"
printf '# infocoach mock session\n\n- bank: general (x)\n' > "$S/header-only.md"
echo tmp > "$S/.20260101-000000-general.md.Xy12Ab"
timeout 20 "$IC" progress > "$T/out" 2> "$T/err"
st=$?
[ $st -eq 0 ] && grep -q '^Sessions, in the order held (3):$' "$T/out" &&
    grep -q '^Skipped, not sessions that can be shown (6):$' "$T/out" &&
    grep -q '^  gone.md: cannot open: No such file or directory$' "$T/out" &&
    grep -q '^  pipe.md: not a regular file$' "$T/out" &&
    grep -q '^  photo.jpg: line 1: binary file' "$T/out" &&
    grep -q '^  notes.txt: line 1: not an infocoach transcript' "$T/out" &&
    grep -q '^  old: a directory, not a transcript$' "$T/out" &&
    grep -q '^  header-only.md: ' "$T/out" && ! grep -q 'Xy12Ab' "$T/out"
ok $? "a dangling link, a FIFO, binary data, a note, a folder and a broken header are skipped with the reason (status $st)"

if command -v python3 > /dev/null 2>&1; then
	timeout 20 "$IC" progress --format json > "$T/json" &&
	    python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["version"] == 1 and len(d["sessions"]) == 3 and len(d["skipped"]) == 6
assert [s["kind"] for s in d["sessions"]] == ["mock", "practice", "mock"]
assert d["sessions"][1]["score"] is None and d["sessions"][0]["flags"]["job_ask"] == 1
assert len(d["trends"]["scores"]) == 2 and len(d["trends"]["flags_per_session"]) == 3
assert d["next"]' "$T/json"
	ok $? "--format json is valid JSON with every session, skip and trend"
else
	skip "--format json is valid JSON" "python3 is not installed"
fi

# A file named on the command line as well as found in the directory
# counts once; --dir /dev/null reads no directory.
one=$(ls "$S"/*.md | head -n 1)
timeout 20 "$IC" progress "$one" > "$T/out" && grep -q '^Sessions, in the order held (3):$' "$T/out"
ok $? "a transcript both named and in the directory counts once"
timeout 20 "$IC" progress --dir /dev/null "$one" > "$T/out" && grep -q '^Sessions, in the order held (1):$' "$T/out" &&
    ! grep -q Skipped "$T/out"
ok $? "--dir /dev/null: only the transcripts named"

# Thousands of files, under a small limit of open files.
mkdir "$T/many"
i=1
while [ $i -le 1500 ]; do
	cp "$one" "$T/many/s$i.md"
	echo "not a transcript" > "$T/many/n$i.txt"
	i=$((i + 1))
done
t0=$(date +%s)
(ulimit -n 16; timeout 120 "$IC" progress --dir "$T/many" > "$T/out" 2> "$T/err")
st=$?
secs=$(( $(date +%s) - t0 ))
[ $st -eq 0 ] && [ ! -s "$T/err" ] && grep -q '^Sessions, in the order held (1500):$' "$T/out" &&
    grep -q '^Skipped, not sessions that can be shown (1500):$' "$T/out" &&
    grep -q '^  and 1480 more (--format json lists them all)$' "$T/out" &&
    grep -q '^  Flags per session: the last 20: ' "$T/out"
ok $? "3,000 files under ulimit -n 16: 1,500 sessions and 1,500 skipped, in ${secs}s (status $st)"

# The page.
timeout 20 "$IC" progress --html "$T/p.html" > "$T/out" 2> "$T/err"
st=$?
[ $st -eq 0 ] && [ ! -s "$T/out" ] && [ ! -s "$T/err" ] && [ "$(stat -c %a "$T/p.html")" = 600 ]
ok $? "--html writes a private page and says nothing (status $st)"
head -n 1 "$T/p.html" | grep -qx '<!DOCTYPE html>' &&
    grep -q "http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';" "$T/p.html" &&
    ! grep -qiE '<script|<link|<img|<iframe|src=|url\(' "$T/p.html"
ok $? "the page is self-contained: a CSP that forbids loads, no script, nothing loaded"
: > "$S/<b>bold<i> & \"q\".txt"
timeout 20 "$IC" progress --html - > "$T/h.html" &&
    grep -qF '&lt;b&gt;bold&lt;i&gt; &amp; &quot;q&quot;.txt' "$T/h.html" && ! grep -q '<b>bold' "$T/h.html"
ok $? "--html - writes to standard output, and a hostile file name is shown as text"
timeout 20 "$IC" progress --dir "$TOP_SRCDIR/tests/golden/progress-reviewed/sessions" --html - > "$T/r.html" &&
    grep -A1 -x '<h2>Reviewed</h2>' "$T/r.html" |
    grep -qxF '<p>2 of 2 sessions; put better in a review: 2 of 3 flagged lines, 1 of 19 missed topics</p>'
ok $? "the page says what the reviews put better, as the text does"
timeout 20 "$IC" progress --html "$T" 2> "$T/err"
st=$?
[ $st -eq 3 ] && grep -q 'it is a directory' "$T/err"
ok $? "--html naming a directory: status 3 (status $st)"
ln -s "$T/p.html" "$T/link.html"
timeout 20 "$IC" progress --html "$T/link.html" 2> "$T/err"
st=$?
[ $st -eq 3 ] && [ -L "$T/link.html" ] && grep -q 'refusing to write the page through the symbolic link' "$T/err"
ok $? "--html refuses a symbolic link (status $st)"

########################################################################
# Headless Chromium: the page renders with both charts.
########################################################################
browser=
for b in chromium chromium-browser; do
	command -v "$b" > /dev/null 2>&1 && { browser=$b; break; }
done
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
if [ -z "$browser" ]; then
	for name in "the rendered page draws the score over time" "the rendered page draws the flags by kind" \
	    "a screenshot of the page is a 1200x1600 PNG" "at 1000 pixels the sessions' table fits its card"; do
		skip "$name" "chromium is not installed (Debian: apt-get install chromium)"
	done
	done_testing
	exit
fi
chrome DUMP "$T/p.html" "$T/dom.html"
st=$?
grep -q '<polyline class="score" points="[0-9.]*,[0-9.]* [0-9.]*,[0-9.]* "' "$T/dom.html" &&
    [ "$(grep -o '<circle class="dot"' "$T/dom.html" | wc -l)" -eq 2 ] &&
    grep -q '<h2>Score over time</h2>' "$T/dom.html"
ok $? "the rendered page draws the score over time: one point per timed session (status $st)"
[ $st -ne 0 ] && diag "$(tail -n 5 "$T/chromium.log")"
grep -q '<rect class="k-job_ask"' "$T/dom.html" && grep -q '<h2>Flags by kind, per session</h2>' "$T/dom.html" &&
    [ "$(grep -o '<tr><td class="num">' "$T/dom.html" | wc -l)" -ge 3 ]
ok $? "the rendered page draws the flags by kind, with the sessions' table"
chrome SHOT "$T/p.html" "$T/shot.png"
wh=$(python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); print("%dx%d" % struct.unpack(">II", d[16:24]))' "$T/shot.png" 2>/dev/null)
[ "$wh" = 1200x1600 ]
ok $? "a screenshot of the page is a 1200x1600 PNG ($wh)"

# At 1000 pixels the sessions' table fits its card: no horizontal
# scrolling, rows of a few lines, with long file names and three kinds
# of flag.  A copy of the page without its policy runs a script that
# writes the widths into the DOM.
mkdir "$T/wide"
cp "$TOP_SRCDIR"/tests/golden/progress-sessions/sessions/*.md "$T/wide/"
cp "$T/wide/4-mock-software.md" "$T/wide/20261206-180522-software-engineering.md"
cp "$T/wide/1-mock-general.md" "$T/wide/20261206-180523-general-mock-with-flags.md"
timeout 20 "$IC" progress --dir "$T/wide" --html "$T/wide.html" 2> "$T/err"
sed -e '/Content-Security-Policy/d' -e 's|</body>|<script>var d=document.querySelector("#sessions .scroll"),r=d.querySelector("tr:nth-child(2)");document.body.setAttribute("data-fit",(d.scrollWidth<=d.clientWidth?"fits":"overflows")+" "+d.scrollWidth+"/"+d.clientWidth+" row "+Math.round(r.getBoundingClientRect().height));</script></body>|' \
    "$T/wide.html" > "$T/measure.html"
timeout -k 5 90 "$browser" --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$T/chromium" \
    --window-size=1000,900 --dump-dom "file://$T/measure.html" > "$T/measure.dom" 2>> "$T/chromium.log"
fit=$(sed -n 's/.*data-fit="\([^"]*\)".*/\1/p' "$T/measure.dom")
row=${fit##* }
case $fit in fits*) [ "${row:-999}" -le 100 ] ;; *) false ;; esac
ok $? "at 1000 pixels the sessions' table fits its card, rows at most 100 pixels tall ($fit)"

done_testing
