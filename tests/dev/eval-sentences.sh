#!/usr/bin/env bash
# tests/dev/eval-sentences.sh — development only, NOT part of `make test`.
# Scores bin/split-sentences on the dev treebanks in ../shared/data/sentences/
# (records with "id", "text" and gold "sentences" as strings), in two modes:
# paragraphs kept as given, and flattened (every "\n\n" replaced by a space).
# Every third document of each set (the 3rd, 6th, ...) is set aside: rules
# are tuned on the others ("tuned") and the set-aside part ("aside") is
# scored beside them, as is the whole set.
# Usage: tests/dev/eval-sentences.sh [DATA-DIR]   (run from the repository)
# KEEP=DIR keeps inputs, gold and predictions there.
# ERRORS=SET (e.g. ERRORS=nl_lassysmall-dev-aside) prints that set's wrong
# boundaries in both modes, MISS (gold only) and FALSE (predicted only),
# with the text around each: the list to read and name by class.
# Needs python3 (to turn gold strings into spans) and a built bin/.
set -euo pipefail
cd "$(dirname "$0")/../.."
# ../shared seen from the repository, or from a worktree one level deeper
data=${1:-../shared/data/sentences}
[ $# -gt 0 ] || [ -d "$data" ] || data=../../shared/data/sentences
if [ ! -d "$data" ]; then
	echo "eval-sentences: no dev data ($data): skipped"
	exit 0
fi
command -v python3 >/dev/null || { echo "eval-sentences: needs python3: skipped"; exit 0; }
make --no-print-directory -s bin/split-sentences build/out/libzeef.a >/dev/null
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# The scorer: `zeef score sentences` once the runner exists, else a scratch
# main over the same function in libzeef.a.
if [ -x bin/zeef ] && bin/zeef score sentences --help >/dev/null 2>&1; then
	score() { bin/zeef score sentences "$@"; }
else
	cat >"$tmp/score.c" <<'C'
#include "score.h"
int main(int argc, char **argv) { return score_sentences(argc - 1, argv + 1); }
C
	make --no-print-directory -s build/out/pipelines/zeef/score_sentences.o
	cc -std=c11 -Icommon -Ipipelines/zeef "$tmp/score.c" \
		build/out/pipelines/zeef/score_sentences.o build/out/libzeef.a \
		$(pkg-config --libs json-c libutf8proc yaml-0.1) -lm -o "$tmp/score"
	score() { "$tmp/score" sentences "$@"; }
fi

# gold strings -> code-point spans; FLAT=1 also writes flattened inputs
python3 - "$data" "$tmp" <<'PY'
import json, sys, os, glob
data, tmp = sys.argv[1], sys.argv[2]
def records(f, part):
    with open(f) as fi:
        for k, line in enumerate(fi):
            if part == '' or (part == '-aside') == (k % 3 == 2):
                yield json.loads(line)
for f in sorted(glob.glob(os.path.join(data, '*.jsonl'))):
  for part in ('', '-tuned', '-aside'):
    name = os.path.basename(f)[:-6] + part
    with open(f'{tmp}/{name}.gold', 'w') as g, \
         open(f'{tmp}/{name}.in', 'w') as i, open(f'{tmp}/{name}.flat', 'w') as fl:
        for r in records(f, part):
            t, pos, spans = r['text'], 0, []
            for s in r['sentences']:
                k = t.index(s, pos)
                spans.append({'start': k, 'end': k + len(s), 'text': s})
                pos = k + len(s)
            g.write(json.dumps({'id': r['id'], 'text': t, 'sentences': spans}, ensure_ascii=False) + '\n')
            i.write(json.dumps({'id': r['id'], 'text': t}, ensure_ascii=False) + '\n')
            fl.write(json.dumps({'id': r['id'], 'text': t.replace('\n\n', ' ')}, ensure_ascii=False) + '\n')
PY

for gold in "$tmp"/*.gold; do
	name=$(basename "$gold" .gold)
	for mode in kept flat; do
		in=$tmp/$name.in; [ $mode = flat ] && in=$tmp/$name.flat
		bin/split-sentences <"$in" >"$tmp/$name.$mode.pred"
		echo "== $name, paragraphs $mode"
		score "$gold" "$tmp/$name.$mode.pred" | tee "$tmp/score"
		awk -v n="$name" -v m="$mode" '$1 == "sentences" { printf "%-28s %-5s %s\n", n, m, $NF }' \
			"$tmp/score" >>"$tmp/summary"
	done
done
echo "== sentence F1 per set and mode"
cat "$tmp/summary"
if [ -n "${ERRORS:-}" ]; then
	for mode in kept flat; do
		echo "== wrong boundaries in $ERRORS, paragraphs $mode"
		python3 - "$tmp/$ERRORS.gold" "$tmp/$ERRORS.$mode.pred" <<'PY'
import json, sys
gold = [json.loads(l) for l in open(sys.argv[1])]
pred = [json.loads(l) for l in open(sys.argv[2])]
for g, p in zip(gold, pred):
    t, ft = g['text'], p['text']
    # offsets of the flattened text (each "\n\n" one space) in the gold text
    m, i = [], 0
    while i < len(t):
        m.append(i)
        i += 2 if ft != t and t.startswith('\n\n', i) else 1
    m.append(len(t))
    back = {o: k for k, o in enumerate(m)}
    gb = {s['end'] for s in g['sentences']}
    pb = {m[s['end']] for s in p['sentences']}
    for kind, ends in (('MISS ', gb - pb), ('FALSE', pb - gb)):
        for e in sorted(ends):
            k = back[e]
            print(g['id'], kind, repr(ft[max(0, k - 60):k]), '||', repr(ft[k:k + 50]))
PY
	done
fi
if [ -n "${KEEP:-}" ]; then mkdir -p "$KEEP"; cp "$tmp"/* "$KEEP"/; fi
