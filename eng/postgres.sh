#!/usr/bin/env bash
# A persistent local PostgreSQL for development and benchmarks, from Debian's package:
#   eng/postgres.sh start            start (creating the cluster the first time); prints the connection string
#   eng/postgres.sh stop             stop it (the data stays)
#   eng/postgres.sh status           say whether it runs, and where
#   eng/postgres.sh fresh-db NAME    drop and create database NAME; prints its connection string
#   eng/postgres.sh destroy          stop it and delete its data
# OMNI_PG_DIR (default /var/tmp/omni-postgres) holds the cluster; OMNI_PG_PORT (default 55433) is the first
# port tried. Tests do not need this: eng/test.sh starts a throwaway server of its own.
set -euo pipefail
source "$(dirname "$0")/lib/postgres.sh"

dir=${OMNI_PG_DIR:-/var/tmp/omni-postgres}
first_port=${OMNI_PG_PORT:-55433}

require_running() { omni_pg_running "$dir" || omni_die "not running; start it with: $0 start"; }

case ${1:-} in
    start)
        omni_pg_ensure_installed
        [[ -f $dir/data/PG_VERSION ]] || omni_pg_init "$dir"
        if omni_pg_running "$dir"; then
            port=$(omni_pg_port "$dir")
        else
            port=$(omni_pg_start "$dir" "$first_port")
            omni_log "started PostgreSQL on 127.0.0.1:$port ($dir)"
        fi
        omni_pg_connection_string "$port"
        ;;
    stop)
        omni_pg_stop "$dir"
        ;;
    status)
        if omni_pg_running "$dir"; then
            echo "running: $(omni_pg_connection_string "$(omni_pg_port "$dir")") ($dir)"
        else
            echo "stopped ($dir)"
            exit 3
        fi
        ;;
    fresh-db)
        name=${2:?database name}
        [[ $name =~ ^[a-z_][a-z0-9_]*$ ]] || omni_die "database name must be lower-case letters, digits and _"
        require_running
        port=$(omni_pg_port "$dir")
        omni_pg_sql "$port" "DROP DATABASE IF EXISTS $name WITH (FORCE)"
        omni_pg_sql "$port" "CREATE DATABASE $name"
        omni_pg_connection_string "$port" "$name"
        ;;
    destroy)
        omni_pg_stop "$dir"
        rm -rf "$dir"
        ;;
    *)
        sed -n '2,9s/^# \{0,1\}//p' "$0" >&2
        exit 2
        ;;
esac
