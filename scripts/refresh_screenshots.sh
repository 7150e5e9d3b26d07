#!/usr/bin/env bash
# Re-take the screenshots in docs/screenshots/ with the browser tests (needs Debian's chromium).
# A plain test run writes them to a temporary folder, so it never changes tracked files.
set -euo pipefail
cd "$(dirname "$0")/.."
SAIDWHAT_SCREENSHOTS="$PWD/docs/screenshots" .venv/bin/python -m pytest -q tests/browser "$@"
