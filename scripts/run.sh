#!/usr/bin/env bash
# Runs WorkPlan with demo data on a local PostgreSQL cluster of its own.
#
#   scripts/run.sh            then open http://localhost:5080
#
# - Database: a cluster in /var/lib/workplan/pgdata (as root) or <repo>/.data/pgdata (as a
#   normal user) on 127.0.0.1:55432, database `workplan`; created on first use, kept across
#   runs and reboots. Override with WORKPLAN_PGDATA / WORKPLAN_PGPORT. The cluster keeps
#   running after the app stops; stop it with: scripts/pg.sh stop <data dir>
# - Set ConnectionStrings__WorkPlan yourself to use another server (no local cluster then).
# - ASPNETCORE_URLS (default http://localhost:5080), WorkPlan__DemoMode (default true) and
#   ASPNETCORE_ENVIRONMENT (default Production) can be overridden the same way.
# - The app applies its migrations at start-up.
set -euo pipefail

REPO=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"

if ! command -v dotnet >/dev/null 2>&1; then
    echo "run.sh: 'dotnet' not found: install the .NET 10 SDK (https://dot.net) and put it on PATH" >&2
    exit 1
fi

if [[ -z ${ConnectionStrings__WorkPlan:-} ]]; then
    # shellcheck source=pg.sh source-path=SCRIPTDIR
    . "$REPO/scripts/pg.sh"
    if [[ $(id -u) -eq 0 ]]; then
        PGDATA_DIR=${WORKPLAN_PGDATA:-/var/lib/workplan/pgdata}
    else
        PGDATA_DIR=${WORKPLAN_PGDATA:-$REPO/.data/pgdata}
    fi
    PGPORT_APP=${WORKPLAN_PGPORT:-55432}
    pg_ensure_installed || { echo "run.sh: PostgreSQL could not be installed" >&2; exit 1; }
    pg_ensure "$PGDATA_DIR" "$PGPORT_APP" workplan || {
        echo "run.sh: could not start PostgreSQL in $PGDATA_DIR on port $PGPORT_APP" >&2
        exit 1
    }
    export ConnectionStrings__WorkPlan="Host=127.0.0.1;Port=$PGPORT_APP;Database=workplan;Username=postgres"
    echo "run.sh: database: $PGDATA_DIR on 127.0.0.1:$PGPORT_APP (stop it: scripts/pg.sh stop $PGDATA_DIR)"
else
    echo "run.sh: using ConnectionStrings__WorkPlan from the environment (no local cluster)"
fi

# The key that encrypts the stored Data Protection keys: made once and kept beside the data (never in the repository).
if [[ -z ${DataProtection__KeyEncryptionKey:-} ]]; then
    KEY_FILE=${WORKPLAN_KEY_FILE:-${PGDATA_DIR:-$REPO/.data/pgdata}/../key-encryption-key}
    mkdir -p "$(dirname "$KEY_FILE")"
    [[ -s $KEY_FILE ]] || (umask 077 && head -c 32 /dev/urandom | base64 >"$KEY_FILE")
    DataProtection__KeyEncryptionKey=$(cat "$KEY_FILE")
    export DataProtection__KeyEncryptionKey
fi

export ASPNETCORE_URLS=${ASPNETCORE_URLS:-http://localhost:5080}
export WorkPlan__DemoMode=${WorkPlan__DemoMode:-true}
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Production}
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

echo
echo "WorkPlan: ${ASPNETCORE_URLS//;/ }"
if [[ ${WorkPlan__DemoMode,,} == true ]]; then
    # Demo accounts exist only in demo mode; their password is the one in DemoUserSeeder.cs.
    demo_password=$(sed -nE 's/.*const string Password = "([^"]+)".*/\1/p' src/WorkPlan.Infrastructure/Data/Seed/DemoUserSeeder.cs)
    echo "Demo accounts (password: $demo_password):"
    sed -nE 's/.*"userName": "([^"]+)".*"organisation": "([^"]+)", "role": "([^"]+)".*/  \1  (\3, \2)/p' \
        src/WorkPlan.Infrastructure/Data/Seed/demo-users.json
    echo "  and the Namangan and Samarqand regions' accounts (DemoTreeSeeder.cs; README.md, Demo accounts)"
fi
echo "(building and starting; Ctrl+C stops the app)"
echo
exec dotnet run --project src/WorkPlan.Web -c Release --no-launch-profile
