#!/usr/bin/env bash
# The shipped pipelines (pipelines/*.yaml): valid, found by name, listed;
# they pass `zeef check` (every program they name is built), and a zeef-run chain
# passes the conformance kit like any single stage.
. "$(dirname "$0")/zeef-lib.bash"
root=$(cd "$here/../.." && pwd)
cd "$root"

for p in pipelines/*.yaml; do
	set +e
	zeef check -q "$p" > /dev/null 2> "$tmp/err"; rc=$?
	set -e
	if [ $rc -eq 0 ]; then
		pass "$p passes zeef check"
	else
		fail "$p: $(cat "$tmp/err")"
	fi
done

# Found by name in ./pipelines, listed with its description.
zeef show nl-news > "$tmp/show" || fail "zeef show nl-news: status $?"
grep -q 'normalize.* | .*split-sentences | .*tag-entities | .*extract-quotes | .*summarize$' "$tmp/show" ||
	fail "show nl-news: $(cat "$tmp/show")"
zeef list > "$tmp/list" || fail "zeef list: status $?"
grep -q '^  nl-news  *Dutch news to sentences, entities, quotes and a summary (pipelines/nl-news.yaml)$' "$tmp/list" ||
	fail "list: $(cat "$tmp/list")"
pass "pipelines are found by name and listed"

# Every filter next to zeef describes itself; zeef list shows it.
for f in "$BIN"/*; do
	name=$(basename "$f")
	[ "$name" = zeef ] || [ ! -f "$f" ] || [ ! -x "$f" ] && continue
	grep -q "^  $name " "$tmp/list" || fail "zeef list does not show filter $name"
done
pass "zeef list shows every filter next to zeef"

# Next to zeef after `make install` live other programs (/usr/local/bin):
# zeef list asks only Zeef's own programs for --describe, and a program that
# closes its output and goes on running does not hold zeef check up.
if [ -x "$BIN/split-sentences" ]; then
	mkdir "$tmp/bin"
	cp "$BIN/zeef" "$BIN/split-sentences" "$tmp/bin/"
	printf '#!/bin/sh\ntouch "%s/ran"\n' "$tmp" > "$tmp/bin/other-tool"
	printf '#!/bin/sh\nexec >&-\nsleep 30\n' > "$tmp/bin/lingers"
	chmod +x "$tmp/bin/other-tool" "$tmp/bin/lingers"
	timeout 20 "$tmp/bin/zeef" list > "$tmp/list2" || fail "zeef list in a shared folder: status $?"
	grep -q '^  split-sentences ' "$tmp/list2" || fail "zeef list in a shared folder: $(cat "$tmp/list2")"
	[ ! -e "$tmp/ran" ] || fail "zeef list ran a program that is not Zeef's (other-tool)"
	grep -q 'other-tool\|lingers' "$tmp/list2" && fail "zeef list shows programs that are not Zeef's: $(cat "$tmp/list2")"
	pipeline "$tmp/linger.yaml" "{run: $tmp/bin/lingers}" "{run: split-sentences}"
	start=$SECONDS
	set +e
	timeout 20 "$tmp/bin/zeef" check "$tmp/linger.yaml" > /dev/null 2>&1; rc=$?
	set -e
	[ "$rc" -ne 124 ] && [ $((SECONDS - start)) -le 8 ] ||
		fail "zeef check on a stage that closes stdout and runs on: status $rc after $((SECONDS - start)) s"
	pass "zeef list and check ask only Zeef's programs, and no program holds them up"
fi

# A chain run by zeef is a stage like any other: the conformance kit.
kit=$root/tests/conformance/check-stage
if [ -x "$BIN/normalize" ] && [ -x "$BIN/split-sentences" ] && [ -f "$kit" ]; then
	pipeline "$tmp/chain.yaml" "{run: normalize}" "{run: split-sentences}"
	bash "$kit" --provides "id text meta sentences" "$BIN/zeef" run "$tmp/chain.yaml" > "$tmp/kit" 2>&1 || fail "conformance: $(grep -v '^ok' "$tmp/kit")"
	pass "zeef run chain passes the conformance kit"
	# With workers, every check but --on-error=skip, which zeef refuses
	# there (exit 64, pipelines/README.md): a dropped record would shift the merge.
	pipeline "$tmp/wchain.yaml" "{run: normalize}" "{run: split-sentences, workers: 2}"
	bash "$kit" --provides "id text meta sentences" "$BIN/zeef" run "$tmp/wchain.yaml" > "$tmp/kit" 2>&1 || true
	grep '^not ok' "$tmp/kit" | grep -v -- '--on-error=skip' > "$tmp/kitfail" && fail "conformance with workers: $(cat "$tmp/kitfail")"
	grep -q '^ok .*: bad input exits 65' "$tmp/kit" || fail "conformance with workers did not run: $(tail -3 "$tmp/kit")"
	rc=0; z run --on-error=skip "$tmp/wchain.yaml" < /dev/null > /dev/null 2> "$tmp/err" || rc=$?
	[ "$rc" -eq 64 ] && grep -q "on-error=skip cannot be used with workers.*split-sentences" "$tmp/err" ||
		fail "--on-error=skip with workers: status $rc, $(cat "$tmp/err")"
	pass "zeef run chain with workers: 2 passes the conformance kit (skip refused with 64)"
else
	echo "skip: conformance of a zeef chain waits for normalize, split-sentences and the kit"
fi
finish
