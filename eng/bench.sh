#!/usr/bin/env bash
# Runs the load benchmarks against a fresh Omni server and appends the results to docs/benchmarks.md:
#   eng/bench.sh [sqlite|postgres] [extra Omni.Bench options, e.g. --duration 10 --clients 16]
# Starts the server in Release on an empty database (SQLite in a temp directory, or a fresh database on
# the eng/postgres.sh server), seeds the demo network, waits for /health/ready, runs the orders,
# availability, hotsku, interactions and product-page scenarios (or those in OMNI_BENCH_SCENARIOS), then stops the server.
# Exits non-zero if any scenario failed.
set -euo pipefail
cd "$(dirname "$0")/.."
source eng/lib/postgres.sh

provider=${1:-sqlite}
shift || true
port=${OMNI_BENCH_PORT:-5080}
url="http://127.0.0.1:$port"
out=${OMNI_BENCH_OUT:-docs/benchmarks.md}
export OMNI_API_KEY="omni_bench_$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"

omni_port_in_use "$port" && omni_die "port $port is in use: stop what runs there or set OMNI_BENCH_PORT"

work=$(mktemp -d /tmp/omni-bench.XXXXXX)
mkdir -p artifacts/bench
server_log=artifacts/bench/server-$provider.log
server_pid=""
started_postgres=0
cleanup() {
    if [[ -n $server_pid ]]; then
        # setsid made the server its own process group: this ends `dotnet run` and the server it started.
        kill -TERM -- "-$server_pid" 2>/dev/null || true
        for _ in {1..30}; do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.5; done
        kill -KILL -- "-$server_pid" 2>/dev/null || true
    fi
    ((started_postgres == 0)) || eng/postgres.sh stop
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

case $provider in
    sqlite)
        label=SQLite
        export Database__Provider=Sqlite Omni__DataDirectory="$work/data"
        ;;
    postgres)
        label=PostgreSQL
        eng/postgres.sh status >/dev/null || started_postgres=1
        eng/postgres.sh start >/dev/null
        export Database__Provider=Postgres
        ConnectionStrings__Omni="$(eng/postgres.sh fresh-db omni_bench);Maximum Pool Size=200"
        export ConnectionStrings__Omni
        ;;
    *) omni_die "usage: eng/bench.sh [sqlite|postgres] [Omni.Bench options]" ;;
esac

omni_log "building in Release"
dotnet build src/Omni.Server/Omni.Server.csproj -c Release -v quiet -nologo >&2
dotnet build bench/Omni.Bench/Omni.Bench.csproj -c Release -v quiet -nologo >&2

omni_log "starting the server on $url ($label), log: $server_log"
# --seed-demo last: ASP.NET's command-line configuration would read a following argument as its value.
# The benchmark drives everything through one key: lift the per-key rate limit, which is sized for real clients.
Omni__BootstrapAdminKey=$OMNI_API_KEY Omni__RateLimit__PermitLimit=100000000 Logging__LogLevel__Default=Warning \
    ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=$url \
    setsid dotnet run --project src/Omni.Server -c Release --no-build -- --urls "$url" --seed-demo \
    >"$server_log" 2>&1 </dev/null &
server_pid=$!

for ((i = 0; ; i++)); do
    curl -fsS -o /dev/null "$url/health/ready" 2>/dev/null && break
    if ! kill -0 "$server_pid" 2>/dev/null || ((i >= 300)); then
        tail -n 50 "$server_log" >&2
        omni_die "the server did not become ready"
    fi
    sleep 1
done
omni_log "server ready after ${i}s"

bench=(bench/Omni.Bench/bin/Release/net10.0/Omni.Bench)
# The server is the child of `dotnet run`: the bench reports its CPU per request, which the shared machine's load does not blur.
server_process=$(pgrep -P "$server_pid" -n || echo "")
failed=0
for scenario in ${OMNI_BENCH_SCENARIOS:-orders availability hotsku interactions product-page}; do
    "${bench[@]}" "$scenario" --url "$url" --label "$label" --out "$out" ${server_process:+--server-pid "$server_process"} "$@" \
        || { failed=1; omni_log "$scenario failed"; }
done
((failed == 0)) || omni_log "some scenarios failed; see $server_log"
exit "$failed"
