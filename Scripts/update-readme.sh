#!/usr/bin/env bash
# Regenerates the parts of README.md that termlens itself produces (the coverage table).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product termlens >/dev/null
table=$(.build/debug/termlens export --format markdown --coverage)
python3 - "$table" <<'PY'
import sys
table = sys.argv[1]
path = "README.md"
text = open(path, encoding="utf-8").read()
start, end = "<!-- coverage:start -->", "<!-- coverage:end -->"
a = text.index(start) + len(start)
b = text.index(end)
open(path, "w", encoding="utf-8").write(text[:a] + "\n" + table + "\n" + text[b:])
PY
echo "README.md updated"
