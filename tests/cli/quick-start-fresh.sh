#!/usr/bin/env bash
# suite: full
# The README's quick start in a fresh `git clone` of HEAD, built from
# nothing, as a new user runs it (tests/cli/quick-start.sh does the work).
exec env QUICK_START_FRESH=1 bash "$(dirname "$0")/quick-start.sh"
