#!/usr/bin/env bash
# Brings up what Kapal's tests need on a Debian machine, as root: Docker Engine (Debian's docker.io),
# a local registry on 127.0.0.1:5000, docker-compose v1, busybox-static, and Chromium for Playwright.
# Then builds the FROM-scratch test image kapal-test/busybox:latest (nothing is pulled from Docker Hub).
# Idempotent: only starts what is not running. Usage: scripts/engine/up.sh
set -euo pipefail

state=${KAPAL_ENGINE_STATE:-/var/lib/kapal-engine}
mkdir -p "$state"

need=()
command -v dockerd >/dev/null 2>&1 || need+=(docker.io)
dpkg -s busybox-static >/dev/null 2>&1 || need+=(busybox-static)
command -v docker-compose >/dev/null 2>&1 || need+=(docker-compose)
command -v docker-registry >/dev/null 2>&1 || need+=(docker-registry)
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v curl >/dev/null 2>&1 || need+=(curl)
command -v pgrep >/dev/null 2>&1 || need+=(procps)
if [ ${#need[@]} -gt 0 ]; then
  echo "engine: installing ${need[*]}"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >"$state/apt.log" 2>&1 \
    || { echo "engine: apt-get install failed; see $state/apt.log"; tail -20 "$state/apt.log"; exit 1; }
fi

# No systemd here: start dockerd by hand when nothing answers on the default socket.
if ! docker info >/dev/null 2>&1; then
  echo "engine: starting dockerd"
  # A dockerd that died leaves its pid file behind, and a new one refuses to start over it.
  pgrep -x dockerd >/dev/null 2>&1 || rm -f /var/run/docker.pid
  nohup /usr/sbin/dockerd --host unix:///var/run/docker.sock >"$state/dockerd.log" 2>&1 &
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
  docker info >/dev/null 2>&1 || { echo "engine: dockerd did not come up; see $state/dockerd.log"; tail -20 "$state/dockerd.log"; exit 1; }
fi

if ! curl -fsS http://127.0.0.1:5000/v2/ >/dev/null 2>&1; then
  echo "engine: starting the local registry on 127.0.0.1:5000"
  mkdir -p "$state/registry"
  printf 'version: 0.1\nstorage:\n  filesystem:\n    rootdirectory: %s\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:5000\n' \
    "$state/registry" >"$state/registry.yml"
  nohup docker-registry serve "$state/registry.yml" >"$state/registry.log" 2>&1 &
  for _ in $(seq 1 20); do curl -fsS http://127.0.0.1:5000/v2/ >/dev/null 2>&1 && break; sleep 0.5; done
fi

# The test image: busybox-static FROM scratch (sh, httpd, nc, head, tail...).
if ! docker image inspect kapal-test/busybox:latest >/dev/null 2>&1; then
  echo "engine: building kapal-test/busybox:latest FROM scratch"
  ctx=$(mktemp -d)
  cp /bin/busybox "$ctx/busybox"
  printf 'FROM scratch\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox","--install","-s","/bin"]\nLABEL kapal.image=test-base\nCMD ["sh"]\n' >"$ctx/Dockerfile"
  docker build -q -t kapal-test/busybox:latest "$ctx" >/dev/null
  rm -rf "$ctx"
fi

echo "engine: $(docker version --format 'server {{.Server.Version}}, API {{.Server.APIVersion}}'), registry 127.0.0.1:5000, $(/usr/bin/chromium --version 2>/dev/null)"
