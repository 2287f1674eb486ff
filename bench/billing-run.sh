#!/usr/bin/env bash
# The billing-run benchmark: N monthly subscriptions of sandbox accounts (in-process sandbox gateway)
# renew at once under two engines; reports renewals per second and peak heap, checks each renewed exactly
# once, and runs pgbench TPC-B on the same PostgreSQL for the ceiling. One command: bench/billing-run.sh.
# Settings (environment): SUBSCRIPTIONS (100000), ACCOUNTS (1: the subscriptions spread over them),
# ENGINES (2), WORKERS (4 per engine), BATCH (200, the engine's batch-size), HEAP (512m).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/java-home.sh
command -v pgbench >/dev/null || echo "pgbench not found (Debian: apt-get install postgresql-client): the TPC-B ceiling is skipped"
LOG=bench/results/billing-run-$(date -u +%Y%m%dT%H%M%SZ).log
mkdir -p bench/results
# The whole Maven output is kept: a build or benchmark failure must show, not vanish behind the summary's filter.
if ! ./mvnw -q test -Dtest=BillingRunBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.subscriptions="${SUBSCRIPTIONS:-100000}" -Dbench.engines="${ENGINES:-2}" \
  -DargLine="-Xmx${HEAP:-512m} -Dchaching.engine.workers=${WORKERS:-4} -Dchaching.engine.batch-size=${BATCH:-200} -Dbench.subscriptions=${SUBSCRIPTIONS:-100000} -Dbench.engines=${ENGINES:-2} -Dbench.accounts=${ACCOUNTS:-1}" \
  > "$LOG" 2>&1; then
  grep -E '^\[ERROR\]|FAIL|Exception' "$LOG" | head -40
  echo "FAILED: the billing run did not complete; the whole output is in $LOG"
  exit 1
fi
grep -E '^(seeded|subscriptions:|renewed|peak heap|machine CPU|events:|pgbench|statement)' "$LOG"
