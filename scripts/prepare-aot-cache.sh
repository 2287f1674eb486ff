#!/usr/bin/env bash
# Prepares the JAR for a fast start (docs/operations.md "Start-up and memory"): extracts it into DIR and
# makes DIR/chaching.aot, JDK 25's AOT cache, from a training run. Run the service afterwards with
#   java $JAVA_OPTS -XX:AOTCache=DIR/chaching.aot -jar DIR/<jar name>
# on the same JDK, with the same JAVA_OPTS.
#
# Usage: scripts/prepare-aot-cache.sh path/to/chaching.jar DIR
# Settings (environment): JAVA_OPTS (the JVM flags the service will run with; the training run uses the
# same), PORT (18199, the training run's API port, on localhost).
#
# The training run is a real start: it runs the migrations on its database, waits for GET /health,
# sends a few requests that read nothing and change nothing, and stops with SIGTERM, when the JVM writes
# the cache. With CHACHING_DATABASE_URL set it uses that database, otherwise an embedded PostgreSQL in a
# temporary directory (a JAR built with -Pno-embedded-db needs the URL).
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 path/to/chaching.jar DIR" >&2; exit 2; }
jar=$1
dir=$2
PORT=${PORT:-18199}
JAVA_OPTS=${JAVA_OPTS:-}
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
major=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
[ "${major:-0}" -ge 25 ] || { echo "the AOT cache needs a JDK 25 or later; $JAVA is Java ${major:-unknown}" >&2; exit 1; }

rm -rf "$dir"
"$JAVA" -Djarmode=tools -jar "$jar" extract --destination "$dir" >/dev/null
app="$dir/$(basename "$jar")"

scratch=$(mktemp -d)
trainer=""
cleanup() {
  if [ -n "$trainer" ]; then kill "$trainer" 2>/dev/null || true; wait "$trainer" 2>/dev/null || true; fi
  rm -rf "$scratch"
}
trap cleanup EXIT

if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then
  echo "something already listens on port $PORT; set PORT to a free one" >&2
  exit 1
fi
# shellcheck disable=SC2086
"$JAVA" $JAVA_OPTS -XX:AOTCacheOutput="$dir/chaching.aot" -jar "$app" --server.port="$PORT" \
  --management.server.port=0 --chaching.database.data-dir="$scratch/data" > "$scratch/training.log" 2>&1 &
trainer=$!
for _ in $(seq 1 600); do
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/health" && break
  kill -0 "$trainer" 2>/dev/null || break
  sleep 0.5
done
if ! curl -sf -o /dev/null "http://127.0.0.1:$PORT/health"; then
  tail -40 "$scratch/training.log" >&2
  echo "the training run did not become healthy" >&2
  exit 1
fi
# Requests that touch the web layer, the error handling and the API-key filter, and write nothing.
for path in /health /openapi.json /customers /no/such/path /health; do
  curl -s -o /dev/null "http://127.0.0.1:$PORT$path"
done
kill -TERM "$trainer"
wait "$trainer" 2>/dev/null || true
trainer=""
[ -s "$dir/chaching.aot" ] || { tail -40 "$scratch/training.log" >&2; echo "the training run wrote no AOT cache" >&2; exit 1; }
echo "$dir/chaching.aot: $(( $(wc -c < "$dir/chaching.aot") / 1000000 )) MB; run the service with"
echo "  java $JAVA_OPTS -XX:AOTCache=$dir/chaching.aot -jar $app"
