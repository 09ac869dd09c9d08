#!/bin/sh
# Runs once, when the PostgreSQL volume is first initialised: one database per service, owned by
# a role of its own, so a service can neither read nor change another service's data.
set -eu

create() {
  # psql variables (:"name", :'password') quote the values, whatever characters they contain.
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v name="$1" -v password="$2" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
}

create referral_service "$REFERRAL_DB_PASSWORD"
create registry_service "$REGISTRY_DB_PASSWORD"
create indicator_service "$INDICATOR_DB_PASSWORD"
create notification_service "$NOTIFICATION_DB_PASSWORD"
