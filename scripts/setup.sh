#!/usr/bin/env bash
# Installs what the tests need besides the .NET SDK, and nothing that is already there:
#   - PostgreSQL 15 server binaries and pgcopydb (Debian packages; the data tests start their own servers)
#   - the pinned Pulumi provider typings and TypeScript (npm) used by the conformance check.
# Safe to run again. Needs root or sudo only when a Debian package is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
pg_bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
[ -n "$(pg_bindir)" ] && [ -x "$(pg_bindir)/initdb" ] || need_apt+=(postgresql postgresql-contrib)
command -v pgcopydb >/dev/null 2>&1 || [ -x "$(pg_bindir)/pgcopydb" ] || need_apt+=(pgcopydb)
command -v node >/dev/null 2>&1 || need_apt+=(nodejs npm)

if [ ${#need_apt[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "setup: missing Debian packages: ${need_apt[*]}; install them as root (apt-get install ${need_apt[*]})" >&2; exit 2; }
    sudo="sudo"
  fi
  echo "setup: installing ${need_apt[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

# The Debian postgresql package starts a cluster on port 5432; the tests never use it.
# Provider typings: reinstall only when the lock file changed since the last install.
if [ ! -f tests/conformance/node_modules/.package-lock.json ] || ! cmp -s tests/conformance/package-lock.json tests/conformance/node_modules/.installed-lock.json; then
  echo "setup: installing pinned Pulumi typings (npm ci in tests/conformance)"
  (cd tests/conformance && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error && cp package-lock.json node_modules/.installed-lock.json)
fi
echo "setup: ready"
