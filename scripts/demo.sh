#!/usr/bin/env bash
# Installs what is missing, builds crm-audit, and runs the example audit end to end.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product crm-audit >&2
.build/release/crm-audit demo --out "${1:-out/demo}"
