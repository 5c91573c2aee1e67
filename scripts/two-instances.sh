#!/usr/bin/env bash
# Runs WorkPlan as two instances on one local PostgreSQL behind nginx (round robin), as production would.
#
#   scripts/two-instances.sh          then open http://localhost:5090 (Ctrl+C stops everything but PostgreSQL)
#
# - Database: as scripts/run.sh (WORKPLAN_PGDATA / WORKPLAN_PGPORT, or ConnectionStrings__WorkPlan).
# - The app is built once (Release), migrated once with --migrate-only, then started twice with
#   WorkPlan__MigrateOnStartup=false on 127.0.0.1:5091 and :5092 (WORKPLAN_APP_PORTS="5091 5092 5093" for more).
# - nginx (Debian package `nginx`, installed with apt when missing) runs as this user's own process with the
#   config rendered from deploy/nginx/workplan.conf.template into WORKPLAN_NGINX_DIR (default /tmp/workplan-nginx-$UID),
#   listening on WORKPLAN_NGINX_PORT (default 5090). Each response names its instance in X-WorkPlan-Instance.
# - Rolling restart: kill -TERM <pid of one instance> (listed below); its requests in flight finish, nginx sends the
#   rest to the other one; start it again by hand with the printed command.
set -euo pipefail

REPO=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"
# shellcheck source=pg.sh source-path=SCRIPTDIR
. "$REPO/scripts/pg.sh"

NGINX_PORT=${WORKPLAN_NGINX_PORT:-5090}
read -r -a APP_PORTS <<<"${WORKPLAN_APP_PORTS:-5091 5092}"
NGINX_DIR=${WORKPLAN_NGINX_DIR:-/tmp/workplan-nginx-$(id -u)}

command -v dotnet >/dev/null 2>&1 || { echo "two-instances.sh: 'dotnet' not found" >&2; exit 1; }
NGINX=$(command -v nginx 2>/dev/null || echo /usr/sbin/nginx)
if [[ ! -x $NGINX ]]; then
    pg_apt_install nginx || { echo "two-instances.sh: could not install nginx" >&2; exit 1; }
fi

if [[ -z ${ConnectionStrings__WorkPlan:-} ]]; then
    if [[ $(id -u) -eq 0 ]]; then PGDATA_DIR=${WORKPLAN_PGDATA:-/var/lib/workplan/pgdata}; else PGDATA_DIR=${WORKPLAN_PGDATA:-$REPO/.data/pgdata}; fi
    PGPORT_APP=${WORKPLAN_PGPORT:-55432}
    pg_ensure_installed || exit 1
    pg_ensure "$PGDATA_DIR" "$PGPORT_APP" workplan || exit 1
    export ConnectionStrings__WorkPlan="Host=127.0.0.1;Port=$PGPORT_APP;Database=workplan;Username=postgres"
fi
if [[ -z ${DataProtection__KeyEncryptionKey:-} ]]; then
    KEY_FILE=${WORKPLAN_KEY_FILE:-${PGDATA_DIR:-$REPO/.data/pgdata}/../key-encryption-key}
    mkdir -p "$(dirname "$KEY_FILE")"
    [[ -s $KEY_FILE ]] || (umask 077 && head -c 32 /dev/urandom | base64 >"$KEY_FILE")
    DataProtection__KeyEncryptionKey=$(cat "$KEY_FILE")
    export DataProtection__KeyEncryptionKey
fi
export WorkPlan__DemoMode=${WorkPlan__DemoMode:-true} ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Production}
export ReverseProxy__Proxies=${ReverseProxy__Proxies:-127.0.0.1} AllowedHosts=${AllowedHosts:-localhost;127.0.0.1}
export WorkPlan__ShutdownDrainSeconds=${WorkPlan__ShutdownDrainSeconds:-2} DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

dotnet build src/WorkPlan.Web -c Release -o "$NGINX_DIR/app" -v q -nologo >/dev/null
DLL=$NGINX_DIR/app/WorkPlan.Web.dll
(cd "$NGINX_DIR/app" && dotnet "$DLL" --migrate-only)

pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

upstreams=""
for i in "${!APP_PORTS[@]}"; do
    port=${APP_PORTS[$i]}
    (cd "$NGINX_DIR/app" && WorkPlan__MigrateOnStartup=false WorkPlan__InstanceName="app$((i + 1))" \
        ASPNETCORE_URLS="http://127.0.0.1:$port" exec dotnet "$DLL" >"$NGINX_DIR/app$((i + 1)).log" 2>&1) &
    pids+=($!)
    echo "two-instances.sh: app$((i + 1)) on 127.0.0.1:$port, process $! (log $NGINX_DIR/app$((i + 1)).log)"
    upstreams+="server 127.0.0.1:$port max_fails=1 fail_timeout=5s; "
done

mkdir -p "$NGINX_DIR/logs" "$NGINX_DIR/tmp"
sed -e "s|\${WORKPLAN_LISTEN}|127.0.0.1:$NGINX_PORT|" -e "s|\${WORKPLAN_UPSTREAMS}|$upstreams|" \
    deploy/nginx/workplan.conf.template >"$NGINX_DIR/workplan.conf"
cat >"$NGINX_DIR/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/logs/error.log;
events { worker_connections 256; }
http {
    access_log $NGINX_DIR/logs/access.log;
    client_body_temp_path $NGINX_DIR/tmp/body;
    proxy_temp_path $NGINX_DIR/tmp/proxy;
    fastcgi_temp_path $NGINX_DIR/tmp/fastcgi;
    uwsgi_temp_path $NGINX_DIR/tmp/uwsgi;
    scgi_temp_path $NGINX_DIR/tmp/scgi;
    include $NGINX_DIR/workplan.conf;
}
CONF
for port in "${APP_PORTS[@]}"; do
    for _ in $(seq 120); do
        curl -fsS "http://127.0.0.1:$port/healthz/ready" >/dev/null 2>&1 && break
        sleep 1
    done
done
"$NGINX" -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf" &
pids+=($!)
echo "two-instances.sh: nginx on http://localhost:$NGINX_PORT, process $! (config $NGINX_DIR/nginx.conf)"
wait -n "${pids[@]}"
