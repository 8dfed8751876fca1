#!/usr/bin/env bash
# THE test command: ./eng/test.sh [extra dotnet test arguments]
#
# Runs every test project of Omni.slnx against SQLite and PostgreSQL. Unless OMNI_TEST_POSTGRES already
# points at a server, it installs Debian's PostgreSQL if missing (needs root), starts a throwaway cluster
# in a temp directory on a free port, and removes it on exit. It also installs Debian's chromium for the
# browser tests. It ends with one line "N passed, N failed, N skipped" and exits with dotnet test's code.
set -euo pipefail
cd "$(dirname "$0")/.."
source eng/lib/postgres.sh

missing=()
[[ -n ${OMNI_TEST_POSTGRES:-} ]] || omni_pg_bindir >/dev/null || missing+=(postgresql)
command -v chromium >/dev/null || missing+=(chromium)
omni_apt_install "${missing[@]}"

pg_dir=""
cleanup() {
    if [[ -n $pg_dir ]]; then
        omni_pg_stop "$pg_dir"
        rm -rf "$pg_dir"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ -n ${OMNI_TEST_POSTGRES:-} ]]; then
    omni_log "using the PostgreSQL server in OMNI_TEST_POSTGRES"
else
    pg_dir=$(mktemp -d /tmp/omni-test-pg.XXXXXX)
    # Throwaway data: losing the last commits in a crash is fine, waiting on the WAL flush is not.
    omni_pg_init "$pg_dir" "synchronous_commit = off"
    port=$(omni_pg_start "$pg_dir" "${OMNI_TEST_PG_PORT:-55432}")
    export OMNI_TEST_POSTGRES
    OMNI_TEST_POSTGRES=$(omni_pg_connection_string "$port")
    omni_log "throwaway PostgreSQL on 127.0.0.1:$port ($pg_dir)"
fi

results=artifacts/test-results
rm -rf "$results"
mkdir -p "$results"

set +e
# One test project at a time (-m:1): each project already runs its test classes in parallel, and on a 2-core machine
# the browser tests beside the integration tests' parallel load saw single pages take over a minute.
dotnet test Omni.slnx -m:1 --logger "trx" --results-directory "$results" "$@" 2>&1 | tee "$results/console.log"
code=${PIPESTATUS[0]}
set -e

# Sum the counters of every TRX file; fall back to the console summaries when there is none (e.g. build failed).
passed=0 failed=0 skipped=0
counter() { grep -o "$1=\"[0-9]*\"" <<<"$2" | grep -o '[0-9]*' || echo 0; }
shopt -s nullglob
trx_files=("$results"/*.trx "$results"/*/*.trx)
if ((${#trx_files[@]} > 0)); then
    for trx in "${trx_files[@]}"; do
        counters=$(grep -o '<Counters [^>]*>' "$trx" || true)
        passed=$((passed + $(counter passed "$counters")))
        failed=$((failed + $(counter failed "$counters") + $(counter error "$counters") + $(counter timeout "$counters") + $(counter aborted "$counters")))
        skipped=$((skipped + $(counter notExecuted "$counters")))
    done
else
    while read -r line; do
        n() { sed -n "s/.*$1: *\([0-9]*\).*/\1/p" <<<"$line"; }
        failed=$((failed + $(n Failed))) passed=$((passed + $(n Passed))) skipped=$((skipped + $(n Skipped)))
    done < <(grep -E 'Failed: +[0-9]+, +Passed: +[0-9]+, +Skipped: +[0-9]+' "$results/console.log" || true)
fi
if ((code != 0 && failed == 0)); then
    omni_log "dotnet test exited with $code but no test failed: a build error or a crashed test host (see above)"
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$code"
