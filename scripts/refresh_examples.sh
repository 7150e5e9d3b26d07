#!/usr/bin/env bash
# Regenerate the example outputs referenced by docs/schema.md from the bundled example page.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/saidwhat analyze examples/harbor-bridge.html --format json -o docs/example-output.json
.venv/bin/saidwhat analyze examples/harbor-bridge.html --format markdown -o docs/example-report.md
