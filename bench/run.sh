#!/usr/bin/env bash
# WorkPlan benchmarks: generates national datasets, serves the Release app against them, loads its key
# pages with wrk, measures the baselines (static file, hand-written SQL, MiniExcel, cold Chromium) and
# writes docs/PERFORMANCE.md.
#
#   bench/run.sh            full run (about 10-12 minutes on 2 cores): datasets 33x1, 186x1 and 186x3
#                           (districts x years); 1, 16 and 64 connections for 10 s each on 186x3
#   bench/run.sh --quick    smoke check (about 2 minutes): dataset 33x1, 1 and 16 connections for 2 s,
#                           writes the report to $BENCH_DIR/PERFORMANCE-quick.md instead of docs/
#
# Settings (environment): BENCH_DIR (work folder, default /tmp/workplan-bench-$UID), BENCH_PGPORT (55439),
# BENCH_APP_PORT (5089), BENCH_SECONDS (seconds per load run), BENCH_LEVELS (e.g. 1,16,64).
# The PostgreSQL cluster (BENCH_DIR/pgdata) is left running for the next run; stop it with
# `scripts/pg.sh stop $BENCH_DIR/pgdata`. The benchmark is not part of scripts/test.sh.
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
COMMAND_LINE="bench/run.sh${*:+ $*}"
QUICK=false
for arg in "$@"; do
  case $arg in
    --quick) QUICK=true ;;
    -h | --help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument $arg" >&2; exit 2 ;;
  esac
done

BENCH_DIR=${BENCH_DIR:-/tmp/workplan-bench-$(id -u)}
PGPORT=${BENCH_PGPORT:-55439}
APP_PORT=${BENCH_APP_PORT:-5089}
PGDATA_DIR=$BENCH_DIR/pgdata
APP_DIR=$BENCH_DIR/app
BENCH_DLL=$ROOT/bench/WorkPlan.Bench/bin/Release/net10.0/WorkPlan.Bench.dll
BASE_URL=http://127.0.0.1:$APP_PORT
CHROMIUM=${BENCH_CHROMIUM:-/usr/bin/chromium}

if $QUICK; then
  DATASETS=(33x1)
  LEVELS=${BENCH_LEVELS:-1,16}
  SECONDS_PER_RUN=${BENCH_SECONDS:-2}
  WARMUP=1
  SAVE_WORKERS=1,4
  ITERATIONS=5
  CHROMIUM_RUNS=2
  REPORT=$BENCH_DIR/PERFORMANCE-quick.md
else
  # The first dataset gets every concurrency and the baselines; the others are measured at 16 connections
  # for the cost-growth comparison (33 vs 186 districts, 1 vs 3 years; the measured region has 20 in each).
  DATASETS=(186x3 186x1 33x1)
  LEVELS=${BENCH_LEVELS:-1,16,64}
  SECONDS_PER_RUN=${BENCH_SECONDS:-10}
  WARMUP=2
  SAVE_WORKERS=1,16
  ITERATIONS=30
  CHROMIUM_RUNS=5
  REPORT=$ROOT/docs/PERFORMANCE.md
fi

log() { printf '\n== %s (%s)\n' "$*" "$(date +%T)"; }
die() { printf 'run.sh: %s\n' "$*" >&2; exit 1; }
START_TIME=$(date +%s)
LOAD_AT_START=$(cut -d" " -f1-3 /proc/loadavg)

# --- tools -------------------------------------------------------------------------------------------
command -v dotnet >/dev/null 2>&1 || die "'dotnet' not found: install the .NET 10 SDK"
apt_install() {
  if [[ $(id -u) -eq 0 ]]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >/dev/null 2>&1 ||
      { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >/dev/null; }
  else
    sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >/dev/null
  fi
}
command -v wrk >/dev/null 2>&1 || { log "installing wrk"; apt_install wrk; }
[[ -x $CHROMIUM ]] || { log "installing chromium"; apt_install chromium fonts-dejavu-core; }

# shellcheck source=../scripts/pg.sh
. "$ROOT/scripts/pg.sh"

APP_PID=''
cleanup() {
  if [[ -n $APP_PID ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  rm -rf -- "$APP_DIR/wwwroot/bench-static"
}
trap cleanup EXIT

mkdir -p -- "$BENCH_DIR"
chmod 755 -- "$BENCH_DIR"

log "PostgreSQL cluster on 127.0.0.1:$PGPORT ($PGDATA_DIR)"
pg_ensure "$PGDATA_DIR" "$PGPORT" -c shared_buffers=256MB -c max_connections=200 ||
  die "could not start PostgreSQL"

log "building the bench tool and publishing the app (Release)"
dotnet build "$ROOT/bench/WorkPlan.Bench/WorkPlan.Bench.csproj" -c Release -v q -nologo -clp:ErrorsOnly
dotnet publish "$ROOT/src/WorkPlan.Web/WorkPlan.Web.csproj" -c Release -o "$APP_DIR" -v q -nologo -clp:ErrorsOnly

connection() { echo "Host=127.0.0.1;Port=$PGPORT;Database=workplan_bench_$1;Username=postgres;Maximum Pool Size=100"; }

start_app() {
  local dataset=$1
  (
    cd "$APP_DIR"
    export ASPNETCORE_ENVIRONMENT=Production
    export ASPNETCORE_URLS=$BASE_URL
    export ConnectionStrings__WorkPlan
    ConnectionStrings__WorkPlan=$(connection "$dataset")
    export WorkPlan__DemoMode=false WorkPlan__MigrateOnStartup=true
    # The app's clock: 20 December of the last plan year (December open for entry, Q4 not submitted).
    export WorkPlan__Today=2024-12-20T10:00:00+05:00
    # The bench accounts sign in with a password alone (no authenticator app to drive from a script).
    export Security__RequireTwoFactor=false
    DataProtection__KeyEncryptionKey=$(head -c 32 /dev/urandom | base64)
    export DataProtection__KeyEncryptionKey
    export Pdf__ChromiumPath=$CHROMIUM
    exec dotnet WorkPlan.Web.dll >"$BENCH_DIR/app-$dataset.log" 2>&1
  ) &
  APP_PID=$!
  local i
  for ((i = 0; i < 120; i++)); do
    if curl -fsS "$BASE_URL/healthz" >/dev/null 2>&1; then
      return 0
    fi
    kill -0 "$APP_PID" 2>/dev/null || { tail -n 30 "$BENCH_DIR/app-$dataset.log" >&2; die "the app exited"; }
    sleep 0.5
  done
  tail -n 30 "$BENCH_DIR/app-$dataset.log" >&2
  die "the app did not answer /healthz within 60 s"
}

stop_app() {
  kill "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=''
}

RESULTS=()
first=true
for dataset in "${DATASETS[@]}"; do
  districts=${dataset%x*}
  years=${dataset#*x}
  log "dataset $dataset: generating ($districts districts, $years year(s))"
  dotnet "$BENCH_DLL" seed --connection "$(connection "$dataset")" --districts "$districts" --years "$years" \
    --save-workers 16 --manifest "$BENCH_DIR/manifest-$dataset.json"

  log "dataset $dataset: starting the app on $BASE_URL"
  start_app "$dataset"
  if $first; then
    levels=$LEVELS saves=$SAVE_WORKERS baselines=true
  else
    levels=16 saves=1 baselines=false
  fi

  log "dataset $dataset: measuring (connections $levels, ${SECONDS_PER_RUN}s each)"
  dotnet "$BENCH_DLL" measure --manifest "$BENCH_DIR/manifest-$dataset.json" --base "$BASE_URL" --app-pid "$APP_PID" \
    --webroot "$APP_DIR/wwwroot" --pages "$ROOT/bench/pages.tsv" --lua "$ROOT/bench/wrk/load.lua" \
    --levels "$levels" --seconds "$SECONDS_PER_RUN" --warmup "$WARMUP" --save-workers "$saves" --baselines "$baselines" \
    --connection "$(connection "$dataset")" --chromium "$CHROMIUM" --workdir "$BENCH_DIR/work-$dataset" \
    --out "$BENCH_DIR/results-$dataset.json" --iterations "$ITERATIONS" --chromium-runs "$CHROMIUM_RUNS"
  stop_app
  rm -rf -- "$APP_DIR/wwwroot/bench-static"
  RESULTS+=("$BENCH_DIR/results-$dataset.json")
  first=false
done

cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
ram=$(awk '/MemTotal/ {printf "%.0f GiB", $2/1024/1024}' /proc/meminfo)
pgv=$("$PG_BIN/postgres" --version | sed 's/.*) //')
machine="$(nproc) cores ($cpu), $ram RAM, $(uname -sr), .NET $(dotnet --version) SDK, PostgreSQL $pgv, $( (wrk --version 2>&1 || true) | head -1 | cut -d' ' -f1-2), load average at start $LOAD_AT_START"
log "writing $REPORT"
mkdir -p -- "$(dirname -- "$REPORT")"
dotnet "$BENCH_DLL" report --out "$REPORT" --command "$COMMAND_LINE" --machine "$machine" \
  --seconds "$(($(date +%s) - START_TIME))" "${RESULTS[@]}"
echo "run.sh: done in $(($(date +%s) - START_TIME)) s; report: $REPORT"
