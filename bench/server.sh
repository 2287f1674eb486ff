# Sourced by the bench scripts that load a running server: builds the JAR and starts it on $PORT, with its
# embedded PostgreSQL on $DB_PORT keeping its data in $DATA_DIR, the JVM flags in $JAVA_OPTS, its log in
# $RESULTS/server.log, and any further arguments as settings; waits for /health. Sets SERVER to its pid; the
# caller stops it (a trap on EXIT).
start_server() {
  echo "== building"
  ./mvnw -q -DskipTests package
  local jar
  jar=$(ls target/chaching-*.jar | grep -v original | head -1)
  echo "== starting the server on :$PORT (embedded PostgreSQL on :$DB_PORT, data in $DATA_DIR)"
  # The management port (metrics, probes) is not read here: any free one, so it never collides.
  # shellcheck disable=SC2086
  "$JAVA_HOME/bin/java" $JAVA_OPTS -jar "$jar" --server.port="$PORT" \
    --chaching.database.data-dir="$DATA_DIR" --chaching.database.embedded-port="$DB_PORT" \
    --management.server.port=0 --logging.level.root=WARN "$@" > "$RESULTS/server.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 120); do curl -sf "localhost:$PORT/health" >/dev/null && break; sleep 1; done
  curl -sf "localhost:$PORT/health" >/dev/null || { echo "server did not start; see $RESULTS/server.log"; return 1; }
}
