#!/usr/bin/env bash
# The largest test-clock advance allowed: a daily subscription paid by card advances across the bound's
# number of billing periods (every one a renewal and a charge), in several rounds; reports each advance's time
# and the median. One command: bench/test-clock-advance.sh. Settings (environment): ROUNDS (5).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/java-home.sh
log=$(mktemp)
if ! ./mvnw -q test -Dtest=TestClockAdvanceBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -DargLine="-Dbench.rounds=${ROUNDS:-5}" >"$log" 2>&1; then
  grep -E 'expected|Expecting|ERROR\]' "$log" | head -20
  echo "benchmark failed: an answer had an unexpected status (log: $log)" >&2
  exit 1
fi
grep -E '^(round|advance of)' "$log"
