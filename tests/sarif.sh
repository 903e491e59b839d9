#!/bin/sh
# tests/sarif.sh -- 'check --format sarif' validated by Microsoft's SARIF
# Multitool ('validate'), which checks a log against the SARIF 2.1.0 JSON
# schema and the SARIF specification's own rules.  The drafts cover every
# kind of finding, list findings, a bank, standard input, paths that need
# percent-encoding, hostile text and an empty list.
#
# The validator comes from the npm registry (@microsoft/sarif-multitool-linux);
# 'scripts/setup --tests' installs it outside the source tree.  It is found
# as $SARIF_MULTITOOL, then as Sarif.Multitool on PATH, then in that cache;
# without it the test is skipped.
cache="${XDG_CACHE_HOME:-$HOME/.cache}/infocoach-tests"
. "${TOP_SRCDIR:-$(dirname "$0")/..}/tests/lib.sh"

mt=${SARIF_MULTITOOL:-}
if [ -z "$mt" ]; then
	mt=$(command -v Sarif.Multitool 2>/dev/null ||
	    echo "$cache/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool")
fi
if [ ! -x "$mt" ]; then
	skip "SARIF output validates as SARIF 2.1.0" "no SARIF Multitool (scripts/setup --tests installs it)"
	done_testing
	exit
fi
# The validator is a .NET program: no ICU needed, and its native parts
# are unpacked under the test's own directory.
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
export DOTNET_BUNDLE_EXTRACT_BASE_DIR="$TEST_HOME/dotnet"
export DOTNET_CLI_TELEMETRY_OPTOUT=1

T=$TEST_HOME
mkdir -p "$T/odd dir"
cat > "$T/drafts.txt" <<'EOD'
# every kind of per-line finding
What does a typical week look like for you?
How much do you make a year?
Are you hiring at the moment?
What does your company do?
Do you like your job?
What does a typical week look like for you?
EOD
odd=$(printf 'odd dir/100%% caf\303\251 #1.txt')
printf 'What is "quoted" \\ and\ttabbed, caf\303\251 \342\200\224 and \033[31mred?\n' > "$T/$odd"
printf 'How did you get started?\nWhom else should I talk to?\nMay I mention your name?\nHow is the field changing?\n' > "$T/clean.txt"
: > "$T/empty.txt"

validate() { # NAME SARIF: run the validator; errors and warnings to $T/NAME.found
	"$mt" validate "$2" --level "Error;Warning" --output "$T/$1.log.sarif" --log ForceOverwrite \
	    > "$T/$1.out" 2>&1
	vst=$?
	grep -E ': (error|warning) [A-Z]+[0-9]+: ' "$T/$1.out" |
	    grep -v 'SARIF2005' > "$T/$1.found"   # see below
}
# SARIF2005 asks for the tool's 'informationUri', a web page about the
# tool; infocoach has none to give yet, so that warning alone is allowed.

cd "$T" || exit 1
for c in "drafts:drafts.txt" "odd:$odd" "clean:clean.txt" \
    "empty:empty.txt" "bank:$TOP_SRCDIR/questionbanks/general.yaml" "stdin:-" \
    "absolute:$T/drafts.txt" "dotdot:$T/odd dir/../drafts.txt" "reldotdot:../${T##*/}/./drafts.txt"; do
	name=${c%%:*}
	file=${c#*:}
	"$INFOCOACH" check --fail-on never -f sarif "$file" < "$T/drafts.txt" > "$T/$name.sarif"
	st=$?
	validate "$name" "$T/$name.sarif"
	[ $st -eq 0 ] && [ $vst -eq 0 ] && [ ! -s "$T/$name.found" ]
	ok $? "SARIF 2.1.0, no error or warning from the validator: $name ($file)"
	[ -s "$T/$name.found" ] && diag "$(cat "$T/$name.found")"
	[ $vst -ne 0 ] && diag "validator status $vst" "$(tail -n 5 "$T/$name.out")"
done

# Several files in one log, and the strict policy.
"$INFOCOACH" check --fail-on never --policy strict -f sarif drafts.txt clean.txt empty.txt > "$T/many.sarif"
validate many "$T/many.sarif"
[ $vst -eq 0 ] && [ ! -s "$T/many.found" ]
ok $? "SARIF 2.1.0: three files in one log, strict policy"

# Files that could not be read are tool execution notifications of a run
# that did not succeed: missing, binary, Windows-1252 and a broken bank.
printf 'What does a typical week look like for you?\nWhat\222s the hardest part?\n' > "$T/word.txt"
printf 'PK\003\004\000\000binary' > "$T/draft.docx"
printf 'format: 1\nid: [broken\n' > "$T/broken.yaml"
"$INFOCOACH" check -f sarif drafts.txt nosuch.txt word.txt draft.docx broken.yaml > "$T/unreadable.sarif" 2> "$T/unreadable.err"
st=$?
validate unreadable "$T/unreadable.sarif"
[ $st -eq 2 ] && [ $vst -eq 0 ] && [ ! -s "$T/unreadable.found" ]
ok $? "SARIF 2.1.0 with unreadable files, exit status 2 ($st)"
[ -s "$T/unreadable.found" ] && diag "$(cat "$T/unreadable.found")"
python3 - "$T/unreadable.sarif" <<'EOP'
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
inv = run["invocations"][0]
notes = inv["toolExecutionNotifications"]
uris = [n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for n in notes]
ids = {n["descriptor"]["id"] for n in notes}
known = {d["id"] for d in run["tool"]["driver"]["notifications"]}
ok = (inv["executionSuccessful"] is False and uris == ["nosuch.txt", "word.txt", "draft.docx", "broken.yaml"]
      and all(n["level"] == "error" for n in notes) and ids <= known
      and "Windows-1252" in notes[1]["message"]["text"]
      and not any(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "nosuch.txt" for r in run["results"]))
sys.exit(0 if ok else 1)
EOP
ok $? "every unreadable file is a notification, with its reason, in argument order"

# The validator really does catch a broken log (this test can fail).
sed 's/"version": "2.1.0"/"version": "2.0.9"/' "$T/drafts.sarif" > "$T/broken.sarif"
validate broken "$T/broken.sarif"
[ -s "$T/broken.found" ] || [ $vst -ne 0 ]
ok $? "the validator rejects a log with the wrong version"

# The absolute path is a file:// URI and the odd name is percent-encoded.
grep -q "\"uri\": \"file://$T/drafts.txt\"" "$T/absolute.sarif" &&
    grep -q '"uri": "odd%20dir/100%25%20caf%C3%A9%20%231.txt"' "$T/odd.sarif"
ok $? "artifact URIs: file:// for absolute paths, percent-encoded relative references"
real=$(cd "$T" && pwd -P)
grep -q "\"uri\": \"file://$real/drafts.txt\"" "$T/dotdot.sarif" &&
    grep -q "\"uri\": \"file://$real/drafts.txt\"" "$T/reldotdot.sarif"
ok $? "paths with . or .. segments become the file:// URI of the real path"
done_testing
