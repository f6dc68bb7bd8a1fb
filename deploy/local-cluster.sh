#!/usr/bin/env bash
# N replicas of the app behind nginx on this machine: ordinary processes on loopback only.
#
#   bash deploy/local-cluster.sh start [N]      N replicas (default 2) on free local ports, nginx on 127.0.0.1:8080;
#                                               waits until all answer, then prints the address
#   bash deploy/local-cluster.sh stop           stops nginx and every replica
#   bash deploy/local-cluster.sh stop-replica K stops replica K (1..N); nginx takes it out of rotation
#   bash deploy/local-cluster.sh start-replica K starts replica K again on its port
#   bash deploy/local-cluster.sh status         each replica's port, process and health; the balancer's health
#
# Settings (environment): CLUSTER_PORT (default 8080), CLUSTER_DIR (default /tmp/india-russia-cluster: pids,
# ports, logs, the nginx configuration made from deploy/nginx.conf.template), CLUSTER_APP (default serve.py).
# On a fresh Debian machine, start installs what it needs: nginx (apt-get, with sudo unless root) and the app's
# pinned requirements (pip).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUN="${CLUSTER_DIR:-/tmp/india-russia-cluster}"
PORT="${CLUSTER_PORT:-8080}"
APP="${CLUSTER_APP:-serve.py}"
NGINX="${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}"
WAIT_S=90

healthy() {  # healthy URL: true when URL/_stcore/health answers "ok"
  python3 - "$1" <<'PY'
import sys, urllib.request
try:
    with urllib.request.urlopen(sys.argv[1] + "/_stcore/health", timeout=2) as response:
        sys.exit(0 if response.read().strip() == b"ok" else 1)
except Exception:
    sys.exit(1)
PY
}

wait_healthy() {  # wait_healthy URL WHAT
  local deadline=$((SECONDS + WAIT_S))
  until healthy "$1"; do
    if ((SECONDS > deadline)); then
      echo "$2 did not answer at $1 within ${WAIT_S} s; see $RUN" >&2
      return 1
    fi
    sleep 0.3
  done
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

alive() {  # alive PIDFILE
  [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null
}

replica_count() {
  ls "$RUN"/replica-*.port 2>/dev/null | wc -l
}

start_replica() {  # start_replica K: on the port it had, or a new free one
  local k="$1" port
  if alive "$RUN/replica-$k.pid"; then
    echo "replica $k is already running" >&2
    return 0
  fi
  port="$(cat "$RUN/replica-$k.port" 2>/dev/null || free_port)"
  echo "$port" >"$RUN/replica-$k.port"
  (
    cd "$ROOT"
    STREAMLIT_SERVER_COOKIE_SECRET="$(cat "$RUN/cookie-secret")" exec python3 -m streamlit run "$APP" \
      --server.address 127.0.0.1 --server.port "$port" --server.headless true --browser.gatherUsageStats false \
      >>"$RUN/replica-$k.log" 2>&1
  ) &
  echo $! >"$RUN/replica-$k.pid"
  wait_healthy "http://127.0.0.1:$port" "replica $k"
}

stop_pidfile() {  # stop_pidfile PIDFILE: TERM, then KILL after 10 s
  local pid
  alive "$1" || { rm -f "$1"; return 0; }
  pid="$(cat "$1")"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$1"
}

write_nginx_conf() {
  local k
  : >"$RUN/upstreams.conf"
  for ((k = 1; k <= $1; k++)); do
    echo "server 127.0.0.1:$(cat "$RUN/replica-$k.port") max_fails=2 fail_timeout=5s;" >>"$RUN/upstreams.conf"
  done
  sed -e "s|@RUN@|$RUN|g" -e "s|@LISTEN@|127.0.0.1:$PORT|g" "$ROOT/deploy/nginx.conf.template" >"$RUN/nginx.conf"
  "$NGINX" -t -q -p "$RUN" -c "$RUN/nginx.conf"
}

install_needs() {
  local sudo_if_needed=""
  if ! [[ -x "$NGINX" ]]; then
    [[ "$(id -u)" -eq 0 ]] || sudo_if_needed="sudo"
    $sudo_if_needed apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_if_needed apt-get install -y -qq nginx >/dev/null
    NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
  fi
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore -r "$ROOT/requirements.txt"
}

start() {
  local n="${1:-2}" k
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "start: N must be a whole number of replicas, not '$n'" >&2; exit 2; }
  install_needs
  if alive "$RUN/nginx.pid"; then
    echo "already running; 'stop' first" >&2
    exit 1
  fi
  rm -rf "$RUN"
  mkdir -p "$RUN/temp"
  # One cookie secret for every replica, so a reader's XSRF cookie from one is valid on another.
  (umask 077 && python3 -c 'import secrets; print(secrets.token_hex(32))' >"$RUN/cookie-secret")
  for ((k = 1; k <= n; k++)); do
    start_replica "$k" &
  done
  wait
  for ((k = 1; k <= n; k++)); do
    healthy "http://127.0.0.1:$(cat "$RUN/replica-$k.port")" || { echo "replica $k failed" >&2; stop; exit 1; }
  done
  write_nginx_conf "$n"
  "$NGINX" -p "$RUN" -c "$RUN/nginx.conf"
  wait_healthy "http://127.0.0.1:$PORT" "nginx"
  echo "http://127.0.0.1:$PORT  (replicas: $n; 'bash deploy/local-cluster.sh status' for details)"
}

stop() {
  local pidfile
  if alive "$RUN/nginx.pid"; then
    "$NGINX" -p "$RUN" -c "$RUN/nginx.conf" -s quit 2>/dev/null || true
    for _ in $(seq 100); do
      alive "$RUN/nginx.pid" || break
      sleep 0.1
    done
  fi
  stop_pidfile "$RUN/nginx.pid"
  for pidfile in "$RUN"/replica-*.pid; do
    [[ -e "$pidfile" ]] && stop_pidfile "$pidfile"
  done
  echo "stopped"
}

status() {
  local k port state
  for ((k = 1; k <= $(replica_count); k++)); do
    port="$(cat "$RUN/replica-$k.port")"
    state="stopped"
    if alive "$RUN/replica-$k.pid"; then
      state="running, $(healthy "http://127.0.0.1:$port" && echo healthy || echo "not answering")"
    fi
    echo "replica $k  127.0.0.1:$port  $state"
  done
  if alive "$RUN/nginx.pid"; then
    echo "nginx      127.0.0.1:$PORT  running, $(healthy "http://127.0.0.1:$PORT" && echo healthy || echo "not answering")"
  else
    echo "nginx      127.0.0.1:$PORT  stopped"
  fi
}

replica_arg() {  # replica_arg K: K, checked against the replicas started
  [[ "${1:-}" =~ ^[1-9][0-9]*$ ]] && [[ -f "$RUN/replica-$1.port" ]] || {
    echo "no replica '${1:-}'; replicas are 1..$(replica_count)" >&2
    exit 2
  }
  echo "$1"
}

case "${1:-}" in
  start) start "${2:-2}" ;;
  stop) stop ;;
  stop-replica)
    k="$(replica_arg "${2:-}")"
    stop_pidfile "$RUN/replica-$k.pid"
    echo "replica $k stopped"
    ;;
  start-replica)
    k="$(replica_arg "${2:-}")"
    start_replica "$k"
    echo "replica $k started"
    ;;
  status) status ;;
  *)
    sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
