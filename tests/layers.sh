#!/bin/sh
# tests/layers.sh -- no circle of #includes among the modules of src/ (a
# module is NAME.c with NAME.h; A uses B when A.c or A.h includes "B.h"),
# the check ../shared/tools/include-layers makes, without needing it.
. "${TOP_SRCDIR:-$(dirname "$0")/..}/tests/lib.sh"

src="$TOP_SRCDIR/src"
# One "A B" line for each module A that includes B.h, B a module too.
edges=$(for f in "$src"/*.c "$src"/*.h; do
	a=$(basename "$f"); a=${a%.*}
	sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)\.h".*/\1/p' "$f" |
	while read -r b; do
		[ "$b" != "$a" ] && [ -f "$src/$b.h" ] && [ -f "$src/$b.c" ] && echo "$a $b"
	done
done | sort -u)
[ -n "$edges" ]
ok $? "src/ has modules that include each other's headers"

# Depth-first search for a back edge: prints each circle found.
find_circles='
	{ n[$1]++; to[$1, n[$1]] = $2; node[$1] = 1; node[$2] = 1 }
	function visit(v,    i, k, s, w) {
		state[v] = 1; path[++depth] = v
		for (i = 1; i <= n[v]; i++) {
			w = to[v, i]
			if (state[w] == 1) {
				s = w
				for (k = depth; k > 0 && path[k] != w; k--)
					s = path[k] " <- " s
				print "circle: " w " <- " s
			} else if (state[w] == 0) {
				visit(w)
			}
		}
		depth--; state[v] = 2
	}
	END { for (v in node) if (!state[v]) visit(v) }'

circles=$(printf '%s\n' "$edges" | awk "$find_circles")
[ -z "$circles" ]
ok $? "no circle of includes in src/"
[ -n "$circles" ] && diag "$circles"

# The search finds a circle when there is one.
found=$(printf 'a b\nb c\nc a\nc d\n' | awk "$find_circles")
[ -n "$found" ]
ok $? "a circle a -> b -> c -> a is found ($found)"
done_testing
