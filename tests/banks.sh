#!/bin/sh
# tests/banks.sh -- every shipped bank and rule file validates (with its
# rule examples), the README's example bank validates, and 'banks' lists
# them all.
. "${TOP_SRCDIR:-$(dirname "$0")/..}/tests/lib.sh"

for f in "$TOP_SRCDIR"/questionbanks/*.yaml "$TOP_SRCDIR"/questionbanks/rules/*.yaml; do
	[ -f "$f" ] || continue
	name=${f#"$TOP_SRCDIR"/}
	out=$("$INFOCOACH" validate "$f" 2>&1)
	st=$?
	[ $st -eq 0 ] || diag "$out"
	ok $st "validate $name"
done

# The complete example in questionbanks/README.md (the block after the
# line "<!-- example bank -->") must validate as written.
ex="$TEST_HOME/readme-example.yaml"
awk '/<!-- example bank -->/ {want=1; next}
     want && /^```yaml$/ {on=1; next}
     on && /^```$/ {exit}
     on {print}' "$TOP_SRCDIR/questionbanks/README.md" > "$ex"
[ -s "$ex" ]
ok $? "questionbanks/README.md has a complete example bank"
out=$("$INFOCOACH" validate "$ex" 2>&1)
st=$?
[ $st -eq 0 ] || diag "$out"
ok $st "the README's example bank validates"

out=$(cd "$TEST_HOME" && "$INFOCOACH" banks 2>&1)
st=$?
ok $st "infocoach banks exits 0"
for f in "$TOP_SRCDIR"/questionbanks/*.yaml; do
	id=$(basename "$f" .yaml)
	printf '%s\n' "$out" | grep -q "^$id  *.*(source tree: " 
	ok $? "banks lists $id from the source tree"
done

# In 80 columns every line fits, wrapped between words: only spaces and
# line ends differ from the unlimited listing, nothing is cut.
out80=$(cd "$TEST_HOME" && COLUMNS=80 "$INFOCOACH" banks 2>&1)
[ "$(printf '%s\n' "$out80" | wc -L)" -le 80 ] && [ "$(printf '%s\n' "$out" | wc -L)" -gt 80 ] &&
    [ "$(printf '%s' "$out80" | tr -d ' \n')" = "$(printf '%s' "$out" | tr -d ' \n')" ] &&
    printf '%s\n' "$out80" | grep -q '^  persona [a-z]* *[A-Z]'
ok $? "banks fits COLUMNS=80 by wrapping between words, losing nothing"

# A bank in $XDG_DATA_HOME shadows the shipped one of the same name.
mkdir -p "$XDG_DATA_HOME/infocoach/questionbanks"
sed 's/^title: .*/title: My own copy/' "$TOP_SRCDIR/questionbanks/general.yaml" \
	> "$XDG_DATA_HOME/infocoach/questionbanks/general.yaml"
out=$("$INFOCOACH" banks 2>&1)
printf '%s\n' "$out" | grep -q "^general  *My own copy .*(XDG_DATA_HOME: "
ok $? "a bank in XDG_DATA_HOME comes first"
n=$(printf '%s\n' "$out" | grep -c "^general ")
[ "$n" -eq 1 ]
ok $? "and the shipped one of the same name is not listed twice"
rm -r "$XDG_DATA_HOME/infocoach"

out=$("$INFOCOACH" banks --bank "$ex" 2>&1)
printf '%s\n' "$out" | grep -q "(--bank: "
ok $? "banks --bank FILE lists that file"

done_testing
