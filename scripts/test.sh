#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (Swift Testing).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build --build-tests
swift test --skip-build --disable-xctest
