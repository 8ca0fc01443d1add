#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (Swift Testing).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/setup-test-tools.sh
swift build --build-tests
# End-to-end tests fail (not skip) when the binary is missing.
CRM_AUDIT_REQUIRE_BINARY=1 swift test --skip-build --disable-xctest
