#!/usr/bin/env bash
# Every program has a man page beside its source (filters/NAME/NAME.1,
# pipelines/zeef/zeef.1) that renders from the checkout with `man -l`, has
# the usual sections, names the program's version, and documents exactly
# the options the program accepts:
#   - every option in the program's --help (for zeef, per command) and every
#     option in its getopt tables in the source is in the page, as the tag
#     of an option paragraph (.TP), under the right command for zeef;
#   - every option the page documents is in the --help of that program (or
#     command), or else in its source's tables and the program, given it,
#     does not answer "unrecognized option" (common/filter_options.c's
#     tables serve every filter, but some options are only given to some).
# With mandoc installed, `mandoc -Tlint` must also be clean. An example with
# a "$ " prompt and its output must print that output.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
fail=0
no() { echo "FAIL: $*"; fail=1; }

# The options on the tag lines of a page, one "COMMAND OPTION" a line:
# COMMAND is "-" for a filter's page and for zeef's own options, else the
# zeef command of the subsection (.SS zeef run ...).
page_options() {
	sed -e 's/\\f[BIRP]//g; s/\\c//g; s/\\-/-/g; s/"//g' "$1" | awk '
		BEGIN { cmd = "-" }
		/^\.SH / { cmd = "-" }
		/^\.SS zeef [a-z]+/ { cmd = $3 }
		tag {
			s = " " $0
			while (match(s, /[ ,(\[]--?[A-Za-z0-9][A-Za-z0-9-]*/)) {
				print cmd, substr(s, RSTART + 1, RLENGTH - 1); s = substr(s, RSTART + RLENGTH)
			}
			tag = 0; next
		}
		/^\.TP/ { tag = 1 }' | sort -u
}

# The options of a --help text: "-X" and "--name" at the start of an option
# line, or in a usage line's [--name ...].
help_options() {
	grep -E '^ {1,10}(-[A-Za-z0-9], )?--?[A-Za-z0-9]|^Usage:' |
		grep -oE '(^ *|, |\[)--?[A-Za-z0-9][A-Za-z0-9-]*' | sed -E 's/^( *|, |\[)//' | sort -u
}

# Long options of the getopt tables in source files, and the letters of
# the literal option strings given to getopt_long.
source_options() {
	awk '/struct option/ && /= *\{/ { on = 1 }
		on || /\(struct option\)\{"/ {
			s = $0
			while (match(s, /\{ *"[a-z0-9-]+"/)) {
				o = substr(s, RSTART, RLENGTH); sub(/^\{ *"/, "", o); sub(/"$/, "", o)
				print "--" o; s = substr(s, RSTART + RLENGTH)
			}
		}
		on && /\};/ { on = 0 }
		/getopt_long\(/ && match($0, /, *"[^"]*"/) {
			s = substr($0, RSTART, RLENGTH); gsub(/[^A-Za-z0-9]/, "", s)
			for (i = 1; i <= length(s); i++) print "-" substr(s, i, 1)
		}' "$@" | sort -u
}

# Does PROGRAM [ARGS...] OPTION get past option parsing, alone or with an
# argument (OPTION=x)? (stdin empty, 10 s at most each)
accepted() {
	local n=$# o=${!#} err
	set -- "${@:1:n-1}"
	for try in "$o" "$o=x"; do
		err=$(timeout 10 "$@" "$try" </dev/null 2>&1 >/dev/null)
		grep -qE 'unrecognized option|invalid option' <<<"$err" || return 0
		[[ $o == --* ]] || return 1
	done
	return 1
}

# The modes a page's SYNOPSIS shows: the options that follow the program's
# name on a line of its own (tag-entities --train), one a line; "" first.
modes() { # PAGE NAME
	echo ""
	awk '/^\.SH SYNOPSIS/ { on = 1; next } /^\.SH/ { on = 0 } on' "$1" |
		sed -e 's/\\-/-/g' | awk -v n="$2" '$1 == ".B" && $2 == n && NF > 2 { $1 = $2 = ""; print substr($0, 3) }'
}

check_sections() { # PAGE
	local s
	for s in NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS" EXAMPLES "SEE ALSO"; do
		grep -qE "^\.SH \"?$s\"?\$" "$1" || no "$1: no $s section"
	done
	if command -v man >/dev/null; then
		out=$(MANWIDTH=80 man -l "$1" 2>&1)
		grep -q '^NAME' <<<"$out" && grep -q '^EXIT STATUS' <<<"$out" ||
			no "$1: man -l does not render it: $(head -2 <<<"$out")"
	else
		echo "note: man is not installed; rendering not checked"
	fi
	if command -v mandoc >/dev/null; then
		lint=$(mandoc -Tlint "$1" 2>&1) || no "$1: mandoc -Tlint: $lint"
		[ -z "$lint" ] || no "$1: mandoc -Tlint: $lint"
	fi
}

check_version() { # PAGE PROGRAM
	local want got
	want=$("$2" --version | head -1 | grep -oE '[0-9]+\.[0-9]+\.[0-9]+')
	got=$(sed -n 's/^\.TH .*"Zeef \([0-9.]*\)".*/\1/p' "$1")
	[ "$want" = "$got" ] || no "$1: says version '$got', the program '$want'"
}

# Compare one command's documented options (file DOC) with what it
# accepts (files HELP and SRC), probing with PROBE... OPTION.
compare() { # WHAT DOC HELP SRC PROBE...
	local what=$1 doc=$2 help=$3 src=$4; shift 4
	local o m ok
	for o in $(comm -23 "$help" "$doc"); do no "$what: $o is in --help but not in the man page"; done
	for o in $(cat "$doc"); do
		grep -qxF -- "$o" "$help" && continue   # the program's own word
		grep -qxF -- "$o" "$src" || { no "$what: the man page documents $o, which is neither in --help nor in the source"; continue; }
		ok=0
		while read -r m; do
			# shellcheck disable=SC2086 # a mode is words
			accepted "$@" $m "$o" && { ok=1; break; }
		done <modes
		[ $ok -eq 1 ] || no "$what: the man page documents $o, which the program refuses"
	done
}

# An example in a page's EXAMPLES that starts with "$ " (its command, with
# lines that go on indented by 4) and shows what it prints is run, with the
# programs under test first on PATH, and must print exactly that.
check_examples() { # PAGE
	local n=0 k
	awk -v dir="$tmp" '
		/^\.EX/ { ex = 1; cmd = 0; cur = 0; next }
		/^\.EE/ { ex = 0; next }
		!ex { next }
		/^\$ / { cur = ++n; cmd = 1; sub(/^\$ /, ""); print > (dir "/ex" n ".sh"); printf "" > (dir "/ex" n ".want"); next }
		cmd && /^    / { print > (dir "/ex" n ".sh"); next }
		cur { cmd = 0; print > (dir "/ex" n ".want") }
		END { print n + 0 > (dir "/ex.count") }' "$1"
	n=$(cat "$tmp/ex.count")
	for k in $(seq 1 "$n"); do
		sed -i -e 's/\\(aq/'"'"'/g; s/\\(rs/\\/g; s/\\e/\\/g; s/\\-/-/g' "$tmp/ex$k.sh" "$tmp/ex$k.want"
		PATH=$BIN:$PATH bash "$tmp/ex$k.sh" >"$tmp/ex$k.got" 2>&1 </dev/null
		cmp -s "$tmp/ex$k.want" "$tmp/ex$k.got" ||
			{ no "${1#"$root"/}: example $k prints something else than the page shows:"; diff "$tmp/ex$k.want" "$tmp/ex$k.got" | head -10; }
		rm -f "$tmp/ex$k".*
	done
}

for main in "$root"/filters/*/main.c; do
	dir=$(dirname "$main"); name=$(basename "$dir"); page=$dir/$name.1
	[ -f "$page" ] || { no "no man page $page"; continue; }
	check_sections "$page"
	check_examples "$page"
	check_version "$page" "$BIN/$name"
	page_options "$page" | awk '{ print $2 }' | sort -u >doc
	"$BIN/$name" --help | help_options >help
	source_options "$dir"/*.c "$root/common/filter_options.c" >src
	modes "$page" "$name" >modes
	# (common/filter_options.c adds some options only to some filters: an
	# option of the tables that the program refuses in every mode is not its
	# own)
	for o in $(comm -23 src doc); do
		while read -r m; do
			# shellcheck disable=SC2086
			accepted "$BIN/$name" $m "$o" && { no "$name: $o is in the source's option tables but not in the man page"; break; }
		done <modes
	done
	compare "$name" doc help src "$BIN/$name"
done

page=$root/pipelines/zeef/zeef.1
if [ -f "$page" ]; then
	check_sections "$page"
	check_examples "$page"
	check_version "$page" "$BIN/zeef"
	page_options "$page" >zdoc
	echo "" >modes
	"$BIN/zeef" --help >zhelp
	section() { awk -v h="$1" '$0 == h { on = 1; next } /^[A-Z][A-Za-z ]*:$/ { on = 0 } on' zhelp | help_options; }
	source_options "$root"/pipelines/zeef/*.c >src
	for o in $(comm -23 src <(awk '{ print $2 }' zdoc | sort -u)); do
		no "zeef: $o is in the source's option tables but not in the man page"
	done
	for cmd in - run check show score render shard; do
		awk -v c="$cmd" '$1 == c { print $2 }' zdoc | sort -u >doc
		case $cmd in
		-) section "Common options:" >help ;;
		run|check|show) section "Options of $cmd:" >help ;;
		render) "$BIN/zeef" render --help | help_options >help ;;
		shard) "$BIN/zeef" shard --help | help_options >help ;;
		score) for k in sentences entities quotes summary; do "$BIN/zeef" score $k --help; done | help_options >help ;;
		esac
		[ "$cmd" = - ] && what=zeef || what="zeef $cmd"
		[ -s help ] || no "$what: no options found in --help (has its layout changed?)"
		if [ "$cmd" = score ]; then
			# an option of one KIND or another: accepted when one of them takes it
			for o in $(comm -23 help doc); do no "$what: $o is in --help but not in the man page"; done
			for o in $(cat doc); do
				grep -qxF -- "$o" help && continue
				grep -qxF -- "$o" src || { no "$what: the man page documents $o, which is neither in --help nor in the source"; continue; }
				ok=0
				for k in sentences entities quotes summary; do accepted "$BIN/zeef" score $k "$o" && ok=1; done
				[ $ok -eq 1 ] || no "$what: the man page documents $o, which no KIND accepts"
			done
		elif [ "$cmd" = - ]; then
			compare "$what" doc help src "$BIN/zeef"
		elif [ "$cmd" = shard ]; then
			compare "$what" doc help src "$BIN/zeef" shard plan
		else
			compare "$what" doc help src "$BIN/zeef" "$cmd"
		fi
	done
else
	no "no man page $page"
fi

[ $fail -eq 0 ] && echo "man pages: ok"
exit $fail
