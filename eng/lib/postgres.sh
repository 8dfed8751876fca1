# Shared shell functions for a local PostgreSQL from Debian's package, sourced by eng/test.sh,
# eng/postgres.sh and eng/bench.sh. Docker is not available where Omni is built and tested, so the
# scripts run Debian's PostgreSQL directly: a cluster in a directory of ours, on a port of ours,
# reachable only on 127.0.0.1 with trust authentication. It never touches a server someone else runs.
# shellcheck shell=bash

omni_log() { printf '[omni] %s\n' "$*" >&2; }
omni_die() { printf '[omni] error: %s\n' "$*" >&2; exit 1; }

omni_is_root() { [[ $(id -u) -eq 0 ]]; }

_omni_apt_updated=0

# Installs Debian packages that are missing (apt-get update at most once per script run).
# Usage: omni_apt_install <package>...
omni_apt_install() {
    (($# > 0)) || return 0
    omni_is_root || omni_die "installing $* needs root (apt-get); run as root or install them yourself: apt-get install -y $*"
    if ((_omni_apt_updated == 0)); then
        omni_log "apt-get update"
        apt-get update -qq >&2
        _omni_apt_updated=1
    fi
    omni_log "apt-get install -y $*"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}

# The directory of the newest installed PostgreSQL server binaries (Debian: /usr/lib/postgresql/<major>/bin).
omni_pg_bindir() {
    local dir
    dir=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin 2>/dev/null | sort -V | tail -n 1)
    [[ -n $dir && -x $dir/initdb ]] && printf '%s\n' "$dir"
}

omni_pg_ensure_installed() {
    omni_pg_bindir >/dev/null || omni_apt_install postgresql
    omni_pg_bindir >/dev/null || omni_die "PostgreSQL server binaries not found under /usr/lib/postgresql after installing"
}

# PostgreSQL refuses to run as root, so as root the cluster belongs to (and runs as) the postgres user.
_omni_pg_owner() { if omni_is_root; then echo postgres; else id -un; fi; }

_omni_pg_run() {
    local bindir
    bindir=$(omni_pg_bindir)
    # cd / first: the postgres user may not be able to enter the caller's working directory.
    if omni_is_root; then
        (cd / && runuser -u postgres -- "$bindir/$1" "${@:2}")
    else
        (cd / && "$bindir/$1" "${@:2}")
    fi
}

omni_port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The first port from $1 upwards (20 tries) that nothing listens on.
omni_free_port() {
    local port=$1
    for ((i = 0; i < 20; i++, port++)); do
        omni_port_in_use "$port" || { echo "$port"; return 0; }
    done
    omni_die "no free port in $1..$((port - 1))"
}

# Creates a cluster in directory $1 (which must not exist yet or be empty). $2: extra postgresql.conf lines.
omni_pg_init() {
    local dir=$1 extra=${2:-}
    mkdir -p "$dir"
    chmod 700 "$dir"
    chown "$(_omni_pg_owner)" "$dir"
    _omni_pg_run initdb --pgdata="$dir/data" --username=postgres --encoding=UTF8 --no-locale \
        --auth-local=trust --auth-host=trust >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; omni_die "initdb failed in $dir"; }
    # Trust only on the loopback address (and the private socket directory); nothing else may connect.
    printf '%s\n' \
        'local all all trust' \
        'host  all all 127.0.0.1/32 trust' >"$dir/data/pg_hba.conf"
    # Sized for the 2-core, 24 GiB build machine: many pooled connections from parallel test fixtures.
    cat >>"$dir/data/postgresql.conf" <<CONF

# --- Omni (eng/lib/postgres.sh) ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
max_connections = 300
shared_buffers = 256MB
work_mem = 8MB
maintenance_work_mem = 64MB
max_wal_size = 2GB
log_min_messages = warning
$extra
CONF
    chown "$(_omni_pg_owner)" "$dir/data/pg_hba.conf"
}

# Starts the cluster in $1 on the first free port from $2; prints the port.
omni_pg_start() {
    local dir=$1 from=$2 port
    for ((attempt = 0; attempt < 5; attempt++)); do
        port=$(omni_free_port "$from")
        if _omni_pg_run pg_ctl --pgdata="$dir/data" --log="$dir/server.log" --wait --timeout=60 \
            -o "-p $port" start >/dev/null 2>&1; then
            echo "$port"
            return 0
        fi
        # Someone took the port between the check and the start; try the next one.
        from=$((port + 1))
    done
    cat "$dir/server.log" >&2 2>/dev/null || true
    omni_die "PostgreSQL in $dir did not start"
}

omni_pg_running() { [[ -f $1/data/postmaster.pid ]] && _omni_pg_run pg_ctl --pgdata="$1/data" status >/dev/null 2>&1; }

# The port a running cluster in $1 listens on (line 4 of postmaster.pid).
omni_pg_port() { sed -n 4p "$1/data/postmaster.pid"; }

omni_pg_stop() {
    local dir=$1
    omni_pg_running "$dir" || return 0
    _omni_pg_run pg_ctl --pgdata="$dir/data" --mode=fast --wait --timeout=60 stop >/dev/null 2>&1 \
        || _omni_pg_run pg_ctl --pgdata="$dir/data" --mode=immediate stop >/dev/null 2>&1 || true
}

omni_pg_connection_string() { echo "Host=127.0.0.1;Port=$1;Username=postgres${2:+;Database=$2}"; }

# Runs SQL as the superuser against the cluster on port $1.
omni_pg_sql() {
    local bindir
    bindir=$(omni_pg_bindir)
    PGOPTIONS="-c client_min_messages=warning" "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$1" -U postgres -d postgres -c "$2" >/dev/null
}
