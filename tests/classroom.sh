#!/bin/sh
# tests/classroom.sh -- a career centre's class: ten students' drafts in
# the encodings and list styles their editors make (UTF-8 with and
# without a BOM, CRLF, UTF-16 from Notepad with and without a BOM, a
# Windows-1252 file, plain, numbered and Markdown task lists, two questions
# on a line, an empty draft), checked in every format.  JSON and SARIF
# are parsed with python3's json module and their content compared with
# the CSV row of each file; SARIF is also validated by Microsoft's SARIF
# Multitool when it is installed (tests/sarif.sh says where it is found).
cache="${XDG_CACHE_HOME:-$HOME/.cache}/infocoach-tests"   # before lib.sh moves HOME
. "${TOP_SRCDIR:-$(dirname "$0")/..}/tests/lib.sh"

T=$TEST_HOME
IC=$INFOCOACH
C="$T/class"
mkdir -p "$C"

# 1 Ana: plain UTF-8, a good list.
cat > "$C/01-ana.txt" <<'X'
What does a typical week look like for you?
How did you get into this line of work?
What do you enjoy most about your work?
How is your field changing at the moment?
Who else would you suggest I talk to?
When I contact them, may I say that you suggested it?
X
# 2 Ben: Markdown task list with emphasis, links and a job ask.
cat > "$C/02-ben.md" <<'X'
# Questions for Ms. Okafor
> - [ ] What does a **typical** day look like?
- [x] How did you get into [public health](https://example.org)?
- [ ] Are you _hiring_ at the moment?
- [ ] Who else would you suggest I talk to?
X
# 3 Chloe: numbered list, Windows line ends and a BOM.
printf '\357\273\2771. What is the hardest part of your job?\r\n2) How is the industry changing?\r\n3. May I mention your name when I contact them?\r\n' > "$C/03-chloe.txt"
# 4 Dev: Notepad's "Unicode": UTF-16LE with a BOM, a curly apostrophe.
printf 'What\342\200\231s a typical day like for you?\nHow much do you earn?\nWho else should I speak with?\n' |
    iconv -f UTF-8 -t UTF-16LE | { printf '\377\376'; cat; } > "$C/04-dev.txt"
# 5 Ema: UTF-16BE without a BOM.
printf 'How did you start out?\nWhat trends are shaping your field?\n' | iconv -f UTF-8 -t UTF-16BE > "$C/05-ema.txt"
# 6 Finn: Windows-1252 (0x92 is a curly apostrophe): cannot be read as UTF-8.
printf 'What does a typical week look like for you?\nWhat\222s the hardest part?\n' > "$C/06-finn.txt"
# 7 Gia: two questions on a line, and a disclaimer that excuses nothing.
cat > "$C/07-gia.txt" <<'X'
What do you do all day? How did you get there?
I am not asking for a job, but are you hiring?
X
# 8 Hugo: an empty draft.
: > "$C/08-hugo.txt"
# 9 Ines: '*' bullets, a pay question, a yes/no question.
printf '* Do you like your job?\n* What salary should a beginner expect?\n* How is the field changing?\n' > "$C/09-ines.md"
# 10 Jo: a clean list in Markdown with a comment.
cat > "$C/10-jo.md" <<'X'
<!-- my draft -->
1. What does a typical week look like for you?
2. What advice would you give someone starting out?
3. How is your field changing, and what is driving it?
4. Who else would you suggest I talk to?
5. May I say that you suggested it?
X
cd "$C" || exit 99
set -- 01-ana.txt 02-ben.md 03-chloe.txt 04-dev.txt 05-ema.txt 06-finn.txt 07-gia.txt 08-hugo.txt 09-ines.md 10-jo.md

for f in text json sarif github csv; do
	timeout 30 "$IC" check -f "$f" --summary-html "$T/$f.html" "$@" > "$T/out.$f" 2> "$T/err.$f"
	echo $? > "$T/st.$f"
done
st=$(cat "$T"/st.text "$T"/st.json "$T"/st.sarif "$T"/st.github "$T"/st.csv | tr -d '\n')
[ "$st" = 22222 ]
ok $? "every format: status 2, for the Windows-1252 draft ($st)"
[ "$(cat "$T"/err.json)" = "infocoach: 06-finn.txt:2:5: error: not UTF-8: the file looks like Windows-1252 (byte 0x92, ’); 1 line was not checked" ]
ok $? "the unreadable draft is named on stderr, positioned, with the encoding it seems to be in"
cmp -s "$T/text.html" "$T/csv.html" && cmp -s "$T/json.html" "$T/sarif.html"
ok $? "the summary page is the same whichever format goes to standard output"

# The CSV: one row per draft, RFC 4180.
python3 - "$T/out.csv" > "$T/csv.check" 2>&1 <<'EOP'
import csv, sys
raw = open(sys.argv[1], newline="").read()
assert raw.endswith("\r\n") and "\n" not in raw.replace("\r\n", ""), "CRLF line ends"
rows = list(csv.DictReader(raw.splitlines()))
by = {r["path"]: r for r in rows}
assert len(rows) == 10, len(rows)
want = {
    "01-ana.txt": ("6", "0", "0", "0", "2", "yes", "yes"),
    "02-ben.md": ("4", "1", "1", "0", "1", "yes", "no"),
    "04-dev.txt": ("3", None, "0", "1", None, None, None),
    "06-finn.txt": ("1", "1", "0", "0", "", "", ""),
    "07-gia.txt": ("3", None, "1", "0", None, None, None),
    "08-hugo.txt": ("0", "0", "0", "0", "", "", ""),
    "09-ines.md": ("3", None, "0", "1", None, None, None),
    "10-jo.md": ("5", "0", "0", "0", "2", "yes", "yes"),
}
for path, w in want.items():
    r = by[path]
    got = (r["questions"], r["errors"], r["job_asks"], r["pay_questions"], r["closing_questions"], r["job_tier"], r["industry_tier"])
    for g, x, name in zip(got, w, ("questions", "errors", "job_asks", "pay_questions", "closing", "job_tier", "industry_tier")):
        assert x is None or g == x, (path, name, g, x)
print("ok")
EOP
[ "$(cat "$T/csv.check")" = ok ]
ok $? "CSV: ten rows with their counts (UTF-16 decoded, two questions on a line counted as two)"
[ "$(cat "$T/csv.check")" = ok ] || diag "$(cat "$T/csv.check")"

# JSON: valid, every file accounted for, and the same counts as the CSV.
python3 - "$T/out.json" "$T/out.csv" > "$T/json.check" 2>&1 <<'EOP'
import csv, json, sys
doc = json.load(open(sys.argv[1]))
rows = {r["path"]: r for r in csv.DictReader(open(sys.argv[2], newline=""))}
assert doc["version"] == 1 and len(doc["files"]) == 10
tot = {"error": 0, "warning": 0, "info": 0}
for f in doc["files"]:
    r = rows[f["path"]]
    sev = {"error": 0, "warning": 0, "info": 0}
    for x in f["findings"]:
        sev[x["severity"]] += 1
        tot[x["severity"]] += 1
    assert int(r["questions"]) == len(f["questions"]), f["path"]
    assert (int(r["errors"]), int(r["warnings"]), int(r["infos"])) == (sev["error"], sev["warning"], sev["info"]), f["path"]
s = doc["summary"]
assert (s["errors"], s["warnings"], s["infos"]) == (tot["error"], tot["warning"], tot["info"])
finn = next(f for f in doc["files"] if f["path"] == "06-finn.txt")
assert [x["kind"] for x in finn["findings"]] == ["unreadable"]
hugo = next(f for f in doc["files"] if f["path"] == "08-hugo.txt")
assert [x["kind"] for x in hugo["findings"]] == ["no_questions"]
dev = next(f for f in doc["files"] if f["path"] == "04-dev.txt")
assert dev["questions"][0]["text"] == "What\u2019s a typical day like for you?"
ben = next(f for f in doc["files"] if f["path"] == "02-ben.md")
assert ben["questions"][2]["text"] == "Are you hiring at the moment?"
hire = [x for x in ben["findings"] if x["rule"] == "job-ask.hiring"][0]
assert (hire["line"], hire["column"]) == (4, 7), hire
gia = next(f for f in doc["files"] if f["path"] == "07-gia.txt")
assert [q["line"] for q in gia["questions"]] == [1, 1, 2]
assert any(x["kind"] == "job_ask" and x["line"] == 2 for x in gia["findings"])
print("ok")
EOP
[ "$(cat "$T/json.check")" = ok ]
ok $? "JSON: parses, ten files, counts agree with the CSV and the summary, positions true to the files"
[ "$(cat "$T/json.check")" = ok ] || diag "$(cat "$T/json.check")"

# SARIF: parses, results for the files read, a notification for the one
# that was not, and the same number of results as JSON's findings.
python3 - "$T/out.sarif" "$T/out.json" > "$T/sarif.check" 2>&1 <<'EOP'
import json, sys
log = json.load(open(sys.argv[1]))
doc = json.load(open(sys.argv[2]))
assert log["version"] == "2.1.0"
run = log["runs"][0]
rules = {r["id"] for r in run["tool"]["driver"]["rules"]}
res = run["results"]
assert all(r["ruleId"] in rules for r in res)
found = sum(len(f["findings"]) for f in doc["files"])
notes = run["invocations"][0]["toolExecutionNotifications"]
assert run["invocations"][0]["executionSuccessful"] is False
assert [n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for n in notes] == ["06-finn.txt"]
assert len(res) + len(notes) == found, (len(res), len(notes), found)
uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in res}
assert uris == {f["path"] for f in doc["files"]} - {"06-finn.txt", "01-ana.txt", "10-jo.md"}, uris
print("ok")
EOP
[ "$(cat "$T/sarif.check")" = ok ]
ok $? "SARIF: parses, a result for every finding, the unreadable draft a tool execution notification"
[ "$(cat "$T/sarif.check")" = ok ] || diag "$(cat "$T/sarif.check")"

mt=${SARIF_MULTITOOL:-}
[ -z "$mt" ] && mt=$(command -v Sarif.Multitool 2>/dev/null ||
    echo "$cache/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool")
if [ -x "$mt" ]; then
	export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
	export DOTNET_BUNDLE_EXTRACT_BASE_DIR="$T/dotnet"
	"$mt" validate "$T/out.sarif" --level "Error;Warning" --output "$T/v.sarif" --log ForceOverwrite > "$T/v.out" 2>&1
	vst=$?
	grep -E ': (error|warning) [A-Z]+[0-9]+: ' "$T/v.out" | grep -v SARIF2005 > "$T/v.found"
	[ $vst -eq 0 ] && [ ! -s "$T/v.found" ]
	ok $? "SARIF: no error or warning from Microsoft's SARIF Multitool"
	[ -s "$T/v.found" ] && diag "$(cat "$T/v.found")"
else
	skip "SARIF: no error or warning from Microsoft's SARIF Multitool" "no SARIF Multitool"
fi

# Text and GitHub: every draft with findings named (Ana's and Jo's lists
# have nothing to fix, and the text output names only files with findings).
missing=0
for f in "$@"; do
	case $f in 01-ana.txt|10-jo.md) continue ;; esac
	grep -q "^$f" "$T/out.text" || { diag "not in the text output: $f"; missing=$((missing + 1)); }
	grep -q "file=$f" "$T/out.github" || { diag "not in the GitHub output: $f"; missing=$((missing + 1)); }
done
[ $missing -eq 0 ] && ! grep -qE '^(01-ana|10-jo)' "$T/out.text"
ok $? "text and GitHub output name every draft with findings, and only those"
e=$(grep -c '^::error ' "$T/out.github")
w=$(grep -c '^::warning ' "$T/out.github")
want=$(python3 -c "import csv,sys; r=list(csv.DictReader(open(sys.argv[1],newline=''))); print(sum(int(x['errors']) for x in r), sum(int(x['warnings']) for x in r))" "$T/out.csv")
[ "$e $w" = "$want" ]
ok $? "GitHub annotations: as many errors and warnings as the CSV counts ($e $w; CSV $want)"
tail -n 1 "$T/out.text" | grep -q "in 10 files"
ok $? "the text summary counts ten files"

[ "$(grep -c '^<tr><td><a href="#file' "$T/csv.html")" -eq 10 ] && grep -q '<h1>10 files checked</h1>' "$T/csv.html"
ok $? "the summary page has a row for each of the ten drafts"

# The same class with -j 1 and -j 4: the same bytes.
timeout 30 "$IC" check -j 1 -f csv "$@" > "$T/j1.csv" 2> /dev/null
timeout 30 "$IC" check -j 4 -f csv "$@" > "$T/j4.csv" 2> /dev/null
cmp -s "$T/j1.csv" "$T/j4.csv" && cmp -s "$T/j1.csv" "$T/out.csv"
ok $? "check -j 1 and -j 4 give the same CSV"

done_testing
