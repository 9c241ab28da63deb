#!/usr/bin/env bash
# bench/auth.sh's two points with a Keycloak bearer token instead of HTTP Basic (issue 25): a real Keycloak (the
# keycloak-quarkus-dist zip from Maven Central that the keycloak Maven profile and RealKeycloakTest use; Java 21+),
# started in dev mode with deploy/keycloak/crmflow-realm.json; the jar on the postgres and keycloak profiles with the
# realm's trial secrets; a token of mia (client crmflow-cli, password grant) fetched before each point, as tokens live
# 5 minutes; wrk -t2 -c8 with "Authorization: Bearer". Same columns as bench/auth.sh. The application validates each
# token itself (signature with the realm's cached keys, issuer, audience, expiry): Keycloak sits idle while wrk runs.
# With CRMFLOW_AUTH_BEFORE_JAR=<jar> that jar's points run first, with the same Keycloak on the same database.
# Database perfauth_kc_bench (CRMFLOW_AUTH_DB), created and dropped here; Keycloak's own data lives in a temporary
# folder. About 5 minutes with the defaults (7 with a before-jar), Keycloak's start included.
# Usage: bench/auth-keycloak.sh [seconds per point, default 25] [warm-up seconds, default 10]
#   CRMFLOW_BENCH_JAR, CRMFLOW_BENCH_JVM, CRMFLOW_AUTH_PORT (default 18100), CRMFLOW_AUTH_BEFORE_JAR: as bench/auth.sh
#   CRMFLOW_AUTH_DB=perfauth_kc_bench   the scratch database's name
#   CRMFLOW_KEYCLOAK_PORT=18180         Keycloak's HTTP port (its management port is the next one)
#   CRMFLOW_KEYCLOAK_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64   the Java (21+) Keycloak runs on
# Needs wrk, curl, jq, psql, unzip; PostgreSQL at 127.0.0.1:5432, user postgres, trust.
set -euo pipefail
source "$(dirname "$0")/lib/app.sh"
source "$(dirname "$0")/lib/auth_point.sh"
cd "$bench_root"
secs=${1:-25}; warmup=${2:-10}
read -r -a jvm <<< "${CRMFLOW_BENCH_JVM:--Xmx512m -XX:+UseSerialGC}"
db=${CRMFLOW_AUTH_DB:-perfauth_kc_bench}; port=${CRMFLOW_AUTH_PORT:-18100}
kc_port=${CRMFLOW_KEYCLOAK_PORT:-18180}; kc_java=${CRMFLOW_KEYCLOAK_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64}
kc_url=http://127.0.0.1:$kc_port
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }
for p in "$port" "$kc_port" $((kc_port + 1)); do
  if ss -ltn "sport = :$p" | grep -q LISTEN; then echo "port $p is taken" >&2; exit 1; fi
done
workdir=$(mktemp -d)
kc_pid=
# kc.sh hands a TERM on to Keycloak's JVM and waits for it.
trap 'bench_stop; [ -n "$kc_pid" ] && { kill "$kc_pid" 2>/dev/null; wait "$kc_pid" 2>/dev/null || true; }
  cp "$workdir/app.log" "/tmp/$db.log" 2>/dev/null; cp "$workdir/keycloak.log" "/tmp/$db-keycloak.log" 2>/dev/null; rm -rf "$workdir"
  psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db" >/dev/null' EXIT

# Keycloak of the version the pom names, from the local Maven repository (fetched from Maven Central if missing).
kc_version=$(sed -n 's:.*<keycloak-server.version>\(.*\)</keycloak-server.version>.*:\1:p' pom.xml)
kc_zip=~/.m2/repository/org/keycloak/keycloak-quarkus-dist/$kc_version/keycloak-quarkus-dist-$kc_version.zip
[ -f "$kc_zip" ] || ./mvnw -B -q dependency:get -Dartifact="org.keycloak:keycloak-quarkus-dist:$kc_version:zip" -Dtransitive=false
unzip -q "$kc_zip" -d "$workdir"
kc_home=$workdir/keycloak-$kc_version
mkdir -p "$kc_home/data/import" && cp deploy/keycloak/crmflow-realm.json "$kc_home/data/import/"
echo "before: $(bench_conditions)"
echo "JVM options: ${jvm[*]}; wrk -t2 -c8, ${warmup} s warm-up + ${secs} s per point, Keycloak $kc_version bearer token of mia"
(JAVA_HOME=$kc_java KC_BOOTSTRAP_ADMIN_USERNAME=kcadmin KC_BOOTSTRAP_ADMIN_PASSWORD="kcadmin-$RANDOM$RANDOM" exec "$kc_home/bin/kc.sh" start-dev \
  --http-host=127.0.0.1 --http-port="$kc_port" --http-management-port=$((kc_port + 1)) --import-realm > "$workdir/keycloak.log" 2>&1) &
kc_pid=$!
for _ in $(seq 1 600); do
  curl -sf -o /dev/null "$kc_url/realms/crmflow/.well-known/openid-configuration" && break
  kill -0 "$kc_pid" 2>/dev/null || { echo "Keycloak stopped; last lines:" >&2; tail -40 "$workdir/keycloak.log" >&2; exit 1; }
  sleep 1
done

# bearer: an Authorization header with a fresh access token of mia.
bearer() {
  echo "Authorization: Bearer $(curl -sf -d grant_type=password -d client_id=crmflow-cli -d username=mia -d password=mia \
    "$kc_url/realms/crmflow/protocol/openid-connect/token" | jq -r .access_token)"
}

bench_layout "$workdir"
psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db" -c "create database $db"
auth_point_header
# run <workdir> <label>: one start of the application on the keycloak profile, its two points, stop.
run() {
  local dir=$1 label=$2
  bench_ready_auth=$(bearer)
  bench_start "$dir" "$port" "jdbc:postgresql://127.0.0.1:5432/$db" "${jvm[@]}" -- --spring.profiles.active=postgres,keycloak \
    --crmflow.keycloak.url="$kc_url" --crmflow.keycloak.client-secret=crmflow-webapp-secret-change-me \
    --crmflow.keycloak.identity-client-secret=crmflow-identity-secret-change-me
  auth_points "$label" "$(bearer)"
  bench_stop
}
auth_before_jar run "bearer, before-jar"
run "$workdir" "bearer"
echo "after: $(bench_conditions)"
