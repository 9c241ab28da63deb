#!/bin/sh
# Run once by the postgres image on an empty data directory (deploy/compose.yaml): Keycloak's database and user, so
# that crmflow's database holds only crmflow's and Camunda's tables (one pg_dump, docs/operations.md "Backup").
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v password="$KEYCLOAK_DB_PASSWORD" <<'SQL'
create user keycloak with password :'password';
create database keycloak owner keycloak;
SQL
