#!/usr/bin/env bash
# Regenerate the hashed lock files from requirements/*.in (needs `uv`: pip install uv).
set -euo pipefail
cd "$(dirname "$0")/../requirements"
uv pip compile runtime.in --generate-hashes --python-version 3.11 -o runtime.lock -q
uv pip compile dev.in --generate-hashes --python-version 3.11 -o dev.lock -q
