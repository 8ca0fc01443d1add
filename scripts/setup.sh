#!/usr/bin/env bash
# Installs what crm-audit needs on a Debian machine with Swift 6 (idempotent; apt only when missing).
set -euo pipefail
need=()
for pkg in libxml2-dev libsqlite3-dev libpq-dev zlib1g-dev pkgconf; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  echo "Installing ${need[*]} ..." >&2
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi
command -v swift >/dev/null 2>&1 || { echo "Swift 6 is needed: install it from swift.org and put it on PATH." >&2; exit 1; }
