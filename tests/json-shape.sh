#!/bin/sh
# tests/json-shape.sh -- 'check --format json' has exactly the public shape
# of SPEC section 4 (keys and value types), every checked line appears in
# 'questions', and '--format sarif' has the SARIF 2.1.0 structure code
# scanning tools read.  Uses python3's json module to parse.
. "${TOP_SRCDIR:-$(dirname "$0")/..}/tests/lib.sh"

if ! command -v python3 >/dev/null 2>&1; then
	echo "1..0 # SKIP python3 is not installed"
	exit 0
fi

d="$TEST_HOME/drafts.txt"
cat > "$d" <<'EOD'
# a comment, skipped

- What does a typical week look like for you?
* Are you hiring at the moment?
1. How much do you make?
What does your company do?
Do you like your job?
How is your field changing?
How is your field changing?
EOD
"$INFOCOACH" check -f json "$d" "$TOP_SRCDIR/tests/golden/check-clean/clean.txt" > "$TEST_HOME/out.json"
st=$?
[ $st -eq 1 ]
ok $? "check -f json exits 1 on errors ($st)"
# Every file is accounted for: missing, empty and not UTF-8 too.
: > "$TEST_HOME/empty.txt"
printf 'What\222s your day like?\n' > "$TEST_HOME/word.txt"
(cd "$TEST_HOME" && "$INFOCOACH" check -f json nosuch.txt empty.txt word.txt) > "$TEST_HOME/bad.json" 2>/dev/null
st=$?
[ $st -eq 2 ]
ok $? "check -f json exits 2 on unreadable files ($st)"

python3 - "$TEST_HOME/out.json" "$TEST_HOME/count" "$TEST_HOME/bad.json" <<'EOP'
import json, sys
doc = json.load(open(sys.argv[1]))
bad = json.load(open(sys.argv[3]))
n = 0
failed = 0
def check(cond, what):
    global n, failed
    n += 1
    failed += not cond
    print(("ok" if cond else "not ok"), "-", what)
    return cond
check([f["path"] for f in bad["files"]] == ["nosuch.txt", "empty.txt", "word.txt"], "every file given is in files, readable or not")
check([[(x["kind"], x["severity"], x["line"]) for x in f["findings"]] for f in bad["files"]] ==
      [[("unreadable", "error", None)], [("no_questions", "warning", None)], [("unreadable", "error", 1)]],
      "a missing file and a Windows-1252 one are unreadable errors, an empty one a no_questions warning")
check("No such file" in bad["files"][0]["findings"][0]["message"] and "Windows-1252" in bad["files"][2]["findings"][0]["message"],
      "unreadable findings say why")
doc["files"] += bad["files"]
for k in ("errors", "warnings", "infos"):
    doc["summary"][k] += bad["summary"][k]
check(set(doc) == {"version", "files", "summary"}, "top-level keys are version, files, summary")
check(doc["version"] == 1, "version is 1")
check(isinstance(doc["files"], list) and len(doc["files"]) == 5, "two files, in argument order, and the three above")
for f in doc["files"]:
    check(set(f) == {"path", "questions", "findings"}, "file keys are path, questions, findings")
    check(isinstance(f["path"], str), "path is a string")
    for q in f["questions"]:
        check(set(q) == {"line", "text", "category", "tier", "confidence"} and isinstance(q["line"], int)
              and isinstance(q["confidence"], (int, float)) and 0 <= q["confidence"] <= 1
              and isinstance(q["text"], str) and (q["category"] is None or isinstance(q["category"], str))
              and (q["tier"] is None or isinstance(q["tier"], str)), "question %d has the documented keys and types" % q["line"])
    for x in f["findings"]:
        keys = {"line", "column", "end_column", "severity", "kind", "rule", "message", "suggestion"}
        ints = all(x[k] is None or isinstance(x[k], int) for k in ("line", "column", "end_column"))
        strs = all(isinstance(x[k], str) for k in ("severity", "kind", "rule", "message"))
        check(set(x) == keys and ints and strs and x["severity"] in ("error", "warning", "info")
              and x["kind"] in ("job_ask", "salary", "googleable", "closed", "missing_closing", "missing_tier", "too_many", "duplicate",
                                "no_questions", "unreadable"),
              "finding %s %s has the documented keys and types" % (x["line"], x["rule"]))
        if x["kind"] in ("missing_closing", "missing_tier", "too_many", "no_questions") or (x["kind"] == "unreadable" and x["line"] is None):
            check(x["line"] is None and x["column"] is None, "list finding %s has line null" % x["rule"])
        else:
            check(isinstance(x["line"], int) and x["column"] >= 1 and x["end_column"] > x["column"], "line finding %s is positioned" % x["rule"])
first = doc["files"][0]
check([q["line"] for q in first["questions"]] == [3, 4, 5, 6, 7, 8, 9], "every checked line is in questions, comments and blanks are not")
check(first["questions"][0]["text"] == "What does a typical week look like for you?", "list markers are stripped from the text")
check(first["questions"][0]["category"] == "typical_day" and first["questions"][0]["tier"] == "job", "category and tier")
kinds = {(x["line"], x["kind"]) for x in first["findings"]}
check((4, "job_ask") in kinds and (5, "salary") in kinds and (6, "googleable") in kinds and (7, "closed") in kinds, "per-line kinds")
check((9, "duplicate") in kinds and (None, "missing_closing") in kinds, "list findings")
j = [x for x in first["findings"] if x["kind"] == "job_ask"][0]
check(j["column"] == 3, "the column of a finding after a '* ' marker is 3")
s = doc["summary"]
check(set(s) == {"errors", "warnings", "infos"} and all(isinstance(v, int) for v in s.values()), "summary keys and types")
total = sum(len(f["findings"]) for f in doc["files"])
check(s["errors"] + s["warnings"] + s["infos"] == total, "summary counts add up to the findings")
open(sys.argv[2], "w").write("%d %d\n" % (n, failed))
EOP
read pn pf < "$TEST_HOME/count"
tap_n=$((tap_n + pn))
tap_failed=$((tap_failed + pf))

# SARIF: the structure code-scanning tools read.
"$INFOCOACH" check -f sarif "$d" > "$TEST_HOME/out.sarif"
python3 - "$TEST_HOME/out.sarif" <<'EOP'
import json, sys
d = json.load(open(sys.argv[1]))
run = d["runs"][0]
rules = {r["id"] for r in run["tool"]["driver"]["rules"]}
good = (d["version"] == "2.1.0" and "$schema" in d and run["tool"]["driver"]["name"] == "infocoach"
        and len(run["results"]) > 0
        and all(r["level"] in ("error", "warning", "note") and r["message"]["text"]
                and r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                for r in run["results"])
        and all(r["ruleId"] in rules for r in run["results"])
        and all(r["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1
                for r in run["results"] if "region" in r["locations"][0]["physicalLocation"]))
sys.exit(0 if good else 1)
EOP
ok $? "check -f sarif has the SARIF 2.1.0 structure"

# Under a language that writes "0,82", the numbers are still JSON's.
# The locale is built here when the system has its source (Debian's
# locales package); otherwise this is skipped.
if command -v localedef > /dev/null 2>&1 && [ -d /usr/share/i18n/locales ] &&
    localedef -i de_DE -f UTF-8 "$TEST_HOME/de_DE.UTF-8" > /dev/null 2>&1; then
	LOCPATH=$TEST_HOME LC_ALL=de_DE.UTF-8 "$INFOCOACH" check -f json "$d" > "$TEST_HOME/de.json"
	python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(d["files"][0]["questions"][0]["confidence"])' \
	    "$TEST_HOME/de.json" > "$TEST_HOME/de.out" 2>&1 && grep -qx '[01]\.[0-9]*' "$TEST_HOME/de.out"
	st=$?
	ok $st "under de_DE.UTF-8 the JSON still parses and numbers keep their decimal point"
	[ $st -ne 0 ] && diag "$(head -n 3 "$TEST_HOME/de.out")"
else
	skip "under de_DE.UTF-8 the JSON still parses" "no locale source to build de_DE.UTF-8 from (Debian: apt-get install locales)"
fi
done_testing
