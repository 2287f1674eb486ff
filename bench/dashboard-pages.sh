#!/usr/bin/env bash
# The dashboard's page-time benchmark: one sandbox account with 10 000 customers, 10 000 subscriptions and
# 100 000 invoices (their charges, refunds and events too); a signed-in session loads every list page and the
# home page 50 times each; reports median, p95 and worst per page and fails when a page's p95 is over 200 ms
# or any answer is not a 200. One command: bench/dashboard-pages.sh. Results: bench/results/dashboard-pages-*.txt.
# Settings (environment): CUSTOMERS (10000), INVOICES_PER_CUSTOMER (10), LOADS (50).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/java-home.sh
mkdir -p bench/results
LOG=bench/results/dashboard-pages-run.log
status=0
./mvnw -q test -Dtest=DashboardPagesBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -DargLine="-Dbench.customers=${CUSTOMERS:-10000} -Dbench.invoicesPerCustomer=${INVOICES_PER_CUSTOMER:-10} -Dbench.loads=${LOADS:-50}" \
  > "$LOG" 2>&1 || status=$?
grep -E '^(seeded|dashboard pages|machine|\|)' "$LOG" || true
if [ "$status" -ne 0 ]; then
  grep -E 'answered|budget|AssertionError|expected' "$LOG" | head -20
  echo "the benchmark failed (exit $status); the whole log: $LOG"
fi
exit "$status"
