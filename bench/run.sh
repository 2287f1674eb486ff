#!/usr/bin/env bash
# Load test of the customers API against 1 000 000 customers, beside pgbench -S on the same PostgreSQL
# for the ceiling. One command: bench/run.sh. Needs wrk and pgbench (Debian: apt-get install wrk
# postgresql-client). Results go to bench/results/ and are summarised on stdout.
#
# Settings (environment): DURATION (30s), WARMUP (30s), CONNECTIONS (32), THREADS (2), CUSTOMERS (1000000),
# JAVA_OPTS (the server's JVM flags), PORT (8089), DB_PORT (55432).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-30s}
# Long enough for the JIT to compile the request path: after 10 s a GET still cost a quarter more.
WARMUP=${WARMUP:-30s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
CUSTOMERS=${CUSTOMERS:-1000000}
PORT=${PORT:-8089}
DB_PORT=${DB_PORT:-55432}
JAVA_OPTS=${JAVA_OPTS:--XX:+UseSerialGC -Xms128m -Xmx192m -XX:MaxMetaspaceSize=128m -Xss512k -XX:ReservedCodeCacheSize=64m}
DATA_DIR=${DATA_DIR:-bench/data}
RESULTS=bench/results/$(date -u +%Y%m%dT%H%M%SZ)
export PGHOST=localhost PGPORT=$DB_PORT PGUSER=postgres

for tool in wrk pgbench psql curl; do
  command -v "$tool" >/dev/null || { echo "bench needs $tool (Debian: apt-get install wrk postgresql-client)"; exit 1; }
done
. bench/java-home.sh
mkdir -p "$RESULTS"

. bench/server.sh
# The one bench account makes thousands of requests a second: its rate limits (docs/operations.md) are set
# far above that, so the limiter runs on every request, as in production, and refuses none.
trap 'status=$?; kill "${SERVER:-}" 2>/dev/null; wait "${SERVER:-}" 2>/dev/null || true; exit $status' EXIT
start_server --chaching.rate-limit.sandbox.reads-per-second=1000000 --chaching.rate-limit.sandbox.writes-per-second=1000000

echo "== account and $CUSTOMERS customers"
# The bench account's key lives with the data it belongs to (never in git): new data, a new account.
EMAIL="bench@chaching.test"
KEY_FILE=$DATA_DIR/bench-api-key
if [ -f "$KEY_FILE" ]; then
  KEY=$(cat "$KEY_FILE")
else
  KEY=$(curl -sf -XPOST "localhost:$PORT/accounts" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Bench\",\"email\":\"$EMAIL\",\"password\":\"bench-password-1\"}" | sed -E 's/.*"apiKey":"([^"]+)".*/\1/') \
    || { echo "could not make the bench account (is $DATA_DIR from another run without its key? delete it)"; exit 1; }
  echo "$KEY" > "$KEY_FILE"
fi
curl -sf -o /dev/null -H "Authorization: Bearer $KEY" "localhost:$PORT/account" \
  || { echo "the bench key in $KEY_FILE is refused by this database; delete $DATA_DIR and run again"; exit 1; }
ACCOUNT=$(psql -d chaching -tAc "select account_id from accounts where email = '$EMAIL'")
HAVE=$(psql -d chaching -tAc "select count(*) from customers where account_id = '$ACCOUNT' and external_key like 'bench-%'")
if [ "$HAVE" -lt "$CUSTOMERS" ]; then
  psql -d chaching -q -c "
    insert into customers (account_id, customer_id, external_key, name, email, metadata, created_at, updated_at)
    select '$ACCOUNT', 'cus_bench' || lpad(i::text, 15, '0'), 'bench-' || i, 'Customer ' || i || ' ' || md5(i::text),
           'customer' || i || '@example.test', '{}', now(), now()
      from generate_series($HAVE + 1, $CUSTOMERS) as i;"
  psql -d chaching -q -c "vacuum analyze customers"
fi
echo "customers in the account: $(psql -d chaching -tAc "select count(*) from customers where account_id = '$ACCOUNT'")"

# Every answer of a run must have the expected status (bench/statuses.lua counts them): otherwise the
# run is no result, and the script stops here with the counts.
expect_only() {
  local file=$1 expected=$2
  if grep -q "Non-2xx or 3xx responses" "$file" || ! grep -q "^status $expected:" "$file" \
      || grep "^status " "$file" | grep -vq "^status $expected:"; then
    echo "FAILED: not every answer was $expected:"; grep -E "^status |Non-2xx" "$file"; exit 1
  fi
}
statuses() {
  grep "^status " "$1" | sed 's/^status //' | paste -sd ' ' -
}

export CHACHING_BENCH_KEY=$KEY CHACHING_BENCH_CUSTOMERS=$CUSTOMERS
echo "== warm-up"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s bench/get-customer.lua "http://localhost:$PORT" > "$RESULTS/warm-up.txt"
expect_only "$RESULTS/warm-up.txt" 200

echo "== GET /customers/{externalKey}: $CONNECTIONS connections, $DURATION"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/get-customer.lua "http://localhost:$PORT" | tee "$RESULTS/get.txt"
expect_only "$RESULTS/get.txt" 200

echo "== POST warm-up"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s bench/post-customer.lua "http://localhost:$PORT" > "$RESULTS/post-warm-up.txt"
expect_only "$RESULTS/post-warm-up.txt" 201

echo "== POST /customers: $CONNECTIONS connections, $DURATION"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/post-customer.lua "http://localhost:$PORT" | tee "$RESULTS/post.txt"
expect_only "$RESULTS/post.txt" 201

echo "== GET /customers/search and ?email= on $CUSTOMERS customers (median of 9 calls each)"
: > "$RESULTS/search.txt"
for query in "customer123456" "4b2" "e" "Customer%20999" "nobody-matches" "email=customer5@example.test"; do
  case $query in email=*) url="localhost:$PORT/customers?$query" ;; *) url="localhost:$PORT/customers/search?query=$query" ;; esac
  times=$(for _ in $(seq 1 9); do curl -sf -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $KEY" "$url" \
    || { echo "FAILED: $url did not answer 200" >&2; exit 1; }; done | sort -n)
  echo "$query: median $(echo "$times" | sed -n 5p)s, max $(echo "$times" | tail -1)s" | tee -a "$RESULTS/search.txt"
done

RSS_NOW=$(ps -o rss= -p "$SERVER" | tr -d ' ')
RSS_PEAK=$(grep VmHWM "/proc/$SERVER/status" | awk '{print $2}')

echo "== pgbench -S (select-only) on the same PostgreSQL: $CONNECTIONS clients, $DURATION"
psql -d postgres -tAc "select 1 from pg_database where datname = 'pgbench'" | grep -q 1 || psql -d postgres -qc "create database pgbench"
pgbench -i -q -s 10 pgbench > "$RESULTS/pgbench-init.txt" 2>&1
pgbench -S -c "$CONNECTIONS" -j "$THREADS" -T "${DURATION%s}" pgbench 2>&1 | tee "$RESULTS/pgbench.txt"

{
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
  echo "server JVM flags: $JAVA_OPTS"
  echo "GET  req/s: $(awk '/Requests\/sec/ {print $2}' "$RESULTS/get.txt")   p99: $(awk '$1 == "99%" {print $2}' "$RESULTS/get.txt")   statuses: $(statuses "$RESULTS/get.txt")"
  echo "POST req/s: $(awk '/Requests\/sec/ {print $2}' "$RESULTS/post.txt")   p99: $(awk '$1 == "99%" {print $2}' "$RESULTS/post.txt")   statuses: $(statuses "$RESULTS/post.txt")"
  sed 's/^/search /' "$RESULTS/search.txt"
  echo "pgbench -S tps: $(awk -F'= ' '/^tps/ {print $2}' "$RESULTS/pgbench.txt" | awk '{print $1}')"
  echo "server RSS: now $((RSS_NOW / 1024)) MB, peak $((RSS_PEAK / 1024)) MB"
} | tee "$RESULTS/summary.txt"
