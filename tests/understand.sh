#!/bin/sh
# tests/understand.sh -- understanding as a user meets it: the events
# file of practice and mock, the model file and example files as input
# (missing, corrupt, hostile), INFOCOACH_MODEL, and 'train'.
. "${TOP_SRCDIR:-$(dirname "$0")/..}/tests/lib.sh"

IC=$INFOCOACH
T=$TEST_HOME
PY=$(command -v python3 || true)

cat > "$T/in" <<'EOF'
Hi, thanks for making the time!
Is half an hour still OK?
How did you get into this line of work?
/help
Why is that?
Are you hiring at the moment?
Sorry, I didn't mean to ask for a job.
Who else would you suggest I talk to?
Thank you so much for your time.
/end
EOF

# --events: one JSON object per line said to the host (not per command),
# in the shape of SPEC 5a, 0600, flushed by the end of the session.
INFOCOACH_TEST_CLOCK=20s "$IC" practice --seed 1 --no-transcript --events "$T/ev.jsonl" < "$T/in" > "$T/out" 2> "$T/err"
st=$?
[ $st -eq 0 ] && [ "$(wc -l < "$T/ev.jsonl")" -eq 8 ]
ok $? "--events writes one line per line said to the host, none for /help (status $st, $(wc -l < "$T/ev.jsonl") lines)"
[ "$(stat -c %a "$T/ev.jsonl")" = 600 ]
ok $? "the events file is 0600"
if [ -n "$PY" ]; then
	"$PY" - "$T/ev.jsonl" > "$T/py" 2>&1 <<'EOF'
import json, sys
acts = {"question", "follow_up", "clarify", "self", "ack", "thanks", "apology",
        "greeting", "time_frame", "goodbye", "off_topic"}
rows = [json.loads(l) for l in open(sys.argv[1])]
keys = {"turn", "at_ms", "said", "act", "category", "confidence", "flags", "reply", "coach"}
assert all(set(r) == keys for r in rows), "keys"
assert [r["turn"] for r in rows] == list(range(1, 9)), "turns"
assert all(r["act"] in acts and 0 <= r["confidence"] <= 1 for r in rows), "acts"
assert all(isinstance(r["flags"], list) and isinstance(r["coach"], list) for r in rows), "lists"
assert rows[0]["act"] == "greeting" and rows[1]["act"] == "time_frame", "greeting, time frame"
assert rows[2]["act"] == "question" and rows[2]["category"] == "entry_path", "question"
assert rows[3]["act"] == "follow_up" and rows[3]["category"] == "entry_path", "follow-up"
assert rows[3]["at_ms"] > rows[2]["at_ms"], "the clock"
assert rows[4]["flags"][0] == "job-ask.hiring" and rows[4]["coach"], "flag and coach"
assert rows[5]["act"] == "apology", "apology"
assert rows[6]["category"] == "referrals" and any("closing" in c for c in rows[6]["coach"]), "closing"
assert rows[7]["act"] == "thanks" and rows[7]["reply"], "thanks"
print("ok")
EOF
	[ "$(cat "$T/py")" = ok ]
	ok $? "each event has SPEC 5a's keys, and the acts, topics, flags and coach lines are right"
	[ "$(cat "$T/py")" = ok ] || diag "$(cat "$T/py")"
else
	skip "each event has SPEC 5a's keys" "python3 is not installed"
fi

# Appending, never truncating; a symbolic link is refused.
INFOCOACH_TEST_CLOCK=20s "$IC" practice --seed 1 --no-transcript --events "$T/ev.jsonl" < "$T/in" > /dev/null 2>&1
[ "$(wc -l < "$T/ev.jsonl")" -eq 16 ]
ok $? "a second session appends to the events file"
ln -s "$T/ev.jsonl" "$T/link.jsonl"
"$IC" practice --seed 1 --no-transcript --events "$T/link.jsonl" < "$T/in" > "$T/out" 2> "$T/err"
st=$?
[ $st -eq 2 ] && grep -q "symbolic link" "$T/err" && [ ! -s "$T/out" ] && [ "$(wc -l < "$T/ev.jsonl")" -eq 16 ]
ok $? "an events path that is a symbolic link is refused before the meeting (status $st)"
printf '/end\n' | INFOCOACH_TEST_CLOCK=1m "$IC" mock --seed 1 --no-transcript --events "$T/mock.jsonl" > /dev/null 2>&1
[ -f "$T/mock.jsonl" ] && [ ! -s "$T/mock.jsonl" ]
ok $? "mock takes --events too; a session with nothing said leaves it empty"

# The model as input.
echo 'What does a typical week look like for you?' > "$T/q.txt"
head -c 100 "$TOP_BUILDDIR/model/understanding.model" > "$T/cut.model"
INFOCOACH_MODEL="$T/cut.model" "$IC" check "$T/q.txt" > "$T/out" 2> "$T/err"
st=$?
[ $st -eq 2 ] && grep -q "cut.model: error: cannot use this model: not an infocoach model (only 100 bytes)" "$T/err"
ok $? "a model file cut short: a message naming it, status 2"
cp "$TOP_BUILDDIR/model/understanding.model" "$T/pad.model" && printf 'x' >> "$T/pad.model"
INFOCOACH_MODEL="$T/pad.model" "$IC" check "$T/q.txt" > "$T/out" 2> "$T/err"
st=$?
[ $st -eq 2 ] && grep -q "byte 20: the file's size does not match its header" "$T/err"
ok $? "a model file with a byte too many: refused at its header's byte, status 2"
# A word of the lexicon (sorted hashes of 4 bytes from byte 168; their
# count at byte 20) no greater than the one before it: the first, one in
# the middle and the last.
m="$TOP_BUILDDIR/model/understanding.model"
nlex=$(od -An -tu4 -j20 -N4 "$m" | tr -d ' ')
for i in 1 50001 $((nlex - 1)); do
	cp "$m" "$T/unsorted.model"
	dd if="$m" of="$T/unsorted.model" bs=1 skip=$((168 + 4 * (i - 1))) seek=$((168 + 4 * i)) count=4 \
	    conv=notrunc 2>/dev/null
	INFOCOACH_MODEL="$T/unsorted.model" "$IC" check "$T/q.txt" > /dev/null 2> "$T/err"
	st=$?
	[ $st -eq 2 ] && grep -q "cannot use this model: byte $((168 + 4 * i)): the lexicon is not sorted" "$T/err"
	ok $? "lexicon word $i of $nlex out of order: refused at its byte, status 2"
done
# A model file left alone for a few seconds and found sound is known in
# the cache by its identity, and its lexicon not read through again;
# damaged in place afterwards (and left alone again), it is checked
# again.
cp "$m" "$T/settled.model"
sleep 4
for run in 1 2; do
	INFOCOACH_CACHE="$T/model.cache" INFOCOACH_MODEL="$T/settled.model" "$IC" check "$T/q.txt" \
	    > "$T/out$run" 2> "$T/err$run"
	echo $? > "$T/st$run"
done
[ "$(cat "$T/st1")" = 0 ] && [ "$(cat "$T/st2")" = 0 ] && cmp -s "$T/out1" "$T/out2" &&
	grep -aq "sound model [0-9]* $(stat -c %i "$T/settled.model") " "$T/model.cache"
ok $? "a model left alone is known by its identity, and says the same"
dd if="$m" of="$T/settled.model" bs=1 skip=$((168 + 4 * 50000)) seek=$((168 + 4 * 50001)) count=4 \
    conv=notrunc 2>/dev/null
sleep 4
INFOCOACH_CACHE="$T/model.cache" INFOCOACH_MODEL="$T/settled.model" "$IC" check "$T/q.txt" > /dev/null 2> "$T/err"
[ $? -eq 2 ] && grep -q "byte $((168 + 4 * 50001)): the lexicon is not sorted" "$T/err"
ok $? "damaged in place, it is checked again and refused"
head -c 5000000 /dev/urandom > "$T/random.model"
INFOCOACH_MODEL="$T/random.model" "$IC" --seed 1 --no-transcript < "$T/in" > "$T/out" 2> "$T/err"
st=$?
[ $st -eq 2 ] && grep -q "not an infocoach model" "$T/err" && [ ! -s "$T/out" ]
ok $? "random bytes as the model: practice stops before the meeting, status 2"
INFOCOACH_MODEL="$T" "$IC" check "$T/q.txt" > /dev/null 2> "$T/err"
[ $? -eq 2 ] && grep -q "not a regular file" "$T/err"
ok $? "a directory as the model: 'not a regular file', status 2"
INFOCOACH_MODEL=none "$IC" check --format json "$T/q.txt" > "$T/out" 2> "$T/err"
[ $? -eq 0 ] && [ ! -s "$T/err" ] && grep -q '"category": "typical_day"' "$T/out"
ok $? "INFOCOACH_MODEL=none: the rules alone, quietly"
printf 'Is there any chance your crew could squeeze me onto the rota next month?\n' > "$T/m.txt"
"$IC" check -q "$T/m.txt" > "$T/out" 2>&1
st1=$?
INFOCOACH_MODEL=none "$IC" check -q "$T/m.txt" > "$T/out2" 2>&1
grep -q '\[job-ask.model\]' "$T/out" && [ $st1 -eq 1 ] && ! grep -q 'job-ask' "$T/out2"
ok $? "a job ask no rule catches is flagged by the model as job-ask.model"

# Example files and train.
printf 'jobask\thello\nok\nconv\tbank\n' > "$T/bad.tsv"
"$IC" train -o "$T/x.model" "$T/bad.tsv" > "$T/out" 2> "$T/err"
st=$?
[ $st -eq 2 ] && grep -q "bad.tsv:1:1: error: unknown label 'jobask' (did you mean 'job_ask'?)" "$T/err" &&
    grep -q "bad.tsv:2:3: error: expected LABEL<TAB>TEXT" "$T/err" && [ ! -e "$T/x.model" ]
ok $? "train: bad labels are positioned errors, status 2, no model written"
head -c 20000 /dev/urandom > "$T/bin.tsv"
timeout 10 "$IC" train -o "$T/x.model" "$T/bin.tsv" > /dev/null 2> "$T/err"
st=$?
[ $st -eq 2 ] && [ ! -e "$T/x.model" ]
ok $? "train: a binary example file is refused with status 2 (status $st)"
printf 'job_ask\tare you hiring\nok\twhat is your day like\ntypical_day\twhat is your day like\nfollow_up\twhy is that\n' > "$T/small.tsv"
"$IC" train --folds 1 -o "$T/s1.model" "$T/small.tsv" > "$T/out" 2>&1 &&
    "$IC" train --folds 1 -q -o "$T/s2.model" "$T/small.tsv" > "$T/out2" 2>&1 &&
    cmp -s "$T/s1.model" "$T/s2.model" && grep -q "trained on 4 examples" "$T/out" && [ ! -s "$T/out2" ]
ok $? "train is deterministic and says what it learned from"
XDG_DATA_HOME="$T/data" "$IC" train --folds 1 -q "$T/small.tsv" &&
    [ -f "$T/data/infocoach/model/understanding.model" ] &&
    "$IC" check --format json "$T/q.txt" > /dev/null 2>&1
ok $? "train with no -o saves the user's own model, which is then used"
rm -f "$T/data/infocoach/model/understanding.model"
# Only a bank, no example file: nothing was seen, and nothing must be
# sorted that is not there (a sanitized build stops on qsort of NULL).
"$IC" train --folds 1 -o "$T/b.model" "$TOP_SRCDIR/questionbanks/nursing.yaml" > "$T/out" 2> "$T/err"
st=$?
[ $st -eq 0 ] && [ ! -s "$T/err" ] && grep -q "^trained on [1-9][0-9]* examples" "$T/out" && [ -s "$T/b.model" ] &&
    INFOCOACH_MODEL="$T/b.model" "$IC" check --format json "$T/q.txt" > /dev/null 2> "$T/err2" && [ ! -s "$T/err2" ]
ok $? "train with only a bank learns from its questions, and the model is used (status $st)"
[ -s "$T/err" ] && diag "$(cat "$T/err")"
"$IC" train --folds 0 "$T/small.tsv" > /dev/null 2> "$T/err"
[ $? -eq 2 ] && grep -q "folds" "$T/err"
ok $? "train --folds 0 is a usage error"

done_testing
