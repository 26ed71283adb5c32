#!/usr/bin/env bash
# Pipeline files zeef must not trust too far (issue 15, item 6):
#   - a symbolic link to a file outside its folder is refused (66) without
#     reading it; a link to a file beside it is followed
#   - a FIFO, a device or a directory is refused (66) at once: no blocking,
#     no reading
#   - a regular file that is no pipeline (no `zeef:` key, say a password
#     file) gets one message that quotes nothing of it (65)
#   - a string holding NUL ("\0" in YAML) is refused with its line and
#     column (65), where it would have cut an argument short; zeef check
#     says so too
#   - a tab used as indentation is named as such
. "$(dirname "$0")/zeef-lib.bash"
cd "$tmp"
secret="s3cr3t-hash-\$6\$abc"
mkdir -p elsewhere pipelines
# a file that parses as YAML keys and values, as /etc/shadow does
printf 'root:%s:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n' "$secret" > elsewhere/shadow
printf 'zeef: 1\nstages:\n  - run: cat\n' > pipelines/good.yaml

# expect WHAT STATUS MESSAGE-PATTERN CMD...: the status, the message, and no
# word of the secret file, within 10 s
expect() {
	local what=$1 want=$2 pattern=$3 rc=0; shift 3
	timeout 10 "$@" > out 2> err < /dev/null || rc=$?
	[ $rc -eq "$want" ] || fail "$what: status $rc, want $want: $(cat err)"
	grep -q -- "$pattern" err || fail "$what: message: $(cat err)"
	grep -q -e "$secret" -e root -e daemon out err && fail "$what: the file's contents were echoed: $(cat err)"
	return 0
}

ln -s ../elsewhere/shadow pipelines/shadow.yaml
expect "a link out of its folder" 66 "a symbolic link to a file outside its folder" zeef check pipelines/shadow.yaml
expect "a link out of its folder, by name" 66 "a symbolic link to a file outside its folder" zeef run shadow
ln -s "$tmp/elsewhere/shadow" pipelines/abs.yaml
expect "an absolute link out of its folder" 66 "outside its folder" zeef show pipelines/abs.yaml
ln -s good.yaml pipelines/alias.yaml
rc=0; zeef check -q pipelines/alias.yaml 2> err || rc=$?
[ $rc -eq 0 ] || fail "a link to a file beside it: status $rc: $(cat err)"
pass "a link out of the pipeline's folder is refused unread; one beside it is followed"

expect "a copy of the file" 65 "^elsewhere/shadow:1:1: missing 'zeef: 1' (the pipeline schema version)$" zeef check elsewhere/shadow
[ "$(wc -l < err)" -eq 1 ] || fail "a file that is no pipeline: more than one message: $(cat err)"
pass "a file without zeef: gets one message that quotes none of it"

mkfifo pipelines/fifo.yaml
expect "a FIFO" 66 "fifo.yaml: a FIFO; a pipeline is a regular file" zeef check pipelines/fifo.yaml
expect "a FIFO by name" 66 "a FIFO; a pipeline is a regular file" zeef run fifo
expect "a device" 66 "/dev/zero: a device; a pipeline is a regular file" zeef check /dev/zero
expect "a directory" 66 "no pipeline 'pipelines/'" zeef check pipelines/
pass "a FIFO, a device or a directory is refused at once"

# "\0" in a YAML string: it would end the C string of an argument, an
# environment value or the program's name.
for where in 'args: ["a\0b"]' 'env: {A: "x\0y"}' 'name: "s\0t"'; do
	printf 'zeef: 1\nstages:\n  - run: cat\n    %s\n' "$where" > nul.yaml
	rc=0; zeef check nul.yaml > out 2> err || rc=$?
	[ $rc -eq 65 ] || fail "NUL in $where: zeef check status $rc: $(cat out err)"
	grep -q '^nul.yaml:4:[0-9]*: a NUL character (\\0) cannot be part of' err || fail "NUL in $where: $(cat err)"
	rc=0; echo '{"id":"a","text":"t"}' | zeef run nul.yaml > out 2> err || rc=$?
	[ $rc -eq 65 ] && [ ! -s out ] || fail "NUL in $where: zeef run status $rc"
done
printf 'zeef: 1\nstages:\n  - run: "c\\0at"\n' > nul.yaml
rc=0; zeef check nul.yaml 2> err || rc=$?
[ $rc -eq 65 ] && grep -q '^nul.yaml:3:10: a NUL character' err || fail "NUL in run: status $rc: $(cat err)"
pass "a NUL in args, env, name or run is refused with its line and column"

printf 'zeef: 1\nstages:\n\t- run: cat\n' > tab.yaml
rc=0; zeef check tab.yaml 2> err || rc=$?
[ $rc -eq 65 ] && [ "$(cat err)" = "tab.yaml:3:1: tabs are not allowed for indentation in YAML; use spaces" ] ||
	fail "a tab: status $rc: $(cat err)"
printf 'zeef: 1\nstages:\n  - run: cat\n  \targs: [x]\n' > tab.yaml
rc=0; zeef check tab.yaml 2> err || rc=$?
[ $rc -eq 65 ] && [ "$(cat err)" = "tab.yaml:4:3: tabs are not allowed for indentation in YAML; use spaces" ] ||
	fail "a tab after spaces: status $rc: $(cat err)"
pass "a tab in the indentation is named"
finish
