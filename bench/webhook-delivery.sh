#!/usr/bin/env bash
# Webhook deliveries per second: one endpoint on a loopback receiver, EVENTS events per round, timed from the
# first attempt to the last recorded. One command: bench/webhook-delivery.sh. Settings (environment): ROUNDS (3),
# EVENTS (2000).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/java-home.sh
log=$(mktemp)
if ! ./mvnw -q test -Dtest=WebhookDeliveryBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -DargLine="-Dbench.rounds=${ROUNDS:-3} -Dbench.events=${EVENTS:-2000}" >"$log" 2>&1; then
  grep -E 'expected|Expecting|ERROR\]' "$log" | head -20
  echo "benchmark failed: a delivery or an answer was not what it should be (log: $log)" >&2
  exit 1
fi
grep -E '^round' "$log"
