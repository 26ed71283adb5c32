#!/usr/bin/env bash
# zeef show prints a line that is safe to run (issue 15, item 2): a
# pipeline's run, args and env values reach the programs as the same bytes
# zeef run gives them, and nothing in them runs as code, neither for bash
# nor for GNU parallel, whose replacement strings ({}, {#}, {= perl =}) would
# otherwise be expanded inside the command it is given. Checked for a stage
# with workers: (one GNU parallel for that stage) and for show --parallel
# (zeef run --parallel; with --block, the whole chain under one GNU
# parallel): no file gets created, and the output equals zeef run's. The printed line stays one line.
. "$(dirname "$0")/zeef-lib.bash"
command -v parallel >/dev/null || { echo "FAIL: GNU parallel is not installed (make deps)"; exit 1; }

# A stage that writes each input line followed by a hex dump of its
# arguments and of $HOSTILE, so that any change to them shows in the output.
# It lives in a folder whose name is itself hostile (the `run:` value).
dir="$tmp/{= \`touch $tmp/ran-run\` =} {} \$(touch $tmp/ran-run2)"
mkdir -p "$dir"
cat > "$dir/stage" <<'SH'
#!/bin/sh
tag=$(printf '%s\037' "$@" "$HOSTILE" | od -An -tx1 | tr -d ' \n')
while IFS= read -r line; do printf '%s %s\n' "$line" "$tag"; done
SH
chmod +x "$dir/stage"

# Hostile values, written as YAML double-quoted strings (\e, \t, \n are
# YAML escapes). @T@ stands for the temp folder, where a file named ran-*
# would appear if any of them ran.
hostile=(
	'{= `touch @T@/ran-perl1` =}' '{= system(\"touch @T@/ran-perl2\") =}'
	'{}' '{.}' '{#}' '{%}' '{/}' '{//}' '{/.}' '{1}' '{-1}' '{==}' '{=}' '{'
	'$(touch @T@/ran-sh1)' '`touch @T@/ran-sh2`' "'; touch @T@/ran-sh3; '"
	'\"; touch @T@/ran-sh4; \"' '* ? [a]' '~' '!!' ':::' '::::' '-' '--' 'a=b' ''
	'two\nlines' 'tab\there' '\e[2J escape' 'back\\slash'
)
yaml_list() { local v sep=""; printf '['; for v in "${hostile[@]}"; do printf '%s"%s"' "$sep" "${v//@T@/$tmp}"; sep=", "; done; printf ']'; }
stage_yaml() { # EXTRA
	printf '{run: "%s/stage", args: %s, env: {HOSTILE: "%s"}%s}' "$dir" "$(yaml_list)" \
		"{= \`touch $tmp/ran-env\` =} {} \$(touch $tmp/ran-env2)" "$1"
}
pipeline "$tmp/workers.yaml" "{run: cat}" "$(stage_yaml ", workers: 2")" "{run: cat, name: last}"
pipeline "$tmp/chain.yaml" "{run: cat}" "$(stage_yaml "")" "{run: cat, name: last}"
z check -q "$tmp/workers.yaml" || fail "zeef check refuses the hostile pipeline: $?"

seq 1 3000 | sed 's/.*/{"id":"r&","text":"regel &"}/' > "$tmp/in"
no_file_ran() { # WHAT
	local f
	for f in "$tmp"/ran-*; do
		[ -e "$f" ] && fail "$1 ran code from the pipeline: $(basename "$f") was created" && rm -f "$f"
	done
	return 0
}

for p in workers chain; do
	z run "$tmp/$p.yaml" < "$tmp/in" > "$tmp/run.out" || fail "$p: zeef run exited $?"
	no_file_ran "zeef run $p"
	[ "$(wc -l < "$tmp/run.out")" -eq 3000 ] || fail "$p: zeef run wrote $(wc -l < "$tmp/run.out") lines"
	for how in "" --parallel --parallel=3 "--parallel --block 1M"; do
		zeef show $how "$tmp/$p.yaml" > "$tmp/line" || fail "zeef show $how $p exited $?"
		[ "$(wc -l < "$tmp/line")" -eq 1 ] || fail "zeef show $how $p printed $(wc -l < "$tmp/line") lines"
		if [ -z "$how" ] && [ $p = workers ]; then
			grep -q ' parallel ' "$tmp/line" || fail "show $p: no GNU parallel line for workers: $(cat "$tmp/line")"
		fi
		# run by bash as a user would, from a folder where a stray {}
		# or glob would find something
		(cd "$tmp" && bash "$tmp/line") < "$tmp/in" > "$tmp/shown.out" 2> "$tmp/err" ||
			fail "zeef show $how $p: the line exited $?: $(head -3 "$tmp/err")"
		no_file_ran "the zeef show $how line of $p"
		cmp -s "$tmp/run.out" "$tmp/shown.out" ||
			fail "zeef show $how $p: the line's output differs from zeef run's: $(diff "$tmp/run.out" "$tmp/shown.out" | head -3)"
		pass "zeef show $how $p: one line; run by bash$(grep -q ' parallel ' "$tmp/line" && echo " and GNU parallel"), no code from the pipeline runs, output = zeef run"
	done
done

# A user's GNU parallel configuration cannot add replacement strings to the
# printed line (--plain): here one would rename HOSTILE, the other the
# stage's program. And the line's command runs under bash (PARALLEL_SHELL)
# even when what starts the line is not a shell and $SHELL is /bin/sh.
mkdir -p "$tmp/home/.parallel"
echo '--rpl '\''HOSTILE $_="RENAMED"'\' > "$tmp/home/.parallel/config"
zeef show --parallel --block 25M "$tmp/chain.yaml" > "$tmp/line"
(cd "$tmp" && HOME=$tmp/home PARALLEL='--rpl '\''stage $_="gone"'\' SHELL=/bin/sh \
	perl -e 'exit(system("bash", "-c", $ARGV[0]) >> 8)' "$(cat "$tmp/line")") < "$tmp/in" > "$tmp/shown.out" 2> "$tmp/err" ||
	fail "show --parallel with a hostile parallel config: exited $?: $(head -3 "$tmp/err")"
no_file_ran "show --parallel with a hostile parallel config"
cmp -s "$tmp/run.out" "$tmp/shown.out" || fail "show --parallel: a parallel config changed the output"
pass "show --parallel: \$PARALLEL and ~/.parallel/config change nothing; bash runs the command"
# What zeef run refuses, zeef show refuses too, rather than print a line
# that runs something else: a first stage with workers that reads FILEs.
printf 'zeef: 1\nstages:\n  - {run: cat, workers: 2}\n' > "$tmp/w0.yaml"
rc=0; zeef show "$tmp/w0.yaml" a.txt > "$tmp/line" 2> "$tmp/err" || rc=$?
rc2=0; zeef run "$tmp/w0.yaml" a.txt < /dev/null > /dev/null 2>&1 || rc2=$?
[ $rc -eq 64 ] && [ $rc2 -eq 64 ] && [ ! -s "$tmp/line" ] && grep -q "has workers: 2 but reads the FILE arguments" "$tmp/err" ||
	fail "show of a first stage with workers and FILEs: status $rc (run: $rc2): $(cat "$tmp/line" "$tmp/err")"
pass "zeef show refuses a first stage with workers that reads FILEs, as zeef run does"
finish
