#!/usr/bin/env bash
# zeef shard, its tasks run here one after another (tests/cli/zeef-slurm.sh
# runs them on a live Slurm cluster): the merged output is byte-identical to
# the serial run; a failed task names its shard and its first bad record by
# the line of the whole corpus; nothing is merged while a shard is not done;
# after a fix, planning again and running only the failed shard gives the
# full output; a corpus or pipeline changed since the plan is refused.
. "$(dirname "$0")/zeef-lib.bash"
cd "$tmp"

make_input news.jsonl 3000   # blank lines at 998, 1501 and 1997, CRLF, no final newline
# two stages: the first passes any line on, the second fails on a bad
# record, so its <stdin>:N counts records of the shard, not corpus lines
pipeline p.yaml "{run: stand-in, name: mark}" "{run: split-sentences}"
z run p.yaml news.jsonl > serial.jsonl || fail "serial run exited $?"

n=$(z shard plan --shards=5 work news.jsonl p.yaml) || fail "plan exited $?"
[ "$n" = 5 ] || fail "plan printed '$n', not 5"
for k in $(seq "$n"); do z shard run work "$k" || fail "shard $k exited $?"; done
z shard merge work merged.jsonl || fail "merge exited $?"
cmp -s serial.jsonl merged.jsonl || fail "the merged output differs from the serial run"
[ -z "$(z shard todo work)" ] || fail "todo after all shards ran: $(z shard todo work)"
z shard status work | tail -1 | grep -qx '5 shards: 5 done, 0 failed, 0 to do' ||
	fail "status: $(z shard status work | tail -1)"
pass "5 shards run one by one, merged: byte-identical to the serial run ($(wc -l < merged.jsonl) records)"

SLURM_ARRAY_TASK_ID=2 z shard run work || fail "shard from SLURM_ARRAY_TASK_ID exited $?"
z shard merge work - | cmp -s serial.jsonl - || fail "merge to stdout differs"
rc=0; z shard run work 6 2>err || rc=$?
[ "$rc" = 64 ] && grep -q "shards 1 to 5" err || fail "shard 6 of 5: exit $rc, $(cat err)"
pass "run takes its shard from SLURM_ARRAY_TASK_ID; merge - writes stdout; shard 6 of 5 is refused"

# A bad record after the blank line 1501: record 1500 of the corpus, line 1502.
bad_line=1502
sed -n "${bad_line}p" news.jsonl | grep -q '"id":"r1500"' || fail "the input is not as this test expects"
sed "${bad_line}s/\"text\":\"/\"text\":7,\"was\":\"/" news.jsonl > bad.jsonl && mv bad.jsonl news.jsonl
z shard plan --shards=5 work news.jsonl p.yaml >/dev/null 2>plan.err || fail "plan again exited $?"
grep -q "to run: 3$" plan.err || fail "plan again: $(cat plan.err)"
[ "$(z shard todo work)" = 3 ] || fail "todo after the change: $(z shard todo work)"
rc=0; z shard run work 3 2>err || rc=$?
[ "$rc" = 65 ] || fail "the task with the bad record exited $rc, not 65"
corpus=$tmp/news.jsonl
grep -qx "zeef shard: $corpus:$bad_line: id=r1500: first bad record of shard 3 of 5 (lines [0-9]*-[0-9]*); the task failed with status 65" err ||
	fail "no line naming shard 3 and its first bad record: $(cat err)"
grep -qx "\[split-sentences\] split-sentences: $corpus:$bad_line: id=r1500: \"text\" is not a string" err ||
	fail "the stage's message does not name the corpus line: $(cat err)"
z shard status work > status
grep -q "^shard 3 of 5: failed" status && grep -q "^  zeef shard: $corpus:$bad_line: id=r1500" status ||
	fail "status: $(cat status)"
pass "the failed task names shard 3 and its first bad record as $corpus:$bad_line (the serial run says <stdin>:1500)"

rc=0; z shard merge work merged2.jsonl 2>err || rc=$?
[ "$rc" = 65 ] || fail "merge with a failed shard exited $rc, not 65"
[ ! -e merged2.jsonl ] && [ -z "$(ls -A . | grep '^\.merged2')" ] || fail "merge wrote something"
grep -q "^shard 3 of 5: failed" err && grep -q "nothing merged: 1 of 5 shards not done (to run: 3)" err ||
	fail "merge did not say why: $(cat err)"
[ ! -e work/out/3.jsonl ] && [ ! -e work/done/3 ] || fail "the failed shard left an output or a marker"
pass "nothing is merged while shard 3 failed; it has no output and no marker"

# The fix makes the record longer: later offsets move, their lines do not.
sed "${bad_line}s/\"text\":7,\"was\":\"/\"text\":\"Hersteld: /" news.jsonl > fixed.jsonl && mv fixed.jsonl news.jsonl
z run p.yaml news.jsonl > serial2.jsonl || fail "serial run of the fixed corpus exited $?"
z shard plan --shards=5 work news.jsonl p.yaml >/dev/null 2>plan.err || fail "plan after the fix exited $?"
[ "$(z shard todo work)" = 3 ] || fail "after the fix, to run: '$(z shard todo work)', not 3"
z shard run work 3 || fail "the fixed shard exited $?"
z shard merge work merged3.jsonl || fail "merge after the rerun exited $?"
cmp -s serial2.jsonl merged3.jsonl || fail "merged after the rerun differs from the serial run"
pass "fixed, planned again, only shard 3 run again: merged byte-identical"

# Changes the plan does not know about are refused.
touch news.jsonl
rc=0; z shard merge work merged4.jsonl 2>err || rc=$?
[ "$rc" = 65 ] && grep -q "the corpus changed since the plan" err && [ ! -e merged4.jsonl ] ||
	fail "merge after the corpus changed: exit $rc, $(cat err)"
sed -i '1s/^{/{"extra":1,/' news.jsonl
z shard plan --shards=5 work news.jsonl p.yaml >/dev/null 2>&1
[ "$(z shard todo work)" = 1 ] || fail "after changing line 1, to run: '$(z shard todo work)'"
printf '{"id":"nieuw","text":"Een regel erbij."}\n' | cat - news.jsonl > more.jsonl && mv more.jsonl news.jsonl
rc=0; z shard run work 5 2>err || rc=$?
[ "$rc" = 65 ] && grep -q "news.jsonl: the corpus changed since the plan" err || fail "a shard run on changed bytes: exit $rc, $(cat err)"
[ ! -e work/done/5 ] || fail "a shard run on changed bytes was marked done"
z shard plan --shards=5 work news.jsonl p.yaml >/dev/null 2>&1
cp -p news.jsonl ref   # an edit of the same length, the time put back
sed -i '2900s/weken/WEKEN/' news.jsonl && touch -r ref news.jsonl
rc=0; z shard run work 5 2>err || rc=$?
[ "$rc" = 65 ] && grep -q "shard 5 of 5 changed since the plan (its bytes differ)" err ||
	fail "a shard whose bytes changed unseen: exit $rc, $(cat err)"
[ ! -e work/done/5 ] && [ ! -e work/out/5.jsonl ] || fail "a shard run on changed bytes was kept"
z shard plan --shards=5 work news.jsonl p.yaml >/dev/null 2>&1
echo "# changed" >> p.yaml
rc=0; z shard run work 1 2>err || rc=$?
[ "$rc" = 65 ] && grep -q "the pipeline changed since the plan" err || fail "a changed pipeline: exit $rc, $(cat err)"
pass "a corpus or pipeline changed since the plan is refused"

# A program missing on the node: zeef run fails (65) before any record; no
# record is called bad for it.
printf '#!/bin/sh\nexec cat\n' > mycat && chmod +x mycat
pipeline my.yaml "{run: ./mycat}"
z shard plan --shards=2 work2 news.jsonl my.yaml >/dev/null || fail "plan with ./mycat exited $?"
rm mycat
rc=0; z shard run work2 1 2>err || rc=$?
[ "$rc" = 65 ] && grep -q "program './mycat' not found" err && grep -q "first record without output of shard 1 of 2" err &&
	! grep -q "first bad record" err || fail "a missing program: exit $rc, $(cat err)"
pass "a program missing when the task runs: the task fails, and no record is called bad"

# A task ended by a signal (scancel, Slurm's time limit): not done, and it
# says so; the signal reaches the stages; no output is left.
pipeline slow.yaml "{run: sleep, args: ['30']}"
z shard plan --shards=1 work4 news.jsonl slow.yaml >/dev/null || fail "plan of slow.yaml exited $?"
zeef shard run work4 1 2>err & pid=$!
sleep 1
kill -TERM "$pid"
rc=0; wait "$pid" || rc=$?
[ "$rc" = 143 ] && grep -q "first record without output of shard 1 of 1 (lines 1-[0-9]*); the task was ended by signal 15" err ||
	fail "a task sent SIGTERM: exit $rc, $(cat err)"
[ -z "$(find work4/out work4/done -type f)" ] && z shard status work4 | grep -q "^1 shard: 0 done, 1 failed" ||
	fail "after SIGTERM: $(find work4/out work4/done -type f; z shard status work4)"
pass "a task sent SIGTERM ends with 143, passes it on, says so, and leaves no output"

# Names from the input are shown escaped, as the filters show them.
odd=$'odd\tname.jsonl'
printf '{"id":"a","text":"Goed."}\n{"id":"x\\u001by","text":5}\n' > "$odd"
z shard plan --shards=1 work3 "$odd" p.yaml >/dev/null || fail "plan of $odd exited $?"
rc=0; z shard run work3 1 2>err || rc=$?
[ "$rc" = 65 ] && grep -qxF "zeef shard: $tmp/odd\tname.jsonl:2: id=x\x1by: first bad record of shard 1 of 1 (lines 1-2); the task failed with status 65" err ||
	fail "escaped names: exit $rc, $(cat -A err)"
pass "a control character in the corpus's name or a record's id is shown escaped"

rc=0; z shard plan --on-error=skip work news.jsonl p.yaml 2>err || rc=$?
[ "$rc" = 64 ] || fail "--on-error=skip: exit $rc"
rc=0; z shard plan --shards=0 work news.jsonl p.yaml 2>err || rc=$?
[ "$rc" = 64 ] || fail "--shards=0: exit $rc"
rc=0; cat news.jsonl | z shard plan work /dev/stdin p.yaml 2>err || rc=$?
[ "$rc" = 66 ] && grep -q "not a regular file" err || fail "a pipe as the corpus: exit $rc, $(cat err)"
zeef --help | grep -q '^  shard plan|run|status|todo|merge' || fail "zeef --help does not name shard"
z shard --help | grep -q 'sbatch --array' || fail "zeef shard --help does not say what it is for"
pass "bad plans are refused; zeef --help and zeef shard --help name it"
finish
