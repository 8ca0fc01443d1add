#!/usr/bin/env bash
# Builds a Debian package of crm-audit with dpkg-deb: the layout of scripts/install.sh under /usr.
# Usage: scripts/package-deb.sh [OUT_DIR]      (default: out/) → OUT_DIR/crm-audit_VERSION_ARCH.deb
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-out}"
mkdir -p "$out"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
scripts/install.sh "$stage/usr" >/dev/null
version="$("$stage/usr/bin/crm-audit" --version | head -n 1 | awk '{print $2}')"
arch="$(dpkg --print-architecture)"
install -d "$stage/DEBIAN"
cat >"$stage/DEBIAN/control" <<CONTROL
Package: crm-audit
Version: $version
Section: utils
Priority: optional
Architecture: $arch
Depends: libxml2, libsqlite3-0, zlib1g
Maintainer: crm-audit developers <crm-audit@localhost>
Description: CRM audit toolkit: interview, data import, analytics, rules and report
 A consultant's command-line toolkit for CRM-readiness audits: a bilingual interview,
 importers for the client's Excel, 1C CSV and XML exports, exact metrics, a rules engine
 and an executive report with the recommended CRM configuration.
CONTROL
deb="$out/crm-audit_${version}_${arch}.deb"
dpkg-deb --root-owner-group --build "$stage" "$deb" >&2
echo "$deb"
