#!/usr/bin/env bash
# Writes every screen golden (Tests/BrowserTests/Goldens) from what the browser draws now.
# Review the diff (git diff Tests/BrowserTests/Goldens) before committing: each file is a whole
# screen as text rows, then its style map.
set -euo pipefail
cd "$(dirname "$0")/.."
TERMLENS_UPDATE_GOLDENS=1 swift test --filter ScreenGoldenTests >/dev/null
echo "goldens written: $(ls Tests/BrowserTests/Goldens | wc -l) files; review with git diff Tests/BrowserTests/Goldens"
