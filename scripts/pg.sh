#!/usr/bin/env bash
# PostgreSQL helpers for WorkPlan's own local clusters (app: scripts/run.sh, tests: scripts/test.sh).
#
# Source it (`. scripts/pg.sh`) to get the functions, or call it:
#   scripts/pg.sh install                          install PostgreSQL with apt when missing
#   scripts/pg.sh bindir                           print the PostgreSQL bin dir (prefers 15)
#   scripts/pg.sh ensure DATADIR PORT [DB] [-c name=value ...]
#                                                  create/start the cluster, wait, create DB
#   scripts/pg.sh start  DATADIR PORT [-c name=value ...]   create-if-missing + start-if-not-running
#   scripts/pg.sh stop   DATADIR                   stop the cluster (fast shutdown)
#   scripts/pg.sh drop   DATADIR                   stop the cluster (immediate) and delete its data dir
#   scripts/pg.sh status DATADIR                   exit 0 when the cluster is running
#   scripts/pg.sh wait   PORT [SECONDS]            wait until 127.0.0.1:PORT accepts connections
#   scripts/pg.sh createdb PORT NAME               create database NAME when missing
#
# Clusters: listen on 127.0.0.1 only, Unix socket inside the data dir, UTF8, locale C.UTF-8,
# superuser `postgres`, trust auth (local connections only). As root, initdb/pg_ctl run as the
# `postgres` OS user (initdb refuses root); as a normal user they run as that user.
# The functions return non-zero on failure (they never `exit`), with or without `set -e`.

# Print a message on stderr.
pg_log() { printf 'pg.sh: %s\n' "$*" >&2; }

# Run a command as root (directly, or through sudo).
pg_as_root() {
    if [[ $(id -u) -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        pg_log "need root (or sudo) to run: $*"
        return 1
    fi
}

# apt-get install the given packages (apt-get update once per shell first).
pg_apt_install() {
    if ! command -v apt-get >/dev/null 2>&1; then
        pg_log "apt-get not found; install these packages yourself: $*"
        return 1
    fi
    if [[ -z ${_PG_APT_UPDATED:-} ]]; then
        pg_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q || return 1
        _PG_APT_UPDATED=1
    fi
    pg_as_root env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -q --no-install-recommends "$@"
}

# Print the bin dir of the installed PostgreSQL (PG_BINDIR wins; then 15; then the newest).
pg_bindir() {
    if [[ -n ${PG_BINDIR:-} ]]; then
        if [[ -x $PG_BINDIR/initdb ]]; then
            printf '%s\n' "$PG_BINDIR"
            return 0
        fi
        pg_log "PG_BINDIR=$PG_BINDIR has no initdb"
        return 1
    fi
    if [[ -x /usr/lib/postgresql/15/bin/initdb ]]; then
        printf '%s\n' /usr/lib/postgresql/15/bin
        return 0
    fi
    local d best='' bestv=0 v
    for d in /usr/lib/postgresql/*/bin; do
        [[ -x $d/initdb ]] || continue
        v=${d#/usr/lib/postgresql/}
        v=${v%%/*}
        if [[ $v =~ ^[0-9]+$ ]] && ((v > bestv)); then
            bestv=$v
            best=$d
        fi
    done
    [[ -n $best ]] || return 1
    printf '%s\n' "$best"
}

# Install PostgreSQL with apt when no initdb is found; sets PG_BIN.
pg_ensure_installed() {
    if PG_BIN=$(pg_bindir 2>/dev/null); then
        return 0
    fi
    pg_log "PostgreSQL server binaries not found; installing the 'postgresql' package with apt"
    pg_apt_install postgresql || return 1
    if ! PG_BIN=$(pg_bindir); then
        pg_log "PostgreSQL still not found under /usr/lib/postgresql/*/bin after apt-get install"
        return 1
    fi
}

# runuser (util-linux) lives in /usr/sbin, which a root PATH may lack.
_pg_runuser() {
    local r
    r=$(command -v runuser 2>/dev/null) || r=/usr/sbin/runuser
    [[ -x $r ]] || r=/sbin/runuser
    "$r" "$@"
}

# Run a command as the cluster's OS user (postgres when we are root), from a neutral cwd.
pg_as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        (cd / && _pg_runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

# Absolute path without requiring it to exist.
_pg_abspath() {
    local p=$1
    [[ $p == /* ]] || p="$PWD/$p"
    realpath -m -- "$p"
}

# Create the missing folders of DIR (mode 755, so `postgres` can traverse them).
_pg_mkdir_traversable() {
    local dir=$1 path='' part
    local -a parts
    IFS=/ read -r -a parts <<<"${dir#/}"
    for part in "${parts[@]}"; do
        [[ -n $part ]] || continue
        path="$path/$part"
        if [[ ! -d $path ]]; then
            mkdir -- "$path" && chmod 755 -- "$path" || return 1
        fi
    done
}

# PID of the postmaster of DATADIR when it is really running, else return 1.
pg_running_pid() {
    local datadir=$1 pid comm
    [[ -f $datadir/postmaster.pid ]] || return 1
    pid=$(head -n 1 -- "$datadir/postmaster.pid" 2>/dev/null) || return 1
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    [[ -r /proc/$pid/comm ]] || return 1
    comm=$(cat "/proc/$pid/comm" 2>/dev/null) || return 1
    [[ $comm == postgres* ]] || return 1
    # A killed postmaster may linger as a zombie when nothing reaps it (e.g. in a container).
    [[ $(sed -E 's/^.*\) ([A-Za-z]).*/\1/' "/proc/$pid/stat" 2>/dev/null) != Z ]] || return 1
    printf '%s\n' "$pid"
}

# Exit 0 when the cluster in DATADIR is running.
pg_status() {
    local datadir
    datadir=$(_pg_abspath "${1:?usage: pg_status DATADIR}")
    pg_running_pid "$datadir" >/dev/null
}

# Remove a postmaster.pid (and socket lock files) left behind by a server that is gone
# (e.g. after a reboot or a kill -9). PostgreSQL refuses to start if the stale PID has been
# reused by another process, so do not rely on it sorting that out.
_pg_clean_stale() {
    local datadir=$1 f
    [[ -f $datadir/postmaster.pid ]] || return 0
    pg_running_pid "$datadir" >/dev/null && return 0
    pg_log "removing stale $datadir/postmaster.pid"
    pg_as_owner rm -f -- "$datadir/postmaster.pid" || return 1
    for f in "$datadir"/.s.PGSQL.*; do
        [[ -e $f ]] && pg_as_owner rm -f -- "$f"
    done
    return 0
}

# Show the end of the server log (after a failed start).
_pg_show_log() {
    local datadir=$1
    if [[ -f $datadir/server.log ]]; then
        pg_log "last lines of $datadir/server.log:"
        tail -n 20 -- "$datadir/server.log" >&2
    fi
}

# pg_ensure_cluster DATADIR PORT [server options...]
# Create the cluster when DATADIR is missing or empty, and start it when not running.
# Extra arguments are postgres server options, e.g. -c fsync=off -c synchronous_commit=off.
# A cluster already running with other options (e.g. another port) is restarted.
pg_ensure_cluster() {
    local datadir port
    datadir=$(_pg_abspath "${1:?usage: pg_ensure_cluster DATADIR PORT [options...]}")
    port=${2:?usage: pg_ensure_cluster DATADIR PORT [options...]}
    shift 2
    [[ $port =~ ^[0-9]+$ ]] || { pg_log "bad port: $port"; return 1; }
    pg_ensure_installed || return 1

    local parent existing
    parent=$(dirname -- "$datadir")
    if [[ $(id -u) -eq 0 ]]; then
        # The folders above the data dir must be traversable by `postgres` (those we create are).
        existing=$parent
        while [[ ! -d $existing ]]; do existing=$(dirname -- "$existing"); done
        if ! _pg_runuser -u postgres -- test -x "$existing"; then
            pg_log "the 'postgres' user cannot reach $existing (a folder on the way is not"
            pg_log "traversable); use a data dir outside /root, e.g. under /var/lib or /tmp"
            return 1
        fi
    fi
    _pg_mkdir_traversable "$parent" || { pg_log "cannot create $parent"; return 1; }
    if [[ ! -d $datadir ]]; then
        mkdir -m 700 -- "$datadir" || { pg_log "cannot create $datadir"; return 1; }
    fi
    if [[ $(id -u) -eq 0 ]]; then
        if [[ ! -f $datadir/PG_VERSION ]] && [[ $(stat -c %U -- "$datadir") != postgres ]]; then
            chown postgres:postgres -- "$datadir" || return 1
        fi
    fi

    # Create the cluster.
    if [[ ! -f $datadir/PG_VERSION ]]; then
        if [[ -n $(ls -A -- "$datadir") ]]; then
            pg_log "$datadir is not empty and holds no PostgreSQL cluster; refusing to touch it"
            return 1
        fi
        pg_log "creating a PostgreSQL cluster in $datadir"
        pg_as_owner chmod 700 -- "$datadir" || return 1
        pg_as_owner "$PG_BIN/initdb" -D "$datadir" -U postgres -A trust -E UTF8 \
            --locale=C.UTF-8 >"${TMPDIR:-/tmp}/workplan-initdb-$(id -u).log" 2>&1 || {
            pg_log "initdb failed:"
            cat -- "${TMPDIR:-/tmp}/workplan-initdb-$(id -u).log" >&2
            return 1
        }
    fi

    # Same major version as the binaries?
    local have want
    have=$(cat -- "$datadir/PG_VERSION")
    want=$("$PG_BIN/pg_ctl" --version | sed -E 's/^[^0-9]*([0-9]+).*/\1/')
    if [[ $have != "$want" ]]; then
        pg_log "$datadir holds a PostgreSQL $have cluster but the binaries in $PG_BIN are $want"
        pg_log "(install postgresql-$have, set PG_BINDIR, or move the data dir away)"
        return 1
    fi

    # Unix socket inside the data dir, unless the path is too long for a socket (107 bytes).
    local sockdir=$datadir
    if (( ${#datadir} + 20 > 107 )); then
        pg_log "data dir path too long for a Unix socket; listening on TCP only"
        sockdir=''
    fi

    local opts="-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='$sockdir'"
    if (($# > 0)); then
        opts="$opts $*"
    fi

    # Already running? Reuse it when it was started with the same options, else restart it.
    # (workplan.opts records the options of the last start by this script.)
    local running_opts=''
    if pg_running_pid "$datadir" >/dev/null; then
        running_opts=$(cat -- "$datadir/workplan.opts" 2>/dev/null || true)
        if [[ $running_opts == "$opts" ]]; then
            pg_wait_ready "$port" 30 || return 1
            return 0
        fi
        pg_log "cluster in $datadir runs with other options; restarting it with: $opts"
        pg_as_owner "$PG_BIN/pg_ctl" -D "$datadir" -m fast -w -t 60 stop >/dev/null || return 1
    fi
    _pg_clean_stale "$datadir" || return 1

    printf '%s\n' "$opts" | pg_as_owner tee -- "$datadir/workplan.opts" >/dev/null || return 1
    if ! pg_as_owner "$PG_BIN/pg_ctl" -D "$datadir" -l "$datadir/server.log" -w -t 60 \
        -o "$opts" start >/dev/null; then
        pg_log "could not start PostgreSQL in $datadir on port $port"
        _pg_show_log "$datadir"
        return 1
    fi
    pg_wait_ready "$port" 30 || { _pg_show_log "$datadir"; return 1; }
    pg_log "PostgreSQL running: $datadir on 127.0.0.1:$port"
}

# pg_wait_ready PORT [SECONDS]: wait until the server on 127.0.0.1:PORT accepts connections.
pg_wait_ready() {
    local port=${1:?usage: pg_wait_ready PORT [SECONDS]} secs=${2:-30} i
    [[ -n ${PG_BIN:-} ]] || pg_ensure_installed || return 1
    for ((i = 0; i < secs * 5; i++)); do
        if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres; then
            return 0
        fi
        sleep 0.2
    done
    pg_log "PostgreSQL on 127.0.0.1:$port not ready after ${secs}s"
    return 1
}

# pg_ensure_database PORT NAME: create database NAME when missing.
pg_ensure_database() {
    local port=${1:?usage: pg_ensure_database PORT NAME} name=${2:?usage: pg_ensure_database PORT NAME}
    [[ -n ${PG_BIN:-} ]] || pg_ensure_installed || return 1
    if [[ ! $name =~ ^[A-Za-z_][A-Za-z0-9_-]*$ ]]; then
        pg_log "bad database name: $name"
        return 1
    fi
    local found
    found=$("$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -tA \
        -c "SELECT 1 FROM pg_database WHERE datname = '$name'") || return 1
    if [[ $found != 1 ]]; then
        "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres -E UTF8 -T template0 \
            --locale=C.UTF-8 -- "$name" || return 1
        pg_log "created database $name"
    fi
}

# pg_stop DATADIR: fast shutdown when running.
pg_stop() {
    local datadir
    datadir=$(_pg_abspath "${1:?usage: pg_stop DATADIR}")
    pg_running_pid "$datadir" >/dev/null || return 0
    [[ -n ${PG_BIN:-} ]] || pg_ensure_installed || return 1
    pg_as_owner "$PG_BIN/pg_ctl" -D "$datadir" -m fast -w -t 60 stop >/dev/null
}

# pg_drop DATADIR: stop a throwaway cluster at once and delete its data dir. Refuses a folder that
# holds something other than a cluster; a missing folder is already dropped.
pg_drop() {
    local datadir pid
    datadir=$(_pg_abspath "${1:?usage: pg_drop DATADIR}")
    [[ -e $datadir ]] || return 0
    if [[ ! -f $datadir/PG_VERSION && -n $(ls -A -- "$datadir" 2>/dev/null) ]]; then
        pg_log "$datadir holds no PostgreSQL cluster; refusing to delete it"
        return 1
    fi
    if pid=$(pg_running_pid "$datadir"); then
        [[ -n ${PG_BIN:-} ]] || pg_ensure_installed || return 1
        pg_as_owner "$PG_BIN/pg_ctl" -D "$datadir" -m immediate -w -t 30 stop >/dev/null 2>&1 ||
            kill -9 "$pid" 2>/dev/null || true
    fi
    rm -rf -- "$datadir"
}

# pg_ensure DATADIR PORT [DB] [server options...]: cluster up, ready, and DB present.
pg_ensure() {
    local datadir=${1:?usage: pg_ensure DATADIR PORT [DB] [options...]}
    local port=${2:?usage: pg_ensure DATADIR PORT [DB] [options...]} db=''
    shift 2
    if (($# > 0)) && [[ $1 != -* ]]; then
        db=$1
        shift
    fi
    pg_ensure_cluster "$datadir" "$port" "$@" || return 1
    pg_wait_ready "$port" 30 || return 1
    if [[ -n $db ]]; then
        pg_ensure_database "$port" "$db" || return 1
    fi
}

# Called rather than sourced: dispatch a sub-command.
if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
    set -euo pipefail
    cmd=${1:-}
    shift || true
    case $cmd in
        install) pg_ensure_installed && printf '%s\n' "$PG_BIN" ;;
        bindir) pg_bindir ;;
        ensure) pg_ensure "$@" ;;
        start) pg_ensure_cluster "$@" ;;
        stop) pg_stop "$@" ;;
        drop) pg_drop "$@" ;;
        status) pg_status "$@" ;;
        wait) pg_wait_ready "$@" ;;
        createdb) pg_ensure_database "$@" ;;
        *)
            sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2
            exit 2
            ;;
    esac
fi
