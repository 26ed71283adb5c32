#!/usr/bin/env bash
# The conformance kit must reject stages that break the contract, and
# accept a plain one: each broken stage below must fail the named check.
set -u
kit=$(dirname "$0")/../conformance/check-stage
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
status=0
expect_fail() { # NAME CHECK-TEXT SCRIPT
	printf '#!/usr/bin/env bash\n%s\n' "$3" >"$tmp/$1"; chmod +x "$tmp/$1"
	if bash "$kit" "$tmp/$1" >"$tmp/out" 2>&1; then
		echo "FAIL: the kit accepted $1"; status=1
	elif ! grep -q "^not ok .*$2" "$tmp/out"; then
		echo "FAIL: $1 did not fail '$2':"; grep '^not ok' "$tmp/out"; status=1
	else echo "ok: $1 rejected ($2)"; fi
}
expect_fail drops-field "unchanged and in order" "jq -c 'del(.zz)'"
expect_fail reorders "unchanged and in order" "jq -c '{text} + .'"
expect_fail drops-record "one output line per record" "jq -c 'select(.id != \"c3\")'"
expect_fail not-idempotent "idempotent" "jq -c '.text += \"!\"'"
expect_fail nondeterministic "a second run gives the same bytes" "jq -c --arg r \"\$RANDOM\$\$\" '.r = \$r'"
expect_fail ignores-bad-input "non-zero exit" "jq -c -R 'fromjson? // {}'"
printf '#!/usr/bin/env bash\nexec jq -c .\n' >"$tmp/plain"; chmod +x "$tmp/plain"
if bash "$kit" "$tmp/plain" >"$tmp/out" 2>&1; then echo "ok: a plain jq stage passes"
else echo "FAIL: a plain jq stage was rejected:"; grep '^not ok' "$tmp/out"; status=1; fi
exit $status
