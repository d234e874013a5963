# bench/lib/two-instances.sh: sourced by bench/run-workshop and bench/run-coedit.
#
# Starts TWO Plenary instances (the jar of target/quarkus-app, copied to $TMP/app) on one
# PostgreSQL: instance A runs the embedded PostgreSQL on a fresh data directory under $TMP,
# instance B uses A's database, as two instances behind a load balancer would. Needs ROOT, TMP,
# RAW, BUILD and the array PIDS set; JVM_OPTS too if the caller has its own (otherwise the
# production options of deploy/jvm.options). Sets PORT_A, PORT_B, DB_PORT, PASSWORD (the first
# administrator's), PID_A, PID_B and INSTANCES ("http://127.0.0.1:A,http://127.0.0.1:B"), and
# leaves PIDS as (B A) so that B stops before A, which owns the database.

if [ "$BUILD" = 1 ] || [ ! -f "$ROOT/target/quarkus-app/quarkus-run.jar" ]; then
  log "building the jar"
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package)
fi
cp -r "$ROOT/target/quarkus-app" "$TMP/app"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PORT_A=$(free_port) PORT_B=$(free_port) DB_PORT=$(free_port)
PASSWORD="bench-$RANDOM$RANDOM"
[ -n "${JVM_OPTS+x}" ] || read -r -a JVM_OPTS <"$ROOT/deploy/jvm.options"
export MALLOC_ARENA_MAX=2
COMMON=(-Xlog:gc:file="$RAW/gc-%p.log" -Dplenary.demo.enabled=false -Dplenary.auth.admin-password="$PASSWORD"
  -Dplenary.auth.max-failures-per-address=100000 -Dquarkus.http.host=127.0.0.1)

wait_ready() {
  local port=$1 name=$2
  for _ in $(seq 1 240); do
    if curl -fsS "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  log "$name not ready; last lines of its log:"; tail -30 "$RAW/$name.log" >&2; exit 1
}

log "starting instance A (embedded PostgreSQL on :$DB_PORT) on :$PORT_A"
java "${JVM_OPTS[@]}" "${COMMON[@]}" -Dquarkus.http.port="$PORT_A" \
  -Dplenary.db.data-dir="$TMP/pg" -Dplenary.db.port="$DB_PORT" \
  -jar "$TMP/app/quarkus-run.jar" >"$RAW/instance-a.log" 2>&1 &
PID_A=$!
PIDS+=("$PID_A")
wait_ready "$PORT_A" instance-a
log "starting instance B on :$PORT_B (A's database)"
java "${JVM_OPTS[@]}" "${COMMON[@]}" -Dquarkus.http.port="$PORT_B" \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:$DB_PORT/plenary" \
  -Dquarkus.datasource.username=postgres \
  -jar "$TMP/app/quarkus-run.jar" >"$RAW/instance-b.log" 2>&1 &
PID_B=$!
PIDS=("$PID_B" "$PID_A")
wait_ready "$PORT_B" instance-b
INSTANCES="http://127.0.0.1:$PORT_A,http://127.0.0.1:$PORT_B"
