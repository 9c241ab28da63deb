# Sourced by bench/auth.sh and bench/auth-keycloak.sh: measured points of an authenticated request against the
# application $app_pid on $port, with $secs, $warmup and $workdir from the caller.

# cpu_ticks: user + system CPU of the application's JVM so far, in clock ticks (fields 14 and 15 of /proc/<pid>/stat).
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$app_pid/stat"; }

auth_point_header() {
  printf '%-34s %9s %9s %9s %8s %12s\n' "point" "req/s" "p50" "p99" "non-2xx" "CPU ms/req"
}

# auth_point <label> <path> <Authorization header>: warm-up, then the measured run (wrk -t2 -c8); one line of results.
auth_point() {
  local label=$1 path=$2 header=$3 before after out requests rps p50 p99 non2xx
  wrk -t2 -c8 -d"${warmup}s" -H "$header" "http://127.0.0.1:$port$path" >/dev/null
  before=$(cpu_ticks)
  out=$(wrk -t2 -c8 -d"${secs}s" --latency -H "$header" "http://127.0.0.1:$port$path")
  after=$(cpu_ticks)
  requests=$(awk '/requests in/ { print $1 }' <<< "$out")
  rps=$(awk '/^Requests\/sec/ { print $2 }' <<< "$out")
  p50=$(awk '$1 == "50%" { print $2 }' <<< "$out")
  p99=$(awk '$1 == "99%" { print $2 }' <<< "$out")
  non2xx=$(awk '/Non-2xx/ { print $NF }' <<< "$out")
  printf '%-34s %9s %9s %9s %8s %12s\n' "$label" "$rps" "$p50" "$p99" "${non2xx:-0}" \
    "$(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" 'BEGIN { printf "%.3f", t / hz * 1000 / n }')"
}

# auth_points <label> <Authorization header>: the two points every authentication benchmark measures.
auth_points() {
  auth_point "version, $1" /engine-rest/version "$2"
  auth_point "leads?limit=1, $1" "/api/leads?limit=1" "$2"
}

# auth_before_jar <run function> <label…>: with CRMFLOW_AUTH_BEFORE_JAR set, lays that jar out beside the current one
# and measures it first, in the same run and on the same database.
auth_before_jar() {
  [ -n "${CRMFLOW_AUTH_BEFORE_JAR:-}" ] || return 0
  mkdir -p "$workdir/before"
  CRMFLOW_BENCH_JAR=$CRMFLOW_AUTH_BEFORE_JAR bench_layout "$workdir/before"
  "$1" "$workdir/before" "${@:2}"
}
