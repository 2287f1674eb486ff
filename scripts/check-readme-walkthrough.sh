#!/usr/bin/env bash
# Runs the shell blocks of the README's "A first session with curl", as a newcomer would paste them,
# against the built JAR on a fresh embedded database, and checks where they end: two paid invoices, the
# newer one a renewal. Needs the JAR (./mvnw package or verify) and curl.
# Settings (environment): PORT (18095), MANAGEMENT_PORT (18096). Everything listens on localhost only.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18095}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-18096}
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar=$(ls target/chaching-*.jar | grep -v original | head -1)
work=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }

CHACHING_DATA_DIR="$work/data" PORT=$PORT CHACHING_MANAGEMENT_PORT=$MANAGEMENT_PORT "$JAVA" -jar "$jar" > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 180); do
  curl -sf "http://localhost:$PORT/health" >/dev/null && break
  kill -0 "$server" 2>/dev/null || { tail -40 "$work/server.log"; fail "the server exited before it was healthy"; }
  sleep 0.5
done

# The README's blocks, in order, with the README's port replaced by this run's.
awk '/^## A first session with curl/ { on = 1; next } /^## / { on = 0 }
     on && /^```sh$/ { block = 1; next } block && /^```$/ { block = 0; next } block { print }' README.md \
  | sed "s/localhost:8080/localhost:$PORT/g" > "$work/walkthrough.sh"
[ -s "$work/walkthrough.sh" ] || fail "no shell blocks found in the README's walk-through"
(cd "$work" && bash -euo pipefail walkthrough.sh > walkthrough.out) || { cat "$work/walkthrough.out"; fail "a README command failed"; }

# curl prints no newline after a body: the last list is what follows the test clock's answer.
out=$(cat "$work/walkthrough.out")
invoices=${out##*'"object":"test_clock"'}
paid=$(grep -o '"status":"paid"' <<< "$invoices" | wc -l)
[ "$paid" -eq 2 ] || fail "expected two paid invoices after the advance, got: $invoices"
grep -q '"billingReason":"subscription_cycle"' <<< "$invoices" || fail "no renewal invoice: $invoices"
echo "OK: the README's walk-through signs up, subscribes, and renews after the clock's advance"
