#!/usr/bin/env bash
# Regenerate the hashed lock files from pyproject.toml, the one list of dependencies
# (needs `uv`: pip install uv). Versions already in a lock are kept unless they no longer fit.
#   runtime.lock: the core (what `make demo` installs)
#   dev.lock:     every extra plus the test and check tools (what `make test` installs)
set -euo pipefail
cd "$(dirname "$0")/../requirements"
uv pip compile ../pyproject.toml --generate-hashes --python-version 3.11 -o runtime.lock -q
uv pip compile ../pyproject.toml --extra dev --generate-hashes --python-version 3.11 -o dev.lock -q
