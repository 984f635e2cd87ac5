#!/usr/bin/env bash
# Run once by the official postgres image (/docker-entrypoint-initdb.d) on an empty data volume,
# as the superuser. Creates Tsunagu's two roles and its database:
#   tsunagu_owner  LOGIN: owns the database (and so its public schema), runs the migrations.
#   tsunagu_app    LOGIN NOSUPERUSER NOBYPASSRLS: serves requests; owns nothing. The migrations
#                  GRANT it what it needs, and row-level security applies to it.
# Passwords come from TSUNAGU_OWNER_PASSWORD and TSUNAGU_APP_PASSWORD and reach SQL only as psql
# variables (:'var' quotes them as literals), never spliced into the SQL text by the shell.
# To re-run it, remove the data volume (docker compose -f docker/compose.yaml down -v).
set -Eeuo pipefail

: "${TSUNAGU_OWNER_PASSWORD:?TSUNAGU_OWNER_PASSWORD must be set (see docker/.env.example)}"
: "${TSUNAGU_APP_PASSWORD:?TSUNAGU_APP_PASSWORD must be set (see docker/.env.example)}"
psql -v ON_ERROR_STOP=1 --no-psqlrc \
  --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-postgres}" \
  --set=owner_password="$TSUNAGU_OWNER_PASSWORD" \
  --set=app_password="$TSUNAGU_APP_PASSWORD" <<'EOSQL'
CREATE ROLE tsunagu_owner WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS
  PASSWORD :'owner_password';
CREATE ROLE tsunagu_app WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS
  PASSWORD :'app_password';

CREATE DATABASE tsunagu OWNER tsunagu_owner;

-- Only the two roles may connect; the owner keeps its rights as owner.
REVOKE ALL ON DATABASE tsunagu FROM PUBLIC;
GRANT CONNECT ON DATABASE tsunagu TO tsunagu_app;

\connect tsunagu
-- PostgreSQL 15+: the public schema belongs to pg_database_owner (here tsunagu_owner) and
-- PUBLIC has no CREATE on it. Say so explicitly, so only the owner can create objects.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
-- Array containment/overlap reveal nothing about rows; marked LEAKPROOF so the directory's
-- search index can serve queries under row-level security (needs a superuser; see README).
ALTER FUNCTION pg_catalog.arraycontains(anyarray, anyarray) LEAKPROOF;
ALTER FUNCTION pg_catalog.arrayoverlap(anyarray, anyarray) LEAKPROOF;
EOSQL

echo "01-roles.sh: created roles tsunagu_owner, tsunagu_app and database tsunagu"
