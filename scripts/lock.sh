#!/usr/bin/env bash
# Regenerate the hashed lock files from pyproject.toml, the one list of dependencies
# (needs `uv`: pip install uv). Versions already in a lock are kept unless they no longer fit.
#   runtime.lock: the core (what `make demo` installs)
#   dev.lock:     every extra plus the test and check tools (what `make test` installs)
set -euo pipefail
cd "$(dirname "$0")/../requirements"
uv pip compile ../pyproject.toml --generate-hashes --python-version 3.11 -o runtime.lock -q
uv pip compile ../pyproject.toml --extra dev --generate-hashes --python-version 3.11 -o dev.lock -q
# weasel (via spaCy) asks for smart-open[http]: pin it with its extra, or pip before 23.3 (the one
# `python3 -m venv` bundles with Python 3.11) refuses the hashed install ("must have their versions
# pinned with ==").
sed -i 's/^smart-open==/smart-open[http]==/' runtime.lock dev.lock
