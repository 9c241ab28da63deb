# Sourced by the benchmark scripts: build the jar if missing, lay it out with the benchmark-only classes, start/stop it.
# The application runs from Spring Boot's extracted layout (java -Djarmode=tools -jar … extract) so that the
# benchmark-only classes from src/test/java (compiled here, activated by a bench-* profile only) can be put in front
# of it on the class path; every variant, the product's own included, runs from the same layout.
bench_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# CRMFLOW_BENCH_JAR=<path> runs that jar instead (e.g. one built from an earlier commit, to measure before and after
# in one run).
bench_jar() {
  local jar
  if [ -n "${CRMFLOW_BENCH_JAR:-}" ]; then realpath "$CRMFLOW_BENCH_JAR"; return; fi
  jar=$(ls "$bench_root"/target/crmflow-*.jar 2>/dev/null | grep -v plain | head -1 || true)
  if [ -z "$jar" ]; then
    (cd "$bench_root" && ./mvnw -B -q -o -DskipTests package)
    jar=$(ls "$bench_root"/target/crmflow-*.jar | grep -v plain | head -1)
  fi
  realpath "$jar"
}

# bench_layout <workdir>: extracted application in <workdir>/app, benchmark classes in <workdir>/bench-classes
bench_layout() {
  local workdir=$1 jar
  jar=$(bench_jar)
  java -Djarmode=tools -jar "$jar" extract --destination "$workdir/app" >/dev/null
  mkdir -p "$workdir/bench-classes/bench"
  javac -nowarn -d "$workdir/bench-classes" -cp "$(ls "$workdir"/app/*.jar):$workdir/app/lib/*" \
    "$bench_root/src/test/java/io/crmflow/lead/CamundaDmnIntakeBench.java" \
    "$bench_root/src/test/java/io/crmflow/bench/TimerLatenessBench.java" \
    "$bench_root/src/test/java/io/crmflow/bench/EngineBaselineBench.java" \
    "$bench_root/src/test/java/io/crmflow/bench/ContactTimerBench.java"
  cp "$bench_root"/src/test/resources/bench/*.bpmn "$workdir/bench-classes/bench/"
}

# bench_start <workdir> <port> <JDBC URL> <jvm options…> -- <application arguments…>; sets $app_pid. Ready once
# GET /api/leads?limit=1 answers 200 with the header $bench_ready_auth (default: HTTP Basic as mia).
bench_start() {
  local workdir=$1 port=$2 url=$3; shift 3
  local jvm=() args=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do jvm+=("$1"); shift; done
  [ $# -gt 0 ] && shift
  args=("$@")
  : > "$workdir/app.log"
  (cd "$workdir" && exec java "${jvm[@]}" -cp "$workdir/bench-classes:$(ls "$workdir"/app/*.jar)" io.crmflow.CrmflowApplication \
    --server.port="$port" --crmflow.demo.enabled=true --spring.datasource.url="$url" \
    "${args[@]}" > "$workdir/app.log" 2>&1) &
  app_pid=$!
  # Spring logs "Started" before the application runners, which create the demo users: ready once mia gets in. Up to
  # 10 minutes: on a 2-core machine busy with other builds a start has taken over 4.
  for _ in $(seq 1 600); do
    grep -q "Started CrmflowApplication" "$workdir/app.log" \
      && [ "$(curl -s -o /dev/null -w '%{http_code}' -H "${bench_ready_auth:-Authorization: Basic $(printf mia:mia | base64)}" \
        "http://127.0.0.1:$port/api/leads?limit=1")" = 200 ] && return 0
    kill -0 "$app_pid" 2>/dev/null || break
    sleep 1
  done
  echo "application did not start; last lines of $workdir/app.log:" >&2
  tail -40 "$workdir/app.log" >&2
  return 1
}

# bench_scratch_app <database> <port>: the packaged jar on the postgres profile with the demo users, on an empty database
# of its own that is made here and dropped (with the application stopped) when the calling script exits; sets $app_pid.
bench_scratch_app() {
  local db=$1 port=$2 jar
  jar=$(bench_jar)
  bench_scratch_workdir=$(mktemp -d)
  bench_scratch_db=$db
  trap 'kill "$app_pid" 2>/dev/null || true; rm -rf "$bench_scratch_workdir"; psql -h 127.0.0.1 -U postgres -qc "drop database if exists $bench_scratch_db" >/dev/null' EXIT
  psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db" -c "create database $db"
  (cd "$bench_scratch_workdir" && exec java -jar "$jar" --spring.profiles.active=postgres --crmflow.demo.enabled=true --server.port="$port" \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$db" > "$bench_scratch_workdir/app.log" 2>&1) &
  app_pid=$!
  # Ready once the demo users exist: they are made by application runners, after Spring logs "Started".
  for _ in $(seq 1 180); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' -u admin:admin "http://127.0.0.1:$port/api/leads?limit=1")" = 200 ] && return 0
    sleep 1
  done
  echo "application did not start; last lines of $bench_scratch_workdir/app.log:" >&2
  tail -40 "$bench_scratch_workdir/app.log" >&2
  return 1
}

bench_stop() {
  if [ -n "${app_pid:-}" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid"; wait "$app_pid" 2>/dev/null || true
  fi
  app_pid=
}

# bench_sales_team <database>: a team big enough that leads keep being assigned (the 6 demo reps are full after ~100
# leads and everything else would go to the pool): 96 reps, 24 per region, every product line and industry, capacity
# far above any run.
bench_sales_team() {
  psql -h 127.0.0.1 -U postgres -d "$1" -v ON_ERROR_STOP=1 -qc "insert into sales_rep (user_id, regions, product_lines, industries, capacity)
    select 'bench' || g, (array['EAST','SOUTH','NORTH','SOUTHWEST'])[g % 4 + 1], 'OTC,PRESCRIPTION,DEVICES,CONSUMABLES',
           'HOSPITAL,PHARMACY,CLINIC,DISTRIBUTOR', 1000000 from generate_series(1, 96) g"
}

# bench_wrk <label> <wrk arguments…>: one wrk run against the application $app_pid; prints "<label>: RESULT … cpu_ms=…",
# cpu_ms being the JVM's CPU (user + system, /proc/<pid>/stat) over the run divided by the requests wrk counted.
bench_wrk() {
  local label=$1 before after result requests; shift
  before=$(awk '{print $14 + $15}' "/proc/$app_pid/stat")
  result=$(wrk "$@" | grep RESULT)
  after=$(awk '{print $14 + $15}' "/proc/$app_pid/stat")
  requests=$(sed 's/.*RESULT requests=\([0-9]*\).*/\1/' <<< "$result")
  printf '%s: %s cpu_ms=%.1f\n' "$label" "$result" "$(echo "($after - $before) * 1000 / $(getconf CLK_TCK) / ($requests + 0.0001)" | bc -l)"
}

bench_conditions() {
  echo "$(date -u +%FT%TZ) load average:$(uptime | sed 's/.*load average://'); $(nproc) CPUs; $(java -version 2>&1 | head -1);" \
    "$(psql -h 127.0.0.1 -U postgres -qAtc 'select version()' | cut -d' ' -f1-2)"
}
