#!/usr/bin/env bash
# Runs every test of WorkPlan.sln against a throwaway local PostgreSQL cluster.
#
#   scripts/test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Plans]
#
# - Cluster: /tmp/workplan-test-pg-$UID on 127.0.0.1:55433 (fsync off), created on first use,
#   reused while it runs, recreated when broken. Override with WORKPLAN_TEST_PGDATA /
#   WORKPLAN_TEST_PGPORT, or skip it by setting WORKPLAN_TEST_DB yourself.
# - Exports WORKPLAN_TEST_DB=Host=127.0.0.1;Port=55433;Username=postgres for the tests.
# - Installs chromium, poppler-utils, LibreOffice Calc and nginx with apt when missing (browser, PDF,
#   month's-sheet tests: an uploaded sheet re-saved by LibreOffice; two instances behind nginx).
# - Output is also written to /tmp/workplan-test-$UID.log (WORKPLAN_TEST_LOG).
# - The last line is always `N passed, N failed, N skipped` (summed over the test assemblies).
#   Exit status is non-zero when dotnet test failed, a test failed, or no test ran.
#   WORKPLAN_TEST_SUMMARIZE=LOG only prints that line for an existing log (no tests run).
set -euo pipefail

REPO=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"
# shellcheck source=pg.sh source-path=SCRIPTDIR
. "$REPO/scripts/pg.sh"

# Print "PASSED FAILED SKIPPED" summed over dotnet test's per-assembly lines, e.g.
#   Passed!  - Failed:     0, Passed:    42, Skipped:     0, Total:    42, Duration: 1 s - X.dll
summarize_counts() {
    local log=$1
    sed -E 's/\x1b\[[0-9;]*[A-Za-z]//g' -- "$log" |
        { grep -E '^ *(Passed|Failed)! +- +Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' || true; } |
        sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\1 \2 \3/' |
        awk '{ f += $1; p += $2; s += $3 } END { printf "%d %d %d\n", p, f, s }'
}

# finish RC LOG: print the summary as the very last line and exit accordingly.
finish() {
    local rc=$1 log=$2 passed=0 failed=0 skipped=0 status=0
    if [[ -f $log ]]; then
        read -r passed failed skipped < <(summarize_counts "$log")
    fi
    if ((rc != 0)); then
        echo "test.sh: dotnet test exited with status $rc" >&2
        status=1
        # A project that did not build or run reports no test line: count it as a failure, so the
        # summary never reads green when part of the suite did not run.
        if ((failed == 0)); then
            failed=1
        fi
    fi
    if ((failed > 0)); then
        echo "test.sh: $failed test(s) failed (log: $log)" >&2
        status=1
    fi
    if ((passed == 0)); then
        echo "test.sh: no test passed (none ran?)" >&2
        status=1
    fi
    printf '%d passed, %d failed, %d skipped\n' "$passed" "$failed" "$skipped"
    exit "$status"
}

# Set-up failed before any test ran: explain, then still end with the summary line.
die() {
    echo "test.sh: $*" >&2
    printf '0 passed, 0 failed, 0 skipped\n'
    exit 1
}

if [[ -n ${WORKPLAN_TEST_SUMMARIZE:-} ]]; then
    [[ -f $WORKPLAN_TEST_SUMMARIZE ]] || die "no such log: $WORKPLAN_TEST_SUMMARIZE"
    finish 0 "$WORKPLAN_TEST_SUMMARIZE"
fi

# Chromium (browser tests, HTML-to-PDF), pdftotext/pdftoppm (PDF checks) and LibreOffice Calc
# (a month's sheet re-saved as a user's LibreOffice does); cached after the first install.
# Fonts: DejaVu and Liberation (Chromium is installed without "recommends").
ensure_chromium() {
    local -a pkgs=()
    [[ -x /usr/bin/chromium ]] || pkgs+=(chromium fonts-dejavu-core fonts-liberation)
    command -v pdftotext >/dev/null 2>&1 || pkgs+=(poppler-utils)
    command -v soffice >/dev/null 2>&1 || pkgs+=(libreoffice-calc-nogui)
    # nginx: the two-instances test (skipped without it); only its binary is used, never the system service.
    [[ -x /usr/sbin/nginx ]] || pkgs+=(nginx)
    ((${#pkgs[@]} > 0)) || return 0
    echo "test.sh: installing ${pkgs[*]} with apt (one-off, about a minute)" >&2
    if ! pg_apt_install "${pkgs[@]}"; then
        echo "test.sh: WARNING: could not install ${pkgs[*]}; browser/PDF tests may fail" >&2
    fi
}

# Throwaway cluster: start it, or wipe and recreate it when it will not come up.
ensure_test_db() {
    local datadir=${WORKPLAN_TEST_PGDATA:-/tmp/workplan-test-pg-$(id -u)}
    local port=${WORKPLAN_TEST_PGPORT:-55433}
    local -a opts=(-c fsync=off -c synchronous_commit=off -c full_page_writes=off
        -c max_connections=300)
    pg_ensure_installed || die "PostgreSQL is not installed and could not be installed"
    if ! pg_ensure "$datadir" "$port" "${opts[@]}"; then
        if [[ ! -f $datadir/PG_VERSION && $datadir != /tmp/workplan-test-pg-* ]]; then
            die "cannot use $datadir for the test cluster (not a cluster; not wiping it)"
        fi
        echo "test.sh: recreating the throwaway test cluster in $datadir" >&2
        local pid
        if pid=$(pg_running_pid "$datadir"); then
            pg_as_owner "$PG_BIN/pg_ctl" -D "$datadir" -m immediate -w -t 30 stop >/dev/null 2>&1 ||
                kill -9 "$pid" 2>/dev/null || true
        fi
        rm -rf -- "$datadir"
        pg_ensure "$datadir" "$port" "${opts[@]}" ||
            die "could not start the test PostgreSQL in $datadir on port $port"
    fi
    export WORKPLAN_TEST_DB="Host=127.0.0.1;Port=$port;Username=postgres"
}

command -v dotnet >/dev/null 2>&1 ||
    die "'dotnet' not found: install the .NET 10 SDK (https://dot.net) and put it on PATH"

ensure_chromium
if [[ -z ${WORKPLAN_TEST_DB:-} ]]; then
    ensure_test_db
fi
echo "test.sh: WORKPLAN_TEST_DB=$WORKPLAN_TEST_DB" >&2

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
LOG=${WORKPLAN_TEST_LOG:-/tmp/workplan-test-$(id -u).log}
: >"$LOG" || die "cannot write $LOG"

set +e
dotnet test WorkPlan.sln -c Release "$@" 2>&1 | tee "$LOG"
rc=${PIPESTATUS[0]}
set -e
finish "$rc" "$LOG"
