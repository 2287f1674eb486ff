#!/usr/bin/env bash
# Start-up time and idle memory of the runnable JAR with its embedded PostgreSQL (issue 10).
# One command: bench/startup.sh. It
#   1. builds the JAR (tests skipped) unless JAR= names one;
#   2. extracts it and makes the AOT cache with a training run (scripts/prepare-aot-cache.sh);
#   3. starts the server once on an empty data directory (first start: initdb and every migration);
#   4. starts it RUNS times on that directory, now initialised, with the AOT cache and JAVA_OPTS, and
#      RUNS times as plain `java -jar` of the JAR itself with no flags, for comparison;
# and prints for each start the seconds to the first 200 from GET /health, the CPU seconds the JVM had
# used by then, and the JVM's resident memory (VmRSS) after IDLE seconds of idling. PostgreSQL's own
# processes are not counted in that RSS. Exits non-zero if any start fails.
#
# Settings (environment): RUNS (5), IDLE (10 seconds), PORT (18110), JAR (built if unset),
# JAVA_OPTS (the flags docs/operations.md recommends), BASELINE (1: also time plain java -jar; 0: skip).
# Needs a JDK 25 or later (the AOT cache flags) and curl.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
IDLE=${IDLE:-10}
PORT=${PORT:-18110}
BASELINE=${BASELINE:-1}
JAVA_OPTS=${JAVA_OPTS:--XX:+UseSerialGC -Xms64m -Xmx192m -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -Xss512k}
if [ -z "${JAVA_HOME:-}" ]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64; do
    [ -x "$candidate/bin/java" ] && export JAVA_HOME=$candidate && break
  done
fi
JAVA="${JAVA_HOME:?set JAVA_HOME to a JDK 25 or later}/bin/java"
major=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
[ "$major" -ge 25 ] || { echo "bench/startup.sh needs a JDK 25 or later for the AOT cache; JAVA_HOME is Java $major" >&2; exit 1; }
command -v curl >/dev/null || { echo "bench/startup.sh needs curl" >&2; exit 1; }

work=$(mktemp -d /tmp/chaching-startup-XXXXXX)
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
ticks=$(getconf CLK_TCK)

if [ -z "${JAR:-}" ]; then
  echo "== building the JAR"
  ./mvnw -B -ntp -q package -DskipTests
  JAR=$(ls target/chaching-*.jar | grep -v original | head -1)
fi
JAR=$(realpath "$JAR")
echo "== extracting $JAR and training the AOT cache (scripts/prepare-aot-cache.sh)"
JAVA_OPTS="$JAVA_OPTS" scripts/prepare-aot-cache.sh "$JAR" "$work/app"
app="$work/app/$(basename "$JAR")"

# Starts the given JAR with the given flags and data directory; prints "seconds cpu-seconds rss-MB".
start_once() {
  local jar=$1 data_dir=$2 log=$3; shift 3
  local begin now
  if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then
    echo "something already listens on port $PORT; set PORT to a free one" >&2; return 1
  fi
  begin=$(date +%s%N)
  "$JAVA" "$@" -jar "$jar" --server.port="$PORT" --management.server.port=0 \
    --chaching.database.data-dir="$data_dir" > "$log" 2>&1 &
  server=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/health"; do
    kill -0 "$server" 2>/dev/null || { tail -30 "$log" >&2; echo "the server exited before it was healthy" >&2; return 1; }
    if [ $(( $(date +%s%N) - begin )) -gt 180000000000 ]; then
      tail -30 "$log" >&2; echo "the server was not healthy within 180 s" >&2; return 1
    fi
    sleep 0.05
  done
  now=$(date +%s%N)
  kill -0 "$server" 2>/dev/null || { tail -30 "$log" >&2; echo "another process answered on port $PORT" >&2; return 1; }
  # utime and stime, fields 14 and 15 of /proc/PID/stat (the name in field 2 has no spaces: "java").
  local cpu
  cpu=$(awk -v t="$ticks" '{ printf "%.1f", ($14 + $15) / t }' "/proc/$server/stat")
  sleep "$IDLE"
  kill -0 "$server" 2>/dev/null || { tail -30 "$log" >&2; echo "the server stopped while idling" >&2; return 1; }
  local rss
  rss=$(awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$server/status")
  kill "$server"
  wait "$server" 2>/dev/null || true
  server=""
  awk -v b="$begin" -v n="$now" -v c="$cpu" -v r="$rss" 'BEGIN { printf "%.1f %s %s\n", (n - b) / 1e9, c, r }'
}

each() { awk -v run="$1" '{ printf "run %s: healthy after %s s, JVM CPU %s s, JVM RSS %s MB\n", run, $1, $2, $3 }'; }

# Where a start spent its time: seconds since the JVM started, from the log's own timestamps (Spring's
# "process running for" gives the JVM's age when the application had started), in order.
phases() {
  awk '
    function secs(ts) { split(substr(ts, 12, 12), t, ":"); return t[1] * 3600 + t[2] * 60 + t[3] }
    /Started ChachingApplication/ { match($0, /process running for [0-9.]+/); age = substr($0, RSTART + 20, RLENGTH - 20); started = secs($1) }
    /Starting ChachingApplication/ { mark["Spring Boot reads its configuration"] = secs($1) }
    /starting the embedded PostgreSQL/ { mark["embedded PostgreSQL: starting (its own thread)"] = secs($1) }
    /embedded PostgreSQL listening/ { mark["embedded PostgreSQL: ready"] = secs($1) }
    /HikariPool.*Added connection/ { mark["connection pool: first connection"] = secs($1) }
    /Successfully applied|No migration necessary/ { mark["Flyway: migrations done"] = secs($1) }
    /Tomcat started on port/ && !api { api = 1; mark["API port open"] = secs($1) }
    END {
      for (m in mark) printf "  %5.1f s  %s\n", mark[m] - (started - age), m
      printf "  %5.1f s  application started (management port open)\n", age
    }' "$1" | sort -n
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

report() { # label, file of "seconds cpu rss" lines
  printf '%-44s healthy after %5s s (median; %s), JVM CPU %s s, JVM RSS %s MB after %s s idle\n' "$1" \
    "$(cut -d' ' -f1 "$2" | median)" "$(cut -d' ' -f1 "$2" | sort -n | tr '\n' ' ' | sed 's/ $//')" \
    "$(cut -d' ' -f2 "$2" | median)" "$(cut -d' ' -f3 "$2" | median)" "$IDLE"
}

# shellcheck disable=SC2206
opts=($JAVA_OPTS -XX:AOTCache="$work/app/chaching.aot")
echo "== first start on an empty data directory (AOT cache and JAVA_OPTS)"
start_once "$app" "$work/data" "$work/first.log" "${opts[@]}" > "$work/first.txt"
report "first start, empty data directory" "$work/first.txt"

echo "== $RUNS starts on the initialised data directory, AOT cache and JAVA_OPTS"
: > "$work/tuned.txt"
for run in $(seq 1 "$RUNS"); do
  start_once "$app" "$work/data" "$work/tuned-$run.log" "${opts[@]}" | tee -a "$work/tuned.txt" | each "$run"
done
if [ "$BASELINE" = 1 ]; then
  echo "== $RUNS starts on the initialised data directory, plain java -jar $JAR"
  : > "$work/plain.txt"
  for run in $(seq 1 "$RUNS"); do
    # -Xshare:auto is the JVM's default; it is there so the argument list is never empty.
    start_once "$JAR" "$work/data" "$work/plain-$run.log" -Xshare:auto | tee -a "$work/plain.txt" | each "$run"
  done
fi

echo
echo "== results: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $("$JAVA" -version 2>&1 | head -1)"
echo "JAVA_OPTS: $JAVA_OPTS"
report "first start, empty data directory" "$work/first.txt"
report "AOT cache + JAVA_OPTS, $RUNS starts" "$work/tuned.txt"
[ "$BASELINE" = 1 ] && report "plain java -jar, $RUNS starts" "$work/plain.txt"
echo "(RSS is the JVM's alone; the embedded PostgreSQL runs as separate processes.)"
echo "where the last start with the AOT cache spent its time, from its log:"
phases "$work/tuned-$RUNS.log"
echo "and the first start, on the empty data directory:"
phases "$work/first.log"
