#!/bin/sh
# tests/summary-html.sh -- 'infocoach check --summary-html OUT.html': a
# class's drafts become one self-contained page for an adviser (nothing
# loaded from anywhere, a file name with markup shown as text, a private
# file), with a row per file and each file's findings beneath, and
# headless Chromium renders it.  Every run has a timeout.
. "${TOP_SRCDIR:-$(dirname "$0")/..}/tests/lib.sh"

T=$TEST_HOME
IC=$INFOCOACH
mkdir -p "$T/class"

cat > "$T/class/ana.txt" <<'X'
What does a typical week look like for you?
How did you get into this line of work?
How is your field changing at the moment?
Who else would you suggest I talk to?
When I contact them, may I say that you suggested it?
X
cat > "$T/class/ben.md" <<'X'
- [ ] What does a **typical** day look like?
- [ ] Are you hiring? How much do you earn?
X
: > "$T/class/empty.txt"
printf 'What is <script>alert(1)</script> like?\n' > "$T/class/<img src=x onerror=alert(1)> & \"co\".txt"

cd "$T/class" || exit 99
timeout 20 "$IC" check --summary-html "$T/sum.html" ana.txt ben.md empty.txt "<img src=x onerror=alert(1)> & \"co\".txt" \
    missing.txt > "$T/out" 2> "$T/err"
st=$?
[ $st -eq 2 ] && [ -s "$T/sum.html" ] && grep -q '^ben.md:2:7: error: ' "$T/out" &&
    grep -q "missing.txt: error: cannot open" "$T/out"
ok $? "check --summary-html writes the page beside its own output; a missing file is still status 2 (status $st)"
[ "$(stat -c %a "$T/sum.html")" = 600 ]
ok $? "the page is private (mode 0600) like the program's other files"
head -n 1 "$T/sum.html" | grep -qx '<!DOCTYPE html>' &&
    grep -q "http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';" "$T/sum.html"
ok $? "an HTML page whose Content-Security-Policy forbids every load"
! grep -qiE 'https?:|ftp:|file:|data:|//[a-z0-9]' "$T/sum.html" &&
    ! grep -qiE '<(script|link|img|iframe|object|embed|base)\b|@import|url\(' "$T/sum.html" &&
    [ -z "$(grep -oiE '\b(src|href|action)="[^"]*"' "$T/sum.html" | grep -v '="#')" ]
ok $? "no URL, script, image or outside link in the page"
[ "$(grep -c '^<tr><td><a href="#file[0-9]*">' "$T/sum.html")" -eq 5 ] &&
    [ "$(grep -c '^<section id="file[0-9]*">' "$T/sum.html")" -eq 5 ]
ok $? "a row and a section for each of the five files, the missing one included"
grep -qF '<a href="#file4">&lt;img src=x onerror=alert(1)&gt; &amp; &quot;co&quot;.txt</a>' "$T/sum.html" &&
    ! grep -q '<img' "$T/sum.html" && grep -c '^<tr>' "$T/sum.html" | grep -qx 5
ok $? "markup in a file name is escaped"
grep -qF '<tr><td><a href="#file1">ana.txt</a></td><td>5</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td class="yes">2 of 2</td><td class="yes">yes</td><td class="yes">yes</td></tr>' "$T/sum.html" &&
    grep -qF '<tr><td><a href="#file2">ben.md</a></td><td>3</td>' "$T/sum.html" &&
    grep -qF '<td class="n-error">1</td><td class="n-error">1</td><td class="no">0 of 2</td>' "$T/sum.html"
ok $? "the rows count questions, findings, job asks, pay questions, closing questions and tiers"
grep -q '<span class="where">line 2, column 7</span><span class="sev">error</span>Asking whether they are hiring' "$T/sum.html" &&
    grep -q '<p class="sugg">Ask how people usually find their way' "$T/sum.html"
ok $? "each finding is listed under its file, positioned, with its suggestion"

timeout 20 "$IC" check -j 2 --summary-html "$T/sum2.html" ana.txt ben.md empty.txt "<img src=x onerror=alert(1)> & \"co\".txt" \
    missing.txt > /dev/null 2>&1
cmp -s "$T/sum.html" "$T/sum2.html"
ok $? "check -j 2 makes the same page"

timeout 20 "$IC" check --summary-html "$T/no/such/dir/s.html" ana.txt > /dev/null 2> "$T/err"
st=$?
[ $st -eq 3 ] && grep -q "cannot save '$T/no/such/dir/s.html'" "$T/err"
ok $? "an unwritable --summary-html path: status 3 and why (status $st)"
timeout 20 "$IC" check --summary-html - ana.txt > /dev/null 2> "$T/err"
[ $? -eq 2 ] && grep -q "summary-html needs a file name" "$T/err"
ok $? "--summary-html - is a usage error: standard output has the check's own output"

########################################################################
# Headless Chromium: the page renders.
########################################################################
browser=
for b in chromium chromium-browser; do
	command -v "$b" > /dev/null 2>&1 && { browser=$b; break; }
done
if [ -z "$browser" ]; then
	for name in "the rendered page holds the table and every file's findings" \
	    "the rendered page shows markup in a file name as text" "a screenshot of the page is a PNG"; do
		skip "$name" "chromium is not installed (Debian: apt-get install chromium)"
	done
	done_testing
	exit
fi
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

chrome DUMP "$T/sum.html" "$T/dom.html"
st=$?
[ "$(grep -o '<tr><td><a href="#file' "$T/dom.html" | wc -l)" -eq 5 ] &&
    [ "$(grep -o '<li class="sev-' "$T/dom.html" | wc -l)" -eq "$(grep -o '<li class="sev-' "$T/sum.html" | wc -l)" ] &&
    grep -q '<h1>5 files checked</h1>' "$T/dom.html"
ok $? "the rendered page holds the table and every file's findings (status $st)"
[ $st -ne 0 ] && diag "$(tail -n 5 "$T/chromium.log")"
grep -qF '&lt;img src=x onerror=alert(1)&gt; &amp; "co".txt' "$T/dom.html" && ! grep -q '<img' "$T/dom.html"
ok $? "the rendered page shows markup in a file name as text"

chrome SHOT "$T/sum.html" "$T/shot.png"
sig=$(od -A n -t x1 -N 8 "$T/shot.png" 2>/dev/null | tr -d ' \n')
wh=$(od -A n -t u1 -j 16 -N 8 "$T/shot.png" 2>/dev/null | awk '{print $3*256+$4 "x" $7*256+$8}')
[ "$sig" = 89504e470d0a1a0a ] && [ "$wh" = 1200x1600 ] && [ "$(wc -c < "$T/shot.png")" -gt 10000 ]
ok $? "a screenshot of the page is a PNG ($wh, $(wc -c < "$T/shot.png" 2>/dev/null) bytes)"
[ -n "${INFOCOACH_KEEP_SCREENSHOT:-}" ] && cp "$T/shot.png" "$INFOCOACH_KEEP_SCREENSHOT"

done_testing
