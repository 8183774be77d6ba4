#!/usr/bin/env bash
# The demo: builds the package and serves www/ (a provincial portal embedding the form, and the
# offline check page) on 127.0.0.1, port 8000 or the next free one. Runs until Ctrl+C.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-web.sh
CXZY_SIZE_BUDGET=warn scripts/build-pkg.sh
exec node pkg-tests/server.mjs www "${PORT:-8000}"
