#!/bin/sh
# tests/config.sh -- the config file: where it is found (XDG), what it
# changes in practice, mock and check, what the command line overrides,
# the errors a broken file gets, and what 'infocoach config' shows.
. "${TOP_SRCDIR:-$(dirname "$0")/..}/tests/lib.sh"

T=$TEST_HOME
IC=$INFOCOACH
# The search itself is under test here: no INFOCOACH_CONFIG, and a
# working directory of our own (project files are looked for from it).
unset INFOCOACH_CONFIG
mkdir "$T/work"
cd "$T/work" || exit 99
CF="$XDG_CONFIG_HOME/infocoach/config.yaml"
mkdir -p "$XDG_CONFIG_HOME/infocoach"

# same NAME FILE EXPECTED: FILE holds exactly EXPECTED (a printf format).
same() {
	printf "$3" > "$T/want"
	if cmp -s "$T/want" "$2"; then
		ok 0 "$1"
	else
		ok 1 "$1"
		diag "got:" "$(cat "$2")" "want:" "$(cat "$T/want")"
	fi
}

# --- no file: the defaults --------------------------------------------
"$IC" config > "$T/out" 2> "$T/err"
st=$?
sed "s|$T|T|g" "$T/out" > "$T/out.n"
[ $st -eq 0 ] && [ ! -s "$T/err" ] &&
    grep -qx 'bank            general *(default)' "$T/out.n" &&
    grep -qx 'duration        30m *(default)' "$T/out.n" &&
    grep -qx 'transcript-dir  T/state/infocoach/sessions  (XDG_STATE_HOME)' "$T/out.n" &&
    grep -qx 'config file     none; create T/config/infocoach/config.yaml' "$T/out.n"
ok $? "no config file: every setting is the default, and the file to create is named"

# --- the user's file, found through XDG_CONFIG_HOME -------------------
cat > "$CF" <<'EOF'
# my rehearsal settings
bank: nursing
persona: tyler
duration: 25m
policy: strict
colour: never
transcript-dir: ~/interviews
EOF
"$IC" config > "$T/out" 2> "$T/err"
sed "s|$T|T|g; s/  */ /g" "$T/out" > "$T/out.n"
same "config shows each setting from the file with FILE:LINE" "$T/out.n" \
'bank nursing (T/config/infocoach/config.yaml:2)
persona tyler (T/config/infocoach/config.yaml:3)
duration 25m (T/config/infocoach/config.yaml:4)
policy strict (T/config/infocoach/config.yaml:5)
color never (T/config/infocoach/config.yaml:6)
transcript-dir T/interviews (T/config/infocoach/config.yaml:7)
fail-on error (default)
severity (each rule'"'"'s own) (default)

config file T/config/infocoach/config.yaml (XDG_CONFIG_HOME)
history T/state/infocoach/history
banks '"$TOP_SRCDIR"'/questionbanks (source tree)
'
"$IC" config duration > "$T/out"
same "config KEY prints the value alone" "$T/out" '25m\n'

# practice: bank, persona, policy and transcript-dir from the file.
printf 'How much do you make?\n/end\n' > "$T/in"
"$IC" --seed 1 --no-history < "$T/in" > "$T/out" 2> "$T/err"
st=$?
tr=$(ls "$T/interviews"/*-nursing.md 2>/dev/null | head -n 1)
[ $st -eq 0 ] && [ -n "$tr" ] && grep -q '^- bank: nursing' "$tr" && grep -q '^- host: Tyler' "$tr" &&
    grep -q 'coach:\*\* pay question, error \[salary.own\]' "$tr"
ok $? "practice takes the bank, the host and the transcript directory from the file"
[ "$(stat -c %a "$T/interviews")" = 700 ]
ok $? "the transcript directory from the file is created mode 0700"

# mock: the duration; the command line wins.
printf '/end\n' | "$IC" mock --seed 1 --no-history --no-transcript > "$T/out" 2>&1
grep -q 'The clock is running: 25:00' "$T/out"
ok $? "mock runs for the file's duration (25m)"
printf '/end\n' | "$IC" mock --seed 1 --no-history --no-transcript --duration 20m --bank general > "$T/out" 2> "$T/err"
grep -q 'The clock is running: 20:00' "$T/out" && grep -q '^Dolores' "$T/out" &&
    grep -q "config.yaml:3: warning: bank 'general' has no persona 'tyler'; talking to Dolores Whitfield" "$T/err"
ok $? "options win over the file; a host the other bank lacks gets a warning naming the file and line"
printf '/end\n' | "$IC" --no-config --seed 1 --no-history --no-transcript > "$T/out" 2> "$T/err"
grep -q '^Dolores' "$T/out" && [ ! -s "$T/err" ]
ok $? "--no-config ignores the file"

# check: the policy and duration from the file.
printf 'What do entry-level roles pay?\n' > "$T/q.txt"
"$IC" check --fail-on never -f json "$T/q.txt" > "$T/out"
grep -q '"rule": "salary.range"' "$T/out" && grep -q '"errors": 1' "$T/out"
ok $? "check uses the file's policy (strict: a pay range is an error)"
"$IC" check --fail-on never -f json --policy default "$T/q.txt" > "$T/out"
grep -q '"errors": 0' "$T/out"
ok $? "check --policy overrides the file"
seq 1 20 | sed 's/.*/How did question & start?/' | awk '{ sub("&", NR); print }' > "$T/many.txt"
"$IC" check --fail-on never "$T/many.txt" > "$T/out"
grep -q '20 questions will not fit in 25 minutes' "$T/out"
ok $? "check plans for the file's duration"

# check: fail-on from a file, and the option over it.
printf 'fail-on: warning\n' > "$T/failon.yaml"
printf 'What does your company do?\n' > "$T/web.txt"
"$IC" check --config "$T/failon.yaml" "$T/web.txt" > /dev/null 2>&1
st1=$?
"$IC" check --config "$T/failon.yaml" --fail-on error "$T/web.txt" > /dev/null 2>&1
st2=$?
"$IC" check --no-config "$T/web.txt" > /dev/null 2>&1
st3=$?
[ $st1 -eq 1 ] && [ $st2 -eq 0 ] && [ $st3 -eq 0 ]
ok $? "fail-on: warning in the file makes a warning fail check; --fail-on wins ($st1 $st2 $st3)"
printf 'fail-on: sometimes\n' > "$T/failon.yaml"
"$IC" check --config "$T/failon.yaml" "$T/web.txt" > /dev/null 2> "$T/err"
[ $? -eq 2 ] && grep -q "failon.yaml:1:10: error: invalid fail-on 'sometimes' (expected error, warning, info or never)" "$T/err"
ok $? "an invalid fail-on in the file is a positioned error"

# check: per-kind severities from a project file (.infocoach.yaml), with -j too.
mkdir -p "$T/proj/drafts"
chmod 755 "$T/proj" "$T/proj/drafts"
printf 'severity: {too_many: warning, closed: error}\n' > "$T/proj/.infocoach.yaml"
chmod 644 "$T/proj/.infocoach.yaml"
printf 'Do you like your job?\nHow did you start?\nWhat is hard?\n' > "$T/proj/drafts/a.txt"
cp "$T/proj/drafts/a.txt" "$T/proj/drafts/b.txt"
(cd "$T/proj/drafts" && "$IC" check -q -d 2m a.txt) > "$T/out" 2>&1
st=$?
[ $st -eq 1 ] && grep -q '^a.txt:1:1: error: .*\[closed.yes-no\]' "$T/out" &&
    grep -q '^a.txt: warning: 3 questions will not fit in 2 minutes' "$T/out"
ok $? "severity in .infocoach.yaml: closed is an error and too_many a warning (status $st)"
(cd "$T/proj/drafts" && "$IC" check -q -d 2m -j 2 a.txt b.txt) > "$T/out" 2>&1
[ "$(grep -c 'error: .*closed.yes-no' "$T/out")" -eq 2 ] && [ "$(grep -c 'warning: 3 questions' "$T/out")" -eq 2 ]
ok $? "severity holds for check -j's workers too"
(cd "$T/proj/drafts" && "$IC" check -q -d 2m --no-config a.txt) > "$T/out" 2>&1
[ $? -eq 0 ] && grep -q '^a.txt:1:1: info: .*closed.yes-no' "$T/out"
ok $? "without the file, the rules' own severities"
(cd "$T/proj/drafts" && "$IC" config severity) > "$T/out"
same "config shows the severities as read" "$T/out" '{too_many: warning, closed: error}\n'

# --- --config FILE, XDG_CONFIG_DIRS and relative XDG values -------------
printf 'policy: lenient\n' > "$T/other.yaml"
[ "$("$IC" config --config "$T/other.yaml" policy)" = lenient ] &&
    [ "$("$IC" config --config "$T/other.yaml" bank)" = general ]
ok $? "--config FILE replaces the user's file"
[ "$(INFOCOACH_CONFIG="$T/other.yaml" "$IC" config policy)" = lenient ] &&
    [ "$(INFOCOACH_CONFIG="$T/nonexistent.yaml" "$IC" config --config "$T/other.yaml" policy)" = lenient ]
ok $? "INFOCOACH_CONFIG names the file; --config wins over it"
INFOCOACH_CONFIG="$T/nonexistent.yaml" "$IC" config > /dev/null 2>&1
[ $? -eq 2 ]
ok $? "INFOCOACH_CONFIG naming a missing file is an error, as --config is"
mkdir -p "$T/etc/infocoach"
printf 'duration: 20m\n' > "$T/etc/infocoach/config.yaml"
[ "$(XDG_CONFIG_HOME="$T/none" XDG_CONFIG_DIRS="relative:$T/etc" "$IC" config duration)" = 20m ]
ok $? "without a user file, the first infocoach/config.yaml in XDG_CONFIG_DIRS is read"
mkdir -p "$T/home2/.config/infocoach"
printf 'bank: teaching\n' > "$T/home2/.config/infocoach/config.yaml"
[ "$(cd "$T" && HOME="$T/home2" XDG_CONFIG_HOME=config "$IC" config bank)" = teaching ]
ok $? "a relative XDG_CONFIG_HOME is ignored: ~/.config is used"

# --- XDG_DATA_DIRS: system-wide banks, after the user's and ours -----------
mkdir -p "$T/sys/infocoach/questionbanks" "$XDG_DATA_HOME/infocoach/questionbanks"
sed 's/^id: general$/id: extra/' "$TOP_SRCDIR/questionbanks/general.yaml" > "$T/sys/infocoach/questionbanks/extra.yaml"
cp "$T/sys/infocoach/questionbanks/extra.yaml" "$T/sys/infocoach/questionbanks/teaching.yaml"
XDG_DATA_DIRS="relative:$T/sys" "$IC" banks > "$T/out" 2>&1
grep -q "^extra .*(XDG_DATA_DIRS: $T/sys/infocoach/questionbanks/extra.yaml)" "$T/out" &&
    grep -q "^teaching .*(source tree: " "$T/out"
ok $? "banks in XDG_DATA_DIRS are found, after the program's own (which win by name)"
[ "$(XDG_DATA_DIRS="$T/sys" "$IC" banks --names | grep -c '^extra$')" = 1 ] &&
    [ "$("$IC" banks --names | grep -c '^extra$')" = 0 ]
ok $? "bank names from XDG_DATA_DIRS are completed too, and only when it is set"

[ "$(INFOCOACH_HISTORY= "$IC" config --no-config | grep '^history')" = 'history         none (INFOCOACH_HISTORY)' ] &&
    [ "$(INFOCOACH_HISTORY="$T/h" "$IC" config --no-config | grep '^history')" = "history         $T/h (INFOCOACH_HISTORY)" ]
ok $? "config shows the history file INFOCOACH_HISTORY names, or none when it is empty"

# --- a project file: .infocoach.yaml here or in a parent ---------------
mkdir -p "$T/proj/drafts/deep" "$T/proj/banks"
cp "$TOP_SRCDIR/questionbanks/teaching.yaml" "$T/proj/banks/ours.yaml"
printf 'policy: lenient\nbank: banks/ours.yaml\ntranscript-dir: notes\n' > "$T/proj/.infocoach.yaml"
chmod 644 "$T/proj/.infocoach.yaml"
(cd "$T/proj/drafts/deep" && "$IC" config) > "$T/out" 2> "$T/err"
sed "s|$T|T|g; s/  */ /g" "$T/out" > "$T/out.n"
[ ! -s "$T/err" ] &&
    grep -qx 'policy lenient (T/proj/.infocoach.yaml:1)' "$T/out.n" &&
    grep -qx 'bank T/proj/banks/ours.yaml (T/proj/.infocoach.yaml:2)' "$T/out.n" &&
    grep -qx 'transcript-dir T/proj/notes (T/proj/.infocoach.yaml:3)' "$T/out.n" &&
    grep -qx 'config file T/proj/.infocoach.yaml (project file)' "$T/out.n"
ok $? "a project file two levels up wins over the user's file; its relative paths are from its directory"
(cd "$T/proj/drafts/deep" && printf 'What does a typical week look like for you?\n/end\n' |
    "$IC" --seed 1 --no-history) > "$T/out" 2> "$T/err"
ls "$T/proj/notes"/*-teaching.md > /dev/null 2>&1
ok $? "practice in a subdirectory uses the project's bank and saves to the project's notes"
[ "$(cd "$T/proj/drafts" && "$IC" config --no-config policy)" = default ] &&
    [ "$(cd "$T/proj/drafts" && "$IC" config --config "$CF" policy)" = strict ]
ok $? "--no-config and --config pass over the project file"
chmod 664 "$T/proj/.infocoach.yaml"
(cd "$T/proj/drafts" && "$IC" config policy) > "$T/out" 2> "$T/err"
sed "s|$T|T|g" "$T/err" > "$T/err.n"
[ "$(cat "$T/out")" = strict ] &&
    grep -qx "infocoach: warning: ignoring the project config file T/proj/.infocoach.yaml: others can write to it" "$T/err.n"
ok $? "a project file others may write to is ignored with a warning; the user's file is used"
chmod 644 "$T/proj/.infocoach.yaml"

# --- broken files: positioned errors, status 2, the way out named --------
cat > "$T/bad.yaml" <<'EOF'
bnak: nursing
duration: 99x
policy: 3
color: sometimes
transcript-dir: [notes]
persona: [a, b]
duration: 20m
EOF
"$IC" config --config "$T/bad.yaml" > "$T/out" 2> "$T/err"
st=$?
sed "s|$T|T|g" "$T/err" > "$T/err.n"
[ $st -eq 2 ] && [ ! -s "$T/out" ]
ok $? "an invalid config file: status 2, nothing on stdout"
same "every problem in the file, positioned, then the way out" "$T/err.n" \
"infocoach: T/bad.yaml:1:1: error: unknown setting 'bnak'; did you mean 'bank'?
infocoach: T/bad.yaml:2:11: error: invalid duration '99x' (write it like 90s, 20m, 1h or 1h30m)
infocoach: T/bad.yaml:3:9: error: 'policy' must be a string, not number
infocoach: T/bad.yaml:4:8: error: invalid color 'sometimes' (expected auto, always or never)
infocoach: T/bad.yaml:5:17: error: 'transcript-dir' must be a string, not a list
infocoach: T/bad.yaml:6:10: error: 'persona' must be a string, not a list
infocoach: T/bad.yaml:7:1: error: duplicate key 'duration' (first defined at 2:1)
Fix the file, or use --no-config to run without it.
"
cp "$T/bad.yaml" "$CF"
printf '/end\n' | "$IC" --no-history --no-transcript > "$T/out" 2> "$T/err"
st=$?
[ $st -eq 2 ] && [ ! -s "$T/out" ] && grep -q 'config.yaml:1:1: error: unknown setting' "$T/err"
ok $? "practice refuses to start with a broken config file (status 2) and says why"
"$IC" check "$T/q.txt" > "$T/out" 2> "$T/err"
[ $? -eq 2 ] && grep -q 'use --no-config' "$T/err"
ok $? "check refuses too, naming --no-config"
printf '/end\n' | "$IC" --no-config --no-history --no-transcript > "$T/out" 2> "$T/err"
[ $? -eq 0 ] && [ ! -s "$T/err" ]
ok $? "--no-config is the way out"

printf 'bank: nosuch\n' > "$CF"
"$IC" --no-history --no-transcript < /dev/null > "$T/out" 2> "$T/err"
st=$?
sed "s|$T|T|g" "$T/err" > "$T/err.n"
same "a bank in the file that does not exist: the error says where it was set" "$T/err.n" \
"infocoach: nosuch: error: no such bank (see 'infocoach banks' for the banks found)
(The bank is set in T/config/infocoach/config.yaml:1; use --bank or --no-config.)
"
for content in '' '# only a comment\n'; do
	printf "$content" > "$CF"
	[ "$("$IC" config bank 2>&1)" = general ]
	ok $? "an empty config file ('$content') means no settings"
done
printf 'color: never\ncolour: always\n' > "$CF"
"$IC" config > /dev/null 2> "$T/err"
[ $? -eq 2 ] && grep -q "config.yaml:2:1: error: 'colour' is set twice (also on line 1)" "$T/err"
ok $? "color and colour both set: an error naming both lines"
printf -- '- a\n- b\n' > "$CF"
"$IC" config > /dev/null 2> "$T/err"
[ $? -eq 2 ] && grep -q 'config.yaml:1:1: error: a config file is a mapping of settings' "$T/err"
ok $? "a config file that is a list: a positioned error"
printf 'bank: &a x\nx: *a\n' > "$CF"
"$IC" config > /dev/null 2> "$T/err"
[ $? -eq 2 ] && grep -q 'config.yaml:1:7: error: anchors' "$T/err"
ok $? "anchors and aliases are refused as in banks"
head -c 5000000 /dev/zero | tr '\0' 'a' > "$CF"
timeout 10 "$IC" config > /dev/null 2> "$T/err"
[ $? -eq 2 ] && grep -q 'config.yaml: error: .*too large\|larger than' "$T/err"
ok $? "a 5 MB config file is refused at once"
"$IC" config --config "$T/nonexistent.yaml" > /dev/null 2> "$T/err"
[ $? -eq 2 ] && grep -qx "infocoach: $T/nonexistent.yaml: error: cannot open: No such file or directory" "$T/err"
ok $? "--config with a missing file: 'cannot open', status 2"
"$IC" config --config x --no-config > /dev/null 2> "$T/err"
[ $? -eq 2 ] && grep -q 'do not go together' "$T/err"
ok $? "--config and --no-config together: a usage error"
"$IC" config colour_ > /dev/null 2> "$T/err"
[ $? -eq 2 ] && grep -q "unknown setting 'colour_'" "$T/err"
ok $? "config with an unknown key: a usage error"
# --- /dev/null means none, for every file setting ----------------------
# (The user's file above is broken, so a file read by mistake fails.)
printf 'bnak: x\n' > "$CF"
INFOCOACH_CONFIG=/dev/null "$IC" config > "$T/out" 2> "$T/err"
[ $? -eq 0 ] && [ ! -s "$T/err" ] && grep -qx 'config file     none (INFOCOACH_CONFIG is /dev/null)' "$T/out" &&
    grep -qx 'bank            general *(default)' "$T/out"
ok $? "INFOCOACH_CONFIG=/dev/null: no config file is read, and config says so"
"$IC" config --config /dev/null > "$T/out" 2> "$T/err"
[ $? -eq 0 ] && [ ! -s "$T/err" ] && grep -qx 'config file     none (--config is /dev/null)' "$T/out"
ok $? "--config /dev/null: no config file is read, and config says so"
printf 'What does a typical week look like for you?\n/end\n' |
    "$IC" practice --config /dev/null --seed 1 --transcript /dev/null --events /dev/null > "$T/out" 2> "$T/err"
[ $? -eq 0 ] && [ ! -s "$T/err" ] && grep -q '^Report: your conversation' "$T/out" &&
    ! grep -q 'The transcript is in\|saved to' "$T/out"
ok $? "--transcript /dev/null and --events /dev/null: no transcript, no events, no error"
printf 'transcript-dir: /dev/null\n' > "$T/null-dir.yaml"
rm -rf "$T/state/infocoach/sessions"
printf '/end\n' | "$IC" practice --config "$T/null-dir.yaml" --seed 1 > "$T/out" 2> "$T/err"
[ $? -eq 0 ] && [ ! -s "$T/err" ] && ! grep -q 'The transcript is in' "$T/out" &&
    [ ! -e "$T/state/infocoach/sessions" ]
ok $? "transcript-dir: /dev/null keeps no transcript"
printf 'What does a typical week look like for you?\n/end\n' |
    "$IC" practice --no-config --seed 1 --transcript "$T/null-html.md" > /dev/null 2>&1
"$IC" report "$T/null-html.md" --html /dev/null > "$T/out" 2> "$T/err"
[ $? -eq 0 ] && [ ! -s "$T/err" ] && [ ! -s "$T/out" ]
ok $? "report --html /dev/null writes no page and no error"
done_testing
