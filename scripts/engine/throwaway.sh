#!/usr/bin/env bash
# A second, throwaway dockerd on its own socket, data root and exec root (no bridge, no iptables),
# for fault tests that stop and start an engine without touching the one everything else uses.
# It runs in a network namespace of its own, so containers on it can only use --network none.
# Usage: throwaway.sh start DIR  (prints the DOCKER_HOST)   |   throwaway.sh stop DIR
set -euo pipefail
cmd=${1:?start|stop}
dir=${2:?a folder for its state}
mkdir -p "$dir"
sock="unix://$dir/docker.sock"
case "$cmd" in
  start)
    if ! DOCKER_HOST="$sock" docker info >/dev/null 2>&1; then
      # Its own network namespace: a dockerd with --bridge=none deletes the host's docker0 at start,
      # which would break the main engine's containers. Inside `unshare --net` it only sees its own.
      nohup unshare --net /usr/sbin/dockerd --host "$sock" --data-root "$dir/data" --exec-root "$dir/exec" \
        --pidfile "$dir/docker.pid" --bridge=none --iptables=false --ip6tables=false >>"$dir/dockerd.log" 2>&1 &
      for _ in $(seq 1 60); do DOCKER_HOST="$sock" docker info >/dev/null 2>&1 && break; sleep 0.5; done
      DOCKER_HOST="$sock" docker info >/dev/null 2>&1 || { echo "throwaway dockerd did not start; see $dir/dockerd.log" >&2; exit 1; }
    fi
    echo "$sock" ;;
  stop)
    pid=$(cat "$dir/docker.pid" 2>/dev/null || true)
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; fi
    # Wait for the process itself, not only its socket: it unmounts its data root on the way out.
    for _ in $(seq 1 80); do
      if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then sleep 0.25; continue; fi
      [ -S "$dir/docker.sock" ] || break
      sleep 0.25
    done ;;
  *) echo "usage: throwaway.sh start|stop DIR" >&2; exit 2 ;;
esac
