#!/usr/bin/env bash
# A throw-away ClickHouse cluster for the database-source tests and benchmarks (Debian's
# clickhouse-server package): SHARDS servers (default 2) on free ports of 127.0.0.1, each with its
# own data folder, all named as the shards of one cluster `crm_audit`, so that a Distributed table
# on any of them reads the lines of all. Nothing of the machine's own server is touched.
#
#   scripts/ch-cluster.sh start DIR [SHARDS]   creates the servers in DIR (when new) and starts them;
#                                              prints the first one's HTTP address, also written to
#                                              DIR/url (no password: it is in DIR/password, owner only)
#   scripts/ch-cluster.sh stop DIR             stops them (DIR stays; rm -rf it to start afresh)
#
# The user is `crm_audit` with a random password (stored as its SHA-256 in the servers' users file);
# `crm_audit_reader`, with the same password, has a read-only profile (`readonly=1`), as a client's
# DBA would give the audit.
# As root the servers run as the `clickhouse` user the package creates.
set -euo pipefail
action=${1:-}
dir=${2:-}
shards=${3:-2}
if [ -z "$action" ] || [ -z "$dir" ] || ! [[ "$shards" =~ ^[1-9]$ ]]; then
  echo "usage: $0 start|stop DIR [SHARDS 1-9]" >&2
  exit 2
fi
server=$(command -v clickhouse-server || true)
if [ -z "$server" ]; then
  echo "ClickHouse is not installed: sudo apt-get install clickhouse-server clickhouse-client" >&2
  exit 1
fi
as_owner=()
if [ "$(id -u)" -eq 0 ] && id clickhouse >/dev/null 2>&1; then as_owner=(runuser -u clickhouse --); fi
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

# The servers run on after this script: no descriptor the caller waits on may stay open in them.
for fd in /proc/$$/fd/*; do
  fd=${fd##*/}
  if [ "$fd" -gt 2 ] 2>/dev/null && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

stop_all() {
  for pidfile in "$dir"/shard*/pid; do
    [ -s "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    if kill "$pid" 2>/dev/null; then
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -f "$pidfile"
  done
}

case "$action" in
start)
  if [ ! -f "$dir/password" ]; then
    umask 077
    head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$dir/password"
    umask 022
    for i in $(seq 1 "$shards"); do
      mkdir -p "$dir/shard$i/data" "$dir/shard$i/tmp"
      echo "$(free_port) $(free_port) $(free_port)" > "$dir/shard$i/ports"
    done
  fi
  hash=$(printf '%s' "$(cat "$dir/password")" | sha256sum | cut -d' ' -f1)
  count=$(ls -d "$dir"/shard* | wc -l)
  cat > "$dir/users.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <profiles>
    <default><max_memory_usage>4000000000</max_memory_usage></default>
    <reader><readonly>1</readonly><max_execution_time>600</max_execution_time></reader>
  </profiles>
  <users>
    <crm_audit_reader>
      <password_sha256_hex>$hash</password_sha256_hex>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>reader</profile>
      <quota>default</quota>
    </crm_audit_reader>
    <crm_audit>
      <password_sha256_hex>$hash</password_sha256_hex>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>default</profile>
      <quota>default</quota>
    </crm_audit>
  </users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors>
    <result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
XML
  shard_list=""
  for i in $(seq 1 "$count"); do
    read -r _ tcp _ < "$dir/shard$i/ports"
    shard_list+="<shard><replica><host>127.0.0.1</host><port>$tcp</port><user>crm_audit</user><password>$(cat "$dir/password")</password></replica></shard>"
  done
  for i in $(seq 1 "$count"); do
    read -r http tcp interserver < "$dir/shard$i/ports"
    umask 077
    cat > "$dir/shard$i/config.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>$dir/shard$i/server.log</log><errorlog>$dir/shard$i/error.log</errorlog></logger>
  <http_port>$http</http_port>
  <tcp_port>$tcp</tcp_port>
  <interserver_http_port>$interserver</interserver_http_port>
  <listen_host>127.0.0.1</listen_host>
  <path>$dir/shard$i/data/</path>
  <tmp_path>$dir/shard$i/tmp/</tmp_path>
  <users_config>$dir/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <mark_cache_size>536870912</mark_cache_size>
  <remote_servers><crm_audit>$shard_list</crm_audit></remote_servers>
</yandex>
XML
    umask 022
  done
  if [ ${#as_owner[@]} -gt 0 ]; then chown -R clickhouse "$dir"; fi
  for i in $(seq 1 "$count"); do
    read -r http _ _ < "$dir/shard$i/ports"
    if [ -s "$dir/shard$i/pid" ] && kill -0 "$(cat "$dir/shard$i/pid")" 2>/dev/null; then continue; fi
    # Nothing of this script stays with the server: the subshell becomes it (exec), in a session
    # of its own, its standard streams on files (runuser passes a TERM on to the server).
    (cd "$dir/shard$i" && exec setsid "${as_owner[@]}" "$server" --config-file="$dir/shard$i/config.xml" \
      </dev/null >"$dir/shard$i/stdout.log" 2>&1) &
    echo $! > "$dir/shard$i/pid"
    ready=0
    for _ in $(seq 1 300); do
      if python3 - "$http" <<'PY' 2>/dev/null; then ready=1; break; fi
import sys, urllib.request
urllib.request.urlopen("http://127.0.0.1:%s/ping" % sys.argv[1], timeout=1).read()
PY
      sleep 0.1
    done
    if [ "$ready" -ne 1 ]; then
      cat "$dir/shard$i/error.log" "$dir/shard$i/stdout.log" >&2 2>/dev/null || true
      echo "ClickHouse shard $i did not start" >&2
      stop_all
      exit 1
    fi
  done
  read -r http _ _ < "$dir/shard1/ports"
  echo "clickhouse://crm_audit@127.0.0.1:$http/default" | tee "$dir/url"
  ;;
stop)
  stop_all
  ;;
*)
  echo "usage: $0 start|stop DIR [SHARDS]" >&2
  exit 2
  ;;
esac
