#!/usr/bin/env bash
# normalize is idempotent on hostile text: random mixes of the things it
# repairs (references, tags, mojibake pieces, invisible and combining
# characters, odd spaces and line breaks, date tags), under each option
# that changes what it does. Running it on its own output must change
# nothing. Deterministic: awk's generator with fixed seeds. Needs $BIN.
set -u
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0

records() { # SEED: 400 records of random pieces
	awk -v seed="$1" 'BEGIN {
		n = split("a|b|E|NAVO|G7|2|en|-|\\u00e9|e\\u0301|\\u0301|\\u00c3|\\u00ab|\\u00e2|\\u20ac|\\u2122|" \
		          "\\u00c2|\\u00c5|\\u201a|\\u2026|\\u00a0| |  |\\t|\\n|\\r\\n|\\r|-\\n|\\u00ad|\\u200b|" \
		          "\\u200d|\\ufeff|\\u2028|\\u2029|\\u0001|\\u007f|\\u0085|&amp;|&lt;|&gt;|&eacute;|" \
		          "&#8217;|&#x26;|&|<p>|</p>|<b>|<script>x</script>|<!--|-->|<|date 2022-03 |" \
		          "\\u201e|\\u201d|\\u0027|\\\"|\\ufb01|\\uff06|\\uff1c|\\ud83d\\udc69|\\u3000|\\u0149|\\u01c5", p, "|")
		srand(seed)
		for (r = 0; r < 400; r++) {
			t = ""; len = int(rand() * 40)
			for (i = 0; i < len; i++) t = t p[1 + int(rand() * n)]
			printf "{\"id\":\"r%d\",\"text\":\"%s\"}\n", r, t
		}
	}'
}

seed=1
for opts in "" "--html" "--form=NFKC" "--form=NFKC --html" "--keep-lines" "--keep-breaks" \
            "--keep-spaces" "--keep-invisible" "--no-mojibake" "--form=none"; do
	seed=$((seed + 1))
	records "$seed" >"$tmp/in"
	# shellcheck disable=SC2086
	if ! "$BIN/normalize" $opts <"$tmp/in" >"$tmp/once" 2>"$tmp/err"; then
		echo "FAIL normalize $opts: exit status $?"; head -3 "$tmp/err"; fail=1; continue
	fi
	# shellcheck disable=SC2086
	"$BIN/normalize" $opts <"$tmp/once" >"$tmp/twice" 2>/dev/null
	if [ "$(wc -l <"$tmp/once")" -ne "$(wc -l <"$tmp/in")" ]; then
		echo "FAIL normalize $opts: $(wc -l <"$tmp/once") records out for $(wc -l <"$tmp/in")"; fail=1
	elif ! cmp -s "$tmp/once" "$tmp/twice"; then
		echo "FAIL normalize $opts: not idempotent"
		diff "$tmp/once" "$tmp/twice" | head -4
		fail=1
	else
		echo "ok normalize $opts: idempotent on $(wc -l <"$tmp/in") random records"
	fi
done
exit $fail
