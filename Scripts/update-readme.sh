#!/usr/bin/env bash
# Regenerates the parts of README.md that termlens itself produces: the coverage table
# (`termlens export --format markdown --coverage`) and the key table (`termlens keys`).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product termlens >/dev/null
coverage=$(.build/debug/termlens export --format markdown --coverage)
keys=$(.build/debug/termlens keys)
python3 - "$coverage" "$keys" <<'PY'
import sys
path = "README.md"
text = open(path, encoding="utf-8").read()
for name, body in (("coverage", sys.argv[1]), ("keys", sys.argv[2])):
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    a = text.index(start) + len(start)
    b = text.index(end)
    text = text[:a] + "\n" + body.strip() + "\n" + text[b:]
open(path, "w", encoding="utf-8").write(text)
PY
echo "README.md updated"
