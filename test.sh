#!/usr/bin/env bash
# The whole test suite of crmflow, set up from nothing on a Debian machine (the README's test command; .ci/run runs it).
#
#   ./test.sh               set up what is missing, then ./mvnw -B verify -Pbrowser,keycloak
#   ./test.sh --setup-only  set up and check only, run no test
#
# Takes about 20-25 minutes on 2 cores (unit, rule and process tests on H2 and again on PostgreSQL, the fuzz test,
# the Chromium tests, the real-Keycloak test and the cluster tests); the set-up adds a few minutes the first time
# (apt-get). It needs root for anything it has to install or start; without root it says what is missing.
# Extra arguments go to Maven, e.g. ./test.sh -o (offline).
set -euo pipefail
cd "$(dirname "$0")"

setup_only=false
maven_args=()
for arg in "$@"; do
  case "$arg" in
    --setup-only) setup_only=true ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) maven_args+=("$arg") ;;
  esac
done

step() { echo "test.sh: $*"; }
missing() { echo "test.sh: MISSING: $*" >&2; exit 1; }
is_root() { [ "$(id -u)" -eq 0 ]; }

apt_updated=false
apt_install() {
  is_root || missing "$1 is not installed and installing it needs root: run 'apt-get install -y $*' as root, then ./test.sh again"
  command -v apt-get >/dev/null || missing "$1 is not installed and this machine has no apt-get: install $* yourself"
  if ! $apt_updated; then apt-get update -qq; apt_updated=true; fi
  step "installing $* with apt-get"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# Java 17 or later builds and runs crmflow (the Maven wrapper downloads Maven itself).
java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
build_java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if ! command -v "$build_java" >/dev/null; then
  apt_install openjdk-17-jdk-headless
  build_java=java
fi
[ "$(java_major "$build_java")" -ge 17 ] || missing "Java 17 or later to build (found $("$build_java" -version 2>&1 | head -1)); set JAVA_HOME"

# PostgreSQL at 127.0.0.1:5432, user postgres, trust auth, database "test": the PostgreSQL suite, the cluster tests and
# the benchmarks make databases of their own there and drop them afterwards.
if ! command -v pg_isready >/dev/null; then
  apt_install postgresql
  # A cluster this script created is a test machine's: let local TCP clients in as any user without a password.
  hba=$(ls /etc/postgresql/*/main/pg_hba.conf | head -1)
  sed -i -E 's/^(host +all +all +127\.0\.0\.1\/32 +)[a-z0-9-]+$/\1trust/' "$hba"
  sed -i -E 's/^(local +all +(postgres|all) +)peer$/\1trust/' "$hba"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main restart || true
fi
if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  is_root || missing "PostgreSQL is not running at 127.0.0.1:5432; start it as root: pg_ctlcluster <version> main start"
  step "starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
  pg_isready -h 127.0.0.1 -p 5432 -q || missing "PostgreSQL did not come up at 127.0.0.1:5432: see /var/log/postgresql/"
fi
psql -h 127.0.0.1 -U postgres -w -tAc 'select 1' >/dev/null 2>&1 \
  || missing "PostgreSQL at 127.0.0.1:5432 refuses user postgres without a password: add 'host all all 127.0.0.1/32 trust' to pg_hba.conf and reload"
psql -h 127.0.0.1 -U postgres -tAc "select 1 from pg_database where datname = 'test'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -qc 'create database test'
# DatabaseOutageClusterTest stops a throw-away cluster of its own (never the main one): it needs these tools and root.
if ! command -v pg_createcluster >/dev/null || ! is_root; then
  step "warning: DatabaseOutageClusterTest needs root and Debian's pg_createcluster; it will fail here"
fi

# The browser tests drive Debian's Chromium through Debian's chromedriver; nothing downloads a browser.
if ! [ -x /usr/bin/chromium ] || ! [ -x /usr/bin/chromedriver ]; then
  apt_install chromium chromium-driver
fi
# The pages and forms are bilingual: without a CJK font the screenshots the browser tests save show boxes for Chinese.
if ! fc-list 2>/dev/null | grep -i "CJK" >/dev/null; then
  apt_install fonts-noto-cjk
fi

# RealKeycloakTest runs a real Keycloak 26 (from Maven Central), which needs Java 21 or later beside the build's Java.
keycloak_java="${KEYCLOAK_JAVA_HOME:-}"
if [ -z "$keycloak_java" ]; then
  for candidate in /usr/lib/jvm/*; do
    if [ -x "$candidate/bin/java" ] && [ "$(java_major "$candidate/bin/java")" -ge 21 ] 2>/dev/null; then
      keycloak_java="$candidate"; break
    fi
  done
fi
if [ -z "$keycloak_java" ] && command -v apt-cache >/dev/null; then
  for package in openjdk-25-jdk-headless openjdk-21-jdk-headless; do
    if apt-cache show "$package" >/dev/null 2>&1; then
      apt_install "$package"
      keycloak_java=$(ls -d /usr/lib/jvm/java-2[1-9]-openjdk* | head -1)
      break
    fi
  done
fi
[ -n "$keycloak_java" ] || missing "a Java 21 or later for Keycloak: none under /usr/lib/jvm and apt offers none; install one (e.g. Eclipse Temurin 21 or 25) and set KEYCLOAK_JAVA_HOME to it"
step "Keycloak runs on $keycloak_java"

if $setup_only; then
  step "set-up complete; the tests: ./test.sh (about 20-25 minutes on 2 cores)"
  exit 0
fi

step "running ./mvnw -B verify -Pbrowser,keycloak (about 20-25 minutes on 2 cores)"
started=$SECONDS
./mvnw -B verify -Pbrowser,keycloak -Dkeycloak.java.home="$keycloak_java" "${maven_args[@]}"
step "all tests passed in $(( (SECONDS - started) / 60 )) min"
