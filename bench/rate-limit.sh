#!/usr/bin/env bash
# The rate-limit benchmark (issue 15): one sandbox account floods GET /customers at many times its budget
# while a second account reads at a pace within its own; the second account's p99 is measured alone and
# under the flood. It must get no 429 (or any other status but 200), and its p99 should stay within 2 × the
# unloaded one. The flood may get only 200 and 429. One command: bench/rate-limit.sh.
# The flood runs once for each pause in FLOOD_PACES_MS: each of its connections waits that long between
# requests (32 connections at 32 ms: about 1 000 requests a second, 40 × the budget), 0 as fast as they can
# (each refusal is held until the budget's next token, decision (cn), so even then about 800 a second).
# Settings (environment): DURATION (20s), FLOOD_CONNECTIONS (32), FLOOD_PACES_MS ("128 32 8 0"), PACE_MS (50:
# the quiet client's pause, 20 requests a second, within the sandbox budget of 25), PORT (8090), DB_PORT (55434).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20s}
FLOOD_CONNECTIONS=${FLOOD_CONNECTIONS:-32}
FLOOD_PACES_MS=${FLOOD_PACES_MS:-128 32 8 0}
PACE_MS=${PACE_MS:-50}
PORT=${PORT:-8090}
DB_PORT=${DB_PORT:-55434}
JAVA_OPTS=${JAVA_OPTS:--XX:+UseSerialGC -Xms128m -Xmx192m -XX:MaxMetaspaceSize=128m -Xss512k -XX:ReservedCodeCacheSize=64m}
RESULTS=bench/results/rate-limit-$(date -u +%Y%m%dT%H%M%SZ)
DATA_DIR=$RESULTS/data

for tool in wrk curl; do
  command -v "$tool" >/dev/null || { echo "bench needs $tool (Debian: apt-get install wrk curl)"; exit 1; }
done
. bench/java-home.sh
mkdir -p "$RESULTS"

. bench/server.sh
trap 'status=$?; kill "${SERVER:-}" 2>/dev/null; wait "${SERVER:-}" 2>/dev/null || true; rm -rf "$DATA_DIR"; exit $status' EXIT
# The default budgets: what is measured is the limiter as it ships.
start_server

sign_up() {
  curl -sf -XPOST "localhost:$PORT/accounts" -H 'Content-Type: application/json' \
    -d "{\"name\":\"$1\",\"email\":\"$1-$RANDOM@bench.test\",\"password\":\"bench-password-1\"}" \
    | sed -E 's/.*"apiKey":"([^"]+)".*/\1/'
}
NOISY=$(sign_up noisy)
QUIET=$(sign_up quiet)
[ -n "$NOISY" ] && [ -n "$QUIET" ] || { echo "FAILED: could not sign up the two accounts"; exit 1; }

expect_only() {
  local file=$1 allowed=$2
  if grep -q "Non-2xx or 3xx responses" "$file" && [ "$allowed" = "200" ]; then
    echo "FAILED: $file has answers other than 200:"; grep -E "^status |Non-2xx" "$file"; exit 1
  fi
  if grep "^status " "$file" | grep -Evq "^status ($allowed):"; then
    echo "FAILED: $file has a status outside $allowed:"; grep -E "^status " "$file"; exit 1
  fi
  grep -q "^status " "$file" || { echo "FAILED: $file counted no answers"; exit 1; }
}
# CPU time in clock ticks (/proc): the server process's (user + system), and the whole machine's busy time.
TICKS=$(getconf CLK_TCK)
cpu_ticks_of_server() {
  awk '{print $14 + $15}' "/proc/$SERVER/stat"
}
cpu_ticks_of_machine() {
  awk 'NR == 1 {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat
}
p99() {
  awk '$1 == "99%" {print $2}' "$1"
}
to_ms() {
  case $1 in
    *us) awk -v v="${1%us}" 'BEGIN {print v / 1000}' ;;
    *ms) echo "${1%ms}" ;;
    *s) awk -v v="${1%s}" 'BEGIN {print v * 1000}' ;;
  esac
}
quiet_run() {
  CHACHING_BENCH_KEY=$QUIET CHACHING_BENCH_PACE_MS=$PACE_MS \
    wrk -t1 -c1 -d"$DURATION" --latency -s bench/list-customers.lua "http://localhost:$PORT" > "$1"
  expect_only "$1" 200
}

echo "== warm-up: both accounts, as in the measured runs, 20 s"
CHACHING_BENCH_KEY=$NOISY wrk -t1 -c"$FLOOD_CONNECTIONS" -d20s -s bench/list-customers.lua "http://localhost:$PORT" > "$RESULTS/warm-up-flood.txt" &
WARM=$!
CHACHING_BENCH_KEY=$QUIET CHACHING_BENCH_PACE_MS=$PACE_MS wrk -t1 -c1 -d20s -s bench/list-customers.lua "http://localhost:$PORT" > "$RESULTS/warm-up.txt"
wait $WARM
expect_only "$RESULTS/warm-up.txt" 200
expect_only "$RESULTS/warm-up-flood.txt" "200|429"

echo "== the quiet account alone: 1 connection, a request every $PACE_MS ms, $DURATION"
quiet_run "$RESULTS/quiet-alone.txt"

alone=$(p99 "$RESULTS/quiet-alone.txt")
echo "quiet alone:    $(awk '/Requests\/sec/ {print $2}' "$RESULTS/quiet-alone.txt") req/s, p99 $alone, statuses: $(grep '^status ' "$RESULTS/quiet-alone.txt" | paste -sd ' ' -)" \
  | tee "$RESULTS/summary.txt"
for flood_pace in $FLOOD_PACES_MS; do
  echo "== the quiet account again, while the noisy account floods with $FLOOD_CONNECTIONS connections pausing $flood_pace ms"
  CHACHING_BENCH_KEY=$NOISY CHACHING_BENCH_PACE_MS=$flood_pace \
    wrk -t1 -c"$FLOOD_CONNECTIONS" -d"$DURATION" -s bench/list-customers.lua "http://localhost:$PORT" > "$RESULTS/flood-$flood_pace.txt" &
  FLOOD=$!
  server_cpu0=$(cpu_ticks_of_server); machine_cpu0=$(cpu_ticks_of_machine); started=$(date +%s)
  quiet_run "$RESULTS/quiet-flooded-$flood_pace.txt"
  wait $FLOOD
  server_cpu1=$(cpu_ticks_of_server); machine_cpu1=$(cpu_ticks_of_machine); SECONDS_RUN=$(( $(date +%s) - started ))
  requests=$(awk '/requests in/ {n += $1} END {print n}' "$RESULTS/flood-$flood_pace.txt" "$RESULTS/quiet-flooded-$flood_pace.txt")
  expect_only "$RESULTS/flood-$flood_pace.txt" "200|429"
  flooded=$(p99 "$RESULTS/quiet-flooded-$flood_pace.txt")
  flood_rate=$(awk '/Requests\/sec/ {print $2}' "$RESULTS/flood-$flood_pace.txt")
  {
    echo "flood pausing $flood_pace ms: $flood_rate req/s ($(awk -v r="$flood_rate" 'BEGIN {printf "%.0f", r / 25}') × the budget), statuses: $(grep '^status ' "$RESULTS/flood-$flood_pace.txt" | paste -sd ' ' -)"
    echo "  CPU: the server busy $(( (server_cpu1 - server_cpu0) * 100 / TICKS / SECONDS_RUN )) % of a core, $(( (server_cpu1 - server_cpu0) * 1000000 / TICKS / requests )) µs a request; the machine busy $(( (machine_cpu1 - machine_cpu0) * 100 / TICKS / SECONDS_RUN / $(nproc) )) % of its $(nproc) cores, $(( (machine_cpu1 - machine_cpu0) * 1000000 / TICKS / requests )) µs a request (wrk, PostgreSQL, the kernel and anything else running too)"
    echo "  quiet under it: $(awk '/Requests\/sec/ {print $2}' "$RESULTS/quiet-flooded-$flood_pace.txt") req/s, p99 $flooded, statuses: $(grep '^status ' "$RESULTS/quiet-flooded-$flood_pace.txt" | paste -sd ' ' -)"
    if awk -v a="$(to_ms "$alone")" -v f="$(to_ms "$flooded")" 'BEGIN {exit !(f <= 2 * a)}'; then
      echo "  goal met: p99 within 2 × its p99 alone ($(awk -v a="$(to_ms "$alone")" -v f="$(to_ms "$flooded")" 'BEGIN {printf "%.1f", f / a}') ×), no 429"
    else
      echo "  goal NOT met: p99 $(awk -v a="$(to_ms "$alone")" -v f="$(to_ms "$flooded")" 'BEGIN {printf "%.1f", f / a}') × its p99 alone (no 429)"
    fi
  } | tee -a "$RESULTS/summary.txt"
done
