#!/usr/bin/env bash
# Installs the programs some end-to-end tests use to read our files as a client's software does:
# LibreOffice (the Word copy and the answers workbook saved again) and openpyxl (a workbook filled
# in by a script, as a client fills it in Excel), and headless Chromium with poppler (the PDF copy
# printed and its pages measured for near-empty ones), PostgreSQL and ClickHouse (throw-away
# servers, scripts/pg-cluster.sh and scripts/ch-cluster.sh, for the database-source tests). Best
# effort: those tests skip when they are absent, except under CRM_AUDIT_REQUIRE_BINARY=1 (CI), where
# the database tests fail.
set -uo pipefail
need=()
for pkg in python3-openpyxl libreoffice-calc-nogui libreoffice-writer-nogui chromium poppler-utils fonts-dejavu-core postgresql clickhouse-server; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
[ ${#need[@]} -eq 0 ] && exit 0
sudo_cmd=""
[ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
echo "Installing test tools: ${need[*]} ..." >&2
$sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}" >&2 \
  || echo "Could not install ${need[*]}; the tests that need them will be skipped." >&2
exit 0
