#!/usr/bin/env bash
# The test command: installs the real tools when it can, then builds and runs every test.
# CI runs it with SAN_REAL_TOOLS=required, which turns every skipped real-tool test into a failure.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
scripts/install-test-tools.sh
exec mvn -B -ntp verify "$@"
