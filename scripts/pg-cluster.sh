#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the database-source tests and benchmarks (Debian's
# postgresql package). Nothing of the machine's own clusters is touched.
#
#   scripts/pg-cluster.sh start DIR   creates the cluster in DIR (when new) and starts it on a free
#                                      port of 127.0.0.1; prints its URL, also written to DIR/url (no
#                                      password: it is in DIR/password, readable by the owner only)
#   scripts/pg-cluster.sh stop DIR    stops it (DIR stays; rm -rf it to start afresh)
#
# PostgreSQL refuses to run as root: as root, the cluster runs as the `postgres` user the package
# creates. The superuser is `crm_audit`, with a random password (scram-sha-256 on every connection).
set -euo pipefail
action=${1:-}
dir=${2:-}
if [ -z "$action" ] || [ -z "$dir" ]; then
  echo "usage: $0 start|stop DIR" >&2
  exit 2
fi
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "PostgreSQL is not installed: sudo apt-get install postgresql" >&2
  exit 1
fi
as_owner=()
if [ "$(id -u)" -eq 0 ]; then as_owner=(runuser -u postgres --); fi
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
[ ${#as_owner[@]} -eq 0 ] || chown postgres "$dir"

# The server runs on after this script: it must not keep open a descriptor the caller waits on
# (a test harness's pipe), so every descriptor past standard error is closed first.
for fd in /proc/$$/fd/*; do
  fd=${fd##*/}
  if [ "$fd" -gt 2 ] 2>/dev/null && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done

case "$action" in
start)
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$dir/password"
    chmod 600 "$dir/password"
    [ ${#as_owner[@]} -eq 0 ] || chown postgres "$dir/password"
    "${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U crm_audit --pwfile="$dir/password" -A scram-sha-256 \
      -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  fi
  if [ -f "$dir/port" ] && "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    port=$(cat "$dir/port")
  else
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    echo "$port" > "$dir/port"
    "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/data/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_parallel_workers_per_gather=2" start >/dev/null \
      || { cat "$dir/data/server.log" >&2; exit 1; }
  fi
  echo "postgresql://crm_audit@127.0.0.1:$port/postgres" | tee "$dir/url"
  ;;
stop)
  [ -f "$dir/data/PG_VERSION" ] && "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  ;;
*)
  echo "usage: $0 start|stop DIR" >&2
  exit 2
  ;;
esac
