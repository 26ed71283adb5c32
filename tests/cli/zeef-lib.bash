# zeef-lib.bash — sourced by tests/cli/zeef-*.sh: stand-ins on PATH, a temp
# folder, a failure helper, and a generated input. Not a test itself.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
PATH="$BIN:$here/../stand-ins:$PATH"
export LC_ALL=C
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0 fails_seen=0
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }
# pass MSG: say "ok: MSG" when nothing failed since the last pass
pass() { [ "$failed" -eq "$fails_seen" ] && echo "ok: $*"; fails_seen=$failed; }
# zeef with a time limit, so that a deadlock fails the test instead of hanging it
z() { timeout 120 zeef "$@"; }

# make_input FILE N: N records of varying length in Dutch news style, with
# blank and blank-looking lines, some CRLF endings, and no final newline.
make_input() {
	awk -v n="$2" 'BEGIN {
		split("De minister|Het kabinet|Burgemeester Jansen|De rechter in Utrecht|Een woordvoerder", who, "|")
		split("zei dinsdag|liet weten|verklaarde|schreef in een brief", how, "|")
		for (i = 1; i <= n; i++) {
			t = ""
			for (j = 0; j < i % 23; j++)
				t = t who[1 + (i + j) % 5] " " how[1 + j % 4] " dat het plan " j " weken later komt. "
			printf "{\"id\":\"r%d\",\"text\":\"%s\",\"meta\":{\"n\":%d}}%s\n", i, t, i, (i % 500 == 0 ? "\r" : "")
			if (i % 997 == 0) print ""
			if (i % 1499 == 0) print "   "
		}
	}' > "$1"
	printf '{"id":"last","text":"Zonder regeleinde."}' >> "$1"
}

# pipeline FILE STAGE-YAML...: write a pipeline with the given stage entries
pipeline() {
	local f=$1; shift
	{ echo "zeef: 1"; echo "stages:"; for s in "$@"; do printf '  - %s\n' "$s"; done; } > "$f"
}

finish() {
	[ "$failed" -eq 0 ] && echo "all passed" || echo "$failed failed"
	[ "$failed" -eq 0 ]
}
