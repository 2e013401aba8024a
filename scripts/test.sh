#!/usr/bin/env bash
# The whole MockLoop test suite:
#   1. Python: reference solutions of the built-in coding questions (scripts/check_reference_solutions.py)
#   2. A throwaway PostgreSQL server on 127.0.0.1 (exported as MOCKLOOP_TEST_POSTGRES_URL)
#   3. The code sandbox's tools (bubblewrap, util-linux, python3, node, g++), installed if missing
#   4. swift build --build-tests && swift test [ARGS...]   (SQLite always, PostgreSQL when available)
#   5. Browser tests: Tests/e2e/run.sh, when that file exists
#
# Usage: scripts/test.sh [swift test arguments...]      e.g. scripts/test.sh --filter Store
#
# Environment:
#   CI=true                  PostgreSQL is mandatory (without CI a missing server only gives a warning
#                            and the PostgreSQL half of the Swift tests is skipped)
#   MOCKLOOP_SKIP_SWIFT=1    skip the Swift build and tests, and so the browser tests that need the
#                            built binary (quick check of the Python and PostgreSQL steps)
#   MOCKLOOP_SKIP_E2E=1      skip the browser tests
#   MOCKLOOP_PG_BINDIR=DIR   where initdb/pg_ctl/postgres live, if not found automatically
#
# As root (CI, containers) PostgreSQL runs as the unprivileged system user `mockloop-pg` (created if
# missing), and is installed with apt-get if absent. Its data lives in a temporary directory that is
# removed, together with the server, when this script exits.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PG_SYSTEM_USER=mockloop-pg

log() { printf '==> %s\n' "$*"; }
warn() { printf '\n!!! WARNING: %s\n\n' "$*" >&2; }
die() { printf '\n!!! ERROR: %s\n\n' "$*" >&2; exit 1; }
is_root() { [[ $(id -u) -eq 0 ]]; }
is_ci() { [[ ${CI:-} == true || ${CI:-} == 1 ]]; }
now_ms() {
    if [[ -n ${EPOCHREALTIME:-} ]]; then local t=${EPOCHREALTIME/,/.}; echo $(( ${t%.*} * 1000 + 10#${t#*.} / 1000 ))
    else echo $(( SECONDS * 1000 )); fi
}
fmt_ms() { printf '%d.%ds' $(( $1 / 1000 )) $(( $1 % 1000 / 100 )); }

# ---- summary (printed on exit, success or failure) -------------------------------------------------
SUMMARY=()
CURRENT_STEP=""
step_begin() { CURRENT_STEP=$1; log "$1"; }
step_end() { SUMMARY+=("$(printf '%-12s %s' "$CURRENT_STEP" "$1")"); CURRENT_STEP=""; }

# ---- PostgreSQL state, cleaned up by the EXIT trap -------------------------------------------------
PG_BIN="" PG_USER="" PG_TMP="" PG_DATA="" PG_PID=""
AS_PG=() # command prefix that runs a command as the PostgreSQL user

as_pg() { "${AS_PG[@]}" "$@"; }

stop_postgres_server() {
    if [[ -n $PG_DATA && -f $PG_DATA/postmaster.pid ]]; then
        if ! (cd / && as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w -t 30 -s stop) >/dev/null 2>&1; then
            local pid
            pid=$(head -n 1 "$PG_DATA/postmaster.pid" 2>/dev/null || true)
            if [[ $pid =~ ^[0-9]+$ ]]; then kill -KILL "$pid" 2>/dev/null || true; fi
        fi
    elif [[ -n $PG_PID ]]; then # still starting up (no pid file yet): kill it by process id
        pkill -KILL -P "$PG_PID" 2>/dev/null || true
        kill -KILL "$PG_PID" 2>/dev/null || true
    fi
    if [[ -n $PG_PID ]]; then
        wait "$PG_PID" 2>/dev/null || true
        PG_PID=""
    fi
}

stop_postgres() {
    stop_postgres_server
    if [[ -n $PG_TMP ]]; then rm -rf "$PG_TMP"; fi
    PG_DATA="" PG_TMP=""
}

cleanup() {
    local rc=$?
    set +e
    stop_postgres
    if [[ -n $CURRENT_STEP ]]; then SUMMARY+=("$(printf '%-12s FAILED' "$CURRENT_STEP")"); fi
    echo
    echo "==================== MockLoop test summary ===================="
    local line
    for line in "${SUMMARY[@]}"; do echo "  $line"; done
    if [[ $rc -eq 0 ]]; then echo "  RESULT: PASSED"; else echo "  RESULT: FAILED (exit $rc)"; fi
    echo "==============================================================="
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

APT_UPDATED=0
apt_install() { # apt_install PKG... (root on Debian/Ubuntu only)
    is_root && command -v apt-get >/dev/null || return 1
    export DEBIAN_FRONTEND=noninteractive
    if [[ $APT_UPDATED -eq 0 ]]; then
        apt-get update -qq </dev/null || return 1
        APT_UPDATED=1
    fi
    apt-get install -y -qq --no-install-recommends "$@" </dev/null
}

# ---- 1. Python checks --------------------------------------------------------------------------------
ensure_python() {
    if ! command -v python3 >/dev/null; then
        log "python3 not found; installing it"
        apt_install python3 python3-yaml || die "python3 is required (install python3 and PyYAML)"
    fi
    python3 -c 'import yaml' 2>/dev/null && return 0
    log "PyYAML not importable; installing it"
    local out
    out=$(PIP_ROOT_USER_ACTION=ignore python3 -m pip install --quiet --disable-pip-version-check pyyaml 2>&1) || true
    python3 -c 'import yaml' 2>/dev/null && return 0
    # Debian's system python refuses pip installs (PEP 668): use the distribution package instead.
    apt_install python3-yaml >/dev/null || true
    python3 -c 'import yaml' 2>/dev/null && return 0
    printf '%s\n' "$out" >&2
    die "cannot import yaml: install PyYAML for $(command -v python3) (pip install pyyaml)"
}

step_begin "python"
ensure_python
python_out=$(python3 scripts/check_reference_solutions.py 2>&1) || { printf '%s\n' "$python_out"; exit 1; }
printf '%s\n' "$python_out"
step_end "ok ($(printf '%s\n' "$python_out" | grep -o 'check_reference_solutions: .*' | tail -n 1 || true))"

# ---- 2. Throwaway PostgreSQL -------------------------------------------------------------------------
find_pg_bindir() {
    local d
    for d in "${MOCKLOOP_PG_BINDIR:-}" \
        "$( (ls -d /usr/lib/postgresql/*/bin 2>/dev/null || true) | sort -V | tail -n 1)" \
        "$(pg_config --bindir 2>/dev/null || true)" \
        "$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/initdb)")"; do
        if [[ -n $d && -x $d/initdb && -x $d/pg_ctl && -x $d/postgres ]]; then echo "$d"; return 0; fi
    done
    return 1
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Runs in an `if`, where set -e does not apply: every step checks its own status.
start_postgres() {
    if ! PG_BIN=$(find_pg_bindir); then
        if is_root && command -v apt-get >/dev/null; then
            log "PostgreSQL server not found; installing it with apt-get"
            # No default cluster on port 5432: this script starts its own server.
            mkdir -p /etc/postgresql-common/createcluster.d &&
                echo 'create_main_cluster = false' >/etc/postgresql-common/createcluster.d/mockloop-no-main-cluster.conf
            apt_install postgresql || { echo "apt-get install postgresql failed" >&2; return 1; }
        fi
        PG_BIN=$(find_pg_bindir) || { echo "no PostgreSQL server binaries (initdb, pg_ctl, postgres) found" >&2; return 1; }
    fi

    if is_root; then # initdb and postgres refuse to run as root
        if ! id -u "$PG_SYSTEM_USER" >/dev/null 2>&1; then
            useradd --system --user-group --no-create-home --home-dir /nonexistent \
                --shell /usr/sbin/nologin "$PG_SYSTEM_USER" || { echo "cannot create user $PG_SYSTEM_USER" >&2; return 1; }
        fi
        PG_USER=$PG_SYSTEM_USER
        if command -v runuser >/dev/null; then AS_PG=(runuser -u "$PG_USER" --)
        else AS_PG=(setpriv --reuid="$PG_USER" --regid="$PG_USER" --init-groups --); fi
    else
        AS_PG=(env)
    fi

    PG_TMP=$(mktemp -d "${TMPDIR:-/tmp}/mockloop-pg.XXXXXX") || return 1
    if [[ -n $PG_USER ]]; then
        chown "$PG_USER:" "$PG_TMP" || return 1
        if ! as_pg test -w "$PG_TMP"; then # e.g. TMPDIR inside /root
            rm -rf "$PG_TMP"
            PG_TMP=$(mktemp -d /tmp/mockloop-pg.XXXXXX) && chown "$PG_USER:" "$PG_TMP" || return 1
        fi
    fi
    PG_DATA=$PG_TMP/data
    local sock=$PG_TMP/sock logfile=$PG_TMP/postgres.log
    as_pg mkdir -m 700 "$sock" || return 1

    (cd "$PG_TMP" && as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust \
        --encoding=UTF8 --no-locale --no-sync) >"$PG_TMP/initdb.log" 2>&1 ||
        { cat "$PG_TMP/initdb.log" >&2; return 1; }
    cat >>"$PG_DATA/postgresql.conf" <<EOF

# scripts/test.sh: a throwaway server for tests
listen_addresses = '127.0.0.1'
unix_socket_directories = '$sock'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
EOF

    # The postmaster runs as a child of this script (not daemonized by pg_ctl), so the script itself
    # reaps it on exit and no orphan is left behind.
    local isready=$PG_BIN/pg_isready attempt port deadline
    [[ -x $isready ]] || isready=pg_isready
    for attempt in 1 2 3; do
        port=$(free_port) || return 1
        (cd "$PG_TMP" && exec "${AS_PG[@]}" "$PG_BIN/postgres" -D "$PG_DATA" -p "$port") </dev/null >"$logfile" 2>&1 &
        PG_PID=$!
        deadline=$(( $(now_ms) + 60000 ))
        while kill -0 "$PG_PID" 2>/dev/null && (( $(now_ms) < deadline )); do
            if "$isready" -q -h 127.0.0.1 -p "$port" -U postgres -t 5; then
                MOCKLOOP_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$port/postgres"
                return 0
            fi
            sleep 0.05
        done
        echo "PostgreSQL did not start on port $port (attempt $attempt):" >&2
        tail -n 20 "$logfile" >&2 2>/dev/null
        stop_postgres_server
    done
    return 1
}

step_begin "postgresql"
pg_start_ms=$(now_ms)
if start_postgres; then
    export MOCKLOOP_TEST_POSTGRES_URL
    pg_elapsed=$(fmt_ms $(( $(now_ms) - pg_start_ms )))
    psql_bin=$PG_BIN/psql
    [[ -x $psql_bin ]] || psql_bin=psql
    version=$("$psql_bin" "$MOCKLOOP_TEST_POSTGRES_URL" -XAtqc 'select version()' </dev/null) ||
        die "PostgreSQL started but '$MOCKLOOP_TEST_POSTGRES_URL' does not answer queries"
    log "PostgreSQL ready in $pg_elapsed at $MOCKLOOP_TEST_POSTGRES_URL (${version%% on *})"
    step_end "ok (${version%% on *}, started in $pg_elapsed, ${MOCKLOOP_TEST_POSTGRES_URL})"
else
    stop_postgres
    if is_ci; then
        die "PostgreSQL is required when CI=true, but could not be set up (see above)"
    fi
    unset MOCKLOOP_TEST_POSTGRES_URL
    warn "PostgreSQL is not available: ONLY THE SQLITE HALF of the store/web tests will run.
!!! Install PostgreSQL (e.g. apt-get install postgresql) or set MOCKLOOP_PG_BINDIR to test both."
    step_end "SKIPPED (not available; SQLite only)"
fi

# ---- 3. Code sandbox ---------------------------------------------------------------------------------
# The runner tests use the real sandbox (bubblewrap, prlimit/setpriv from util-linux) and the real
# interpreters and compilers: Python 3, Node.js, g++ and the Swift toolchain.
step_begin "sandbox"
missing=()
command -v bwrap >/dev/null || missing+=(bubblewrap)
command -v prlimit >/dev/null && command -v setpriv >/dev/null || missing+=(util-linux)
[[ -x /usr/bin/python3 ]] || missing+=(python3)
[[ -x /usr/bin/node || -x /usr/bin/nodejs ]] || missing+=(nodejs)
command -v g++ >/dev/null || missing+=(g++)
if ((${#missing[@]})); then
    log "installing ${missing[*]} for the code runner"
    apt_install "${missing[@]}" >/dev/null || die "the code runner tests need: ${missing[*]} (apt-get install ${missing[*]})"
fi
step_end "ok ($(bwrap --version))"

# ---- 4. Swift ----------------------------------------------------------------------------------------
step_begin "swift"
if [[ ${MOCKLOOP_SKIP_SWIFT:-} == 1 ]]; then
    log "MOCKLOOP_SKIP_SWIFT=1: skipping swift build and swift test"
    step_end "SKIPPED (MOCKLOOP_SKIP_SWIFT=1)"
else
    command -v swift >/dev/null || die "swift is not installed (or not on PATH)"
    # Style is part of the build: .swift-format holds the rules (without --strict lint never fails).
    swift format lint --strict --recursive Sources Tests Benchmarks Package.swift ||
        die "swift format lint found style problems (fix them with: swift format -i -r Sources Tests Benchmarks Package.swift)"
    swift build --build-tests
    if (($#)); then
        swift test "$@"
    else
        # The runner's abuse tests time each hostile submission against its wall limit: they run
        # on their own, after the rest, so the other suites' load does not skew those figures.
        swift test --skip MockLoopRunnerTests
        swift test --filter MockLoopRunnerTests
    fi
    step_end "ok (swift test${*:+ $*})"
fi

# ---- 5. Browser tests (hook) -------------------------------------------------------------------------
run_e2e() {
    if [[ ${MOCKLOOP_SKIP_E2E:-} == 1 ]]; then
        step_end "SKIPPED (MOCKLOOP_SKIP_E2E=1)"
    elif [[ ${MOCKLOOP_SKIP_SWIFT:-} == 1 ]]; then # they drive the freshly built binary
        step_end "SKIPPED (MOCKLOOP_SKIP_SWIFT=1)"
    elif [[ -f Tests/e2e/run.sh ]]; then
        bash Tests/e2e/run.sh
        step_end "ok"
    else
        step_end "none (no Tests/e2e/run.sh)"
    fi
}
step_begin "e2e"
run_e2e
