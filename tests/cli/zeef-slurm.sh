#!/usr/bin/env bash
# zeef shard on a live Slurm cluster: this test starts munged, slurmctld and
# slurmd on localhost from a configuration in a temporary folder (no
# cgroups, free ports, so that runs side by side do not meet), runs the
# recipe of pipelines/README.md ("Slurm, a job array") as it is written, and
# checks: the merged output is byte-identical to the serial run (2,000
# records, 4 shards); with a bad record in one shard that task fails in
# Slurm's view and in zeef's, named with its shard and the record's corpus
# line, and nothing is merged; after the fix only that task runs again and
# the merge is byte-identical. Every daemon it started is stopped, also on
# failure, and it checks that no process and no folder is left behind.
# Exit 77 (skipped) only when the daemons cannot be started at all.
. "$(dirname "$0")/zeef-lib.bash"
readme=$here/../../pipelines/README.md
for p in munged slurmctld slurmd sbatch squeue scontrol sacct; do
	command -v "$p" >/dev/null || PATH=$PATH:/usr/sbin:/sbin
	command -v "$p" >/dev/null || { echo "FAIL: $p is not installed (make test-deps: slurmctld slurmd slurm-client munge)"; exit 1; }
done

# Where Slurm and munge keep things by default: this test must not touch them.
system_dirs() {
	find /run/munge /run/slurm* /var/run/munge /var/spool/slurm* /var/lib/slurm* /var/lib/munge \
		/var/log/slurm* /var/log/munge -maxdepth 3 2>/dev/null | sort
}
system_before=$(system_dirs)
cluster=$tmp/cluster
chmod 711 "$tmp"   # munged wants its socket's folders open to all (execute)
mkdir -p "$cluster/state" "$cluster/spool" "$cluster/log"
export SLURM_CONF=$cluster/slurm.conf
pids=()

# A TCP port nobody listens on (/proc/net/tcp{,6}, state 0A), from a range
# of its own for each call, so that two test runs rarely even try the same.
free_port() {
	local p
	while :; do
		p=$((20000 + RANDOM % 40000))
		printf -v hex ':%04X 00000000:0000 0A' "$p"
		printf -v hex6 ':%04X 00000000000000000000000000000000:0000 0A' "$p"
		grep -q -e "$hex" -e "$hex6" /proc/net/tcp /proc/net/tcp6 2>/dev/null || { echo "$p"; return; }
	done
}

write_conf() {
	local user
	user=$(id -un)
	cat > "$SLURM_CONF" <<-EOF
	ClusterName=zeeftest
	SlurmctldHost=localhost(127.0.0.1)
	SlurmctldPort=$1
	SlurmdPort=$2
	SlurmUser=$user
	SlurmdUser=$user
	AuthType=auth/munge
	CredType=cred/munge
	AuthInfo=socket=$cluster/munge.sock
	StateSaveLocation=$cluster/state
	SlurmdSpoolDir=$cluster/spool
	SlurmctldPidFile=$cluster/slurmctld.pid
	SlurmdPidFile=$cluster/slurmd.pid
	SlurmctldLogFile=$cluster/log/slurmctld.log
	SlurmdLogFile=$cluster/log/slurmd.log
	ProctrackType=proctrack/linuxproc
	TaskPlugin=task/none
	JobAcctGatherType=jobacct_gather/none
	AccountingStorageType=accounting_storage/none
	JobCompType=jobcomp/filetxt
	JobCompLoc=$cluster/jobcomp.log
	SelectType=select/cons_tres
	SelectTypeParameters=CR_CPU
	MpiDefault=none
	MailProg=/bin/true
	ReturnToService=2
	NodeName=zeefnode NodeHostname=$(hostname) NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
	PartitionName=zeef Nodes=zeefnode Default=YES MaxTime=10 OverSubscribe=FORCE:4 State=UP
	EOF
}

# The daemons, in the foreground as children of this shell: their pids are
# known for certain. Returns 1 when they did not come up.
start_cluster() {
	write_conf "$(free_port)" "$(free_port)"
	head -c 1024 /dev/urandom > "$cluster/munge.key"
	chmod 600 "$cluster/munge.key"
	munged -F --key-file="$cluster/munge.key" --socket="$cluster/munge.sock" \
		--pid-file="$cluster/munged.pid" --log-file="$cluster/log/munged.log" \
		--seed-file="$cluster/munged.seed" >>"$cluster/log/daemons.out" 2>&1 &
	pids+=($!)
	for _ in $(seq 50); do [ -S "$cluster/munge.sock" ] && break; sleep 0.1; done
	slurmctld -D -f "$SLURM_CONF" >>"$cluster/log/daemons.out" 2>&1 &
	pids+=($!)
	slurmd -D -f "$SLURM_CONF" -N zeefnode >>"$cluster/log/daemons.out" 2>&1 &
	pids+=($!)
	for _ in $(seq 150); do
		[ "$(sinfo -h -o %T 2>/dev/null)" = idle ] && return 0
		for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || return 1; done
		sleep 0.2
	done
	return 1
}

# End every daemon started here, by pid: jobs first (a job's slurmstepd
# outlives slurmd), then SIGTERM, SIGKILL after 10 s.
stop_cluster() {
	local - pid i stubborn=0
	set +e
	if [ ${#pids[@]} -ge 2 ] && kill -0 "${pids[1]}" 2>/dev/null; then
		timeout 10 scancel --quiet --user="$(id -un)" 2>/dev/null
		for _ in $(seq 50); do [ -z "$(timeout 10 squeue -h 2>/dev/null)" ] && break; sleep 0.2; done
	fi
	for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null; done
	for pid in "${pids[@]}"; do
		for i in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
		kill -0 "$pid" 2>/dev/null && { echo "FAIL: daemon $pid did not stop on SIGTERM"; kill -KILL "$pid"; stubborn=1; }
		wait "$pid" 2>/dev/null
	done
	pids=()
	return "$stubborn"
}

# Processes this test started through Slurm carry its SLURM_CONF (slurmd
# passes its environment on to slurmstepd, jobs get the submitter's).
leftovers() {
	local p
	for p in /proc/[0-9]*; do
		[ "${p#/proc/}" = $$ ] && continue
		tr '\0' '\n' 2>/dev/null < "$p/environ" | grep -qxF "SLURM_CONF=$cluster/slurm.conf" &&
			echo "${p#/proc/}"
	done
}

cleanup() {
	local rc=$? left clean=1
	set +e
	stop_cluster || clean=0
	export -n SLURM_CONF   # not in the environment of what looks for leftovers
	left=$(leftovers)
	if [ -n "$left" ]; then
		echo "FAIL: processes left behind: $(for p in $left; do tr '\0' ' ' < "/proc/$p/cmdline"; echo; done)"
		kill -KILL $left 2>/dev/null
		clean=0
	fi
	rm -rf "$tmp"
	[ ! -e "$tmp" ] || { echo "FAIL: the temporary folder $tmp is left behind"; clean=0; }
	[ "$(system_dirs)" = "$system_before" ] ||
		{ echo "FAIL: new in Slurm's or munge's own folders: $(diff <(echo "$system_before") <(system_dirs))"; clean=0; }
	if [ "$clean" = 1 ]; then
		echo "ok: every daemon stopped; no process and no folder left behind"
	else
		rc=1
	fi
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 129' HUP; trap 'exit 130' INT; trap 'exit 143' TERM   # bash runs no EXIT trap on these

if ! start_cluster; then
	stop_cluster   # one more time, on other ports, for a port taken meanwhile
	rm -rf "$cluster/state" "$cluster/spool" && mkdir -p "$cluster/state" "$cluster/spool"
	if ! start_cluster; then
		echo "--- daemon logs:"
		tail -5 "$cluster"/log/*
		echo "SKIP: a single-node Slurm cluster cannot be started here (munged, slurmctld, slurmd; see the logs above)"
		stop_cluster
		trap - EXIT
		rm -rf "$tmp"
		exit 77
	fi
fi
echo "ok: cluster up: munged, slurmctld and slurmd on localhost ($(grep -h '^Slurm.*Port' "$SLURM_CONF" | tr '\n' ' '))"

# The blocks of the README, as they are.
recipe() {
	awk -v mark="tests/cli/zeef-slurm.sh runs this block as it is: $1 -->" '
		index($0, mark) { found = 1; next }
		found && /^```/ { if (inside) exit; inside = 1; next }
		inside' "$readme"
}
for b in submit check rerun; do [ -n "$(recipe $b)" ] || fail "no block '$b' in $readme"; done

# Wait until the jobs JOBS (a, b) have left the queue; 120 s at most.
wait_jobs() {
	for _ in $(seq 600); do [ -z "$(squeue -h -j "$1" 2>/dev/null)" ] && return 0; sleep 0.2; done
	fail "jobs $1 still in the queue after 120 s: $(squeue -j "$1")"
	return 1
}
# "TASK STATE EXIT" for each task of array job $1, from slurmctld.
task_states() {
	scontrol -o show job "$1" | sed -E 's/.* ArrayTaskId=([0-9]+) .* JobState=([A-Z_]+) .* ExitCode=([0-9:]+) .*/\1 \2 \3/' | sort -n
}
# This cluster keeps no accounting database: sacct reads the job
# completion log (jobcomp/filetxt) with --completion, where -j would take
# the raw job id of one task; the whole log is short here.
# (sacct warns there about each array field it cannot show: not shown here)
sacct() { command sacct --completion -o JobIDRaw,State,ExitCode 2>/dev/null; }
# Slurm 23.02 and later have no --completion (Debian 12 has 22.05): there
# the completion log is not checked, and this says so.
has_completion=1
command sacct --help 2>/dev/null | grep -q -- --completion || {
	has_completion=0; echo "note: this sacct has no --completion: Slurm's job completion log is not checked"; }

run=$tmp/run
mkdir -p "$run/pipelines"
cp "$here/../../pipelines/nl-news.yaml" "$run/pipelines/"   # found as ./pipelines/nl-news
cd "$run"
make_input news.jsonl 2000   # blank lines at 998, 1501 and 1997, CRLF, no final newline
z run nl-news news.jsonl > serial.jsonl || fail "serial run exited $?"

eval "$(recipe submit)"
[ "$n" -ge 4 ] || fail "the plan has $n shards, not 4"
wait_jobs "$tasks,$merge"
cmp -s serial.jsonl news.out.jsonl || fail "the merged output differs from the serial run"
states=$(task_states "$tasks")
[ "$(echo "$states" | grep -c ' COMPLETED 0:0$')" = "$n" ] || fail "task states: $states"
pass "the README's job array: $n tasks COMPLETED, merged byte-identical to the serial run ($(wc -l < news.out.jsonl) records)"

# A bad record after the blank line 1501: record 1500, corpus line 1502.
rm -rf "$work" news.out.jsonl
sed -i '1502s/"text":"/"text":7,"was":"/' news.jsonl
grep -q '"id":"r1500","text":7' news.jsonl || fail "the input is not as this test expects"
eval "$(recipe submit)"
wait_jobs "$tasks,$merge"
bad=$(zeef shard todo "$work")
[ -n "$bad" ] && [ "${bad//[0-9]/}" = "" ] || fail "zeef shard todo: '$bad', not one shard"
states=$(task_states "$tasks")
echo "$states" | grep -qx "$bad FAILED 65:0" || fail "Slurm's state of task $bad: $states"
[ "$(echo "$states" | grep -c ' COMPLETED 0:0$')" = $((n - 1)) ] || fail "the other tasks: $states"
raw=$(scontrol -o show job "$tasks" | grep "ArrayTaskId=$bad " | sed -E 's/^JobId=([0-9]+).*/\1/')
[ $has_completion = 0 ] || sacct | grep -Eq "^$raw +FAILED +65:0" || fail "sacct --completion on job $raw: $(sacct)"
log=$work/log/${tasks}_$bad.log
grep -qx "zeef shard: $run/news.jsonl:1502: id=r1500: first bad record of shard $bad of $n (lines [0-9]*-[0-9]*); the task failed with status 65" "$log" ||
	fail "the task's log does not name its shard and record: $(cat "$log")"
grep -qx "\[normalize\] normalize: $run/news.jsonl:1502: id=r1500: \"text\" is not a string" "$log" ||
	fail "the stage's message does not name the corpus line: $(cat "$log")"
[ ! -e news.out.jsonl ] || fail "merged although shard $bad failed"
scontrol -o show job "$merge" | grep -q "JobState=FAILED.*ExitCode=65:0" || fail "merge job: $(scontrol -o show job "$merge")"
grep -q "nothing merged: 1 of $n shards not done (to run: $bad)" "$work/log/merge-$merge.log" ||
	fail "the merge log: $(cat "$work/log/merge-$merge.log")"
eval "$(recipe check)" > check.out
{ [ $has_completion = 0 ] || grep -Eq "^$raw +FAILED +65:0" check.out; } && grep -q "^shard $bad of $n: failed" check.out &&
	grep -q "^  zeef shard: $run/news.jsonl:1502: id=r1500: first bad record" check.out ||
	fail "the README's check block: $(cat check.out)"
pass "a bad record: task $bad FAILED 65:0 (squeue, sacct), named with shard $bad and line 1502 of the corpus; nothing merged"

# The fix makes the record shorter again: the later shards' offsets move
# back, their lines stay; the serial output is the first one again.
sed -i '1502s/"text":7,"was":"/"text":"/' news.jsonl
eval "$(recipe rerun)" >/dev/null 2>&1
wait_jobs "$tasks,$merge"
[ "$(task_states "$tasks")" = "$bad COMPLETED 0:0" ] || fail "rerun: tasks $(task_states "$tasks"), not only $bad"
cmp -s serial.jsonl news.out.jsonl || fail "merged after the rerun differs from the serial run"
pass "fixed, only task $bad run again, merged byte-identical to the serial run"
finish
