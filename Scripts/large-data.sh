#!/usr/bin/env bash
# Odd and large data through the release binary, measured with /usr/bin/time -v: wall
# time, peak memory (RSS) and exit code of each command. None may crash; memory must stay
# within 3× the corpus (DESIGN §6). README, Reliability, has the figures.
#
#   Scripts/large-data.sh [WORK_DIR]      default /tmp/termlens-large (about 1.1 GB is written)
#
# Cases: a 10 MB single-line document (with a quote at its very end), a layer of 10,000
# verdicts, the full Open Terms Archive histories (../shared/ota/genai-*), and a generated
# corpus of 20,000 documents / about 1 GB in the Open Terms Archive layout (real sample
# texts, padded, as older versions of the sample's documents, so their quotes still anchor
# in the newest versions).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=${1:-/tmp/termlens-large}
shared=$root/../shared/ota
mkdir -p "$work"

echo "Building the release binary…"
swift build -c release --scratch-path .build-large > "$work/build.log" 2>&1 || { tail -20 "$work/build.log"; exit 2; }
bin=$root/.build-large/release/termlens
export LANG=C.UTF-8
# The search index cache goes in the work folder, emptied first: searches below build it cold.
export TERMLENS_CACHE=$work/cache
rm -rf "$TERMLENS_CACHE"

python3 - "$work" "$shared/sample" "$root/Data/questions.yaml" <<'PY'
import os, sys, pathlib
work, sample = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])

def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")

# A 10 MB document on one line, its only quote at the very end.
line = pathlib.Path(work / "long-line/vendors/acme/documents/terms/2026-01-01.md")
if not line.exists():
    sentence = "We may use Inputs to improve the Services and to train models, subject to Section 4.3; 我们可能使用输入改进服务。 "
    body = sentence * (10_000_000 // len(sentence.encode()))
    write(line, body + "At the very end: you can opt out in Settings.")
    write(work / "long-line/vendors/acme/vendor.yaml", "id: acme\nname: Acme\nsurfaces: [{id: api, name: API}]\n")
    write(work / "long-line/vendors/acme/documents/terms/document.yaml", "title: Terms\ntype: Terms of Service\nlanguage: en\nsurfaces: [api]\n")
    write(work / "long-line/vendors/acme/verdicts.yaml",
          "verdicts:\n  - {surface: api, question: training-opt-out, answer: yes, summary: You can opt out., as_of: 2026-01-01,\n"
          "     evidence: [{document: terms, quote: 'you can opt out in Settings.'}]}\n")

# 10,000 verdicts: as many surfaces as make 10,000 with the bundled questions (667 × 15 = 10,005).
many = work / "verdicts-10k"
questions = [l.split("id:")[1].strip() for l in open(sys.argv[3], encoding="utf-8") if l.strip().startswith("- id:")]
surfaces = [f"s{i}" for i in range(-(-10_000 // len(questions)))]
if not many.exists() or (many / "vendors/acme/vendor.yaml").read_text(encoding="utf-8").count("{id: s") != len(surfaces):
    write(many / "vendors/acme/vendor.yaml", "id: acme\nname: Acme\nsurfaces:\n" + "".join(f"  - {{id: {s}, name: Surface {s}}}\n" for s in surfaces))
    write(many / "vendors/acme/documents/terms/document.yaml", "title: Terms\ntype: Terms of Service\nlanguage: en\n")
    write(many / "vendors/acme/documents/terms/2026-01-01.md", "# Terms\n\n4.4 We keep Inputs for 30 days.\n")
    write(many / "vendors/acme/verdicts.yaml", "verdicts:\n" + "".join(
        f"  - {{surface: {s}, question: {q}, answer: yes, summary: Yes., as_of: 2026-01-01,\n"
        f"     evidence: [{{document: terms, quote: We keep Inputs for 30 days.}}]}}\n" for s in surfaces for q in questions))

# 20,000 documents, about 1 GB: older versions of the sample's documents.
corpus = work / "corpus-1g"
if not corpus.exists():
    docs = sorted(p for p in sample.glob("*/*/*.md"))
    texts = [p.read_text(encoding="utf-8") for p in docs]
    filler = "\n\n".join(texts)
    count, size = 20_000, 52_000
    for i in range(count):
        src = docs[i % len(docs)]
        # A date of its own for each, before any real version (1940 to 2000).
        day, month, year = 1 + i % 28, 1 + (i // 28) % 12, 1940 + i // (28 * 12)
        text = f"Revision {i}\n\n" + texts[i % len(docs)]
        start = (i * 7919) % (len(filler) - size)
        text += "\n\n" + filler[start:start + max(0, size - len(text.encode()))]
        write(corpus / src.parent.parent.name / src.parent.name / f"{year:04d}-{month:02d}-{day:02d}T00-00-00Z.md", text)
PY

# measure NAME -- command…: one row of the results table.
results=$work/results.md
echo "| case | command | exit | wall s | peak RSS MB |" > "$results"
echo "|---|---|---|---|---|" >> "$results"
measure() {
    local name=$1; shift
    local log=$work/time-$(echo "$name" | tr -c 'a-zA-Z0-9\n' '-').log
    set +e
    /usr/bin/time -v "$@" > "${log%.log}.out" 2> "$log"
    local rc=$?
    set -e
    local rss wall
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$log")
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s}' "$log")
    local shown=${*//$work/WORK}
    shown=${shown//$bin/termlens}
    shown=${shown//$shared/..\/shared\/ota}
    echo "| $name | \`$shown\` | $rc | $wall | $rss |" | tee -a "$results"
    if grep -qE 'Fatal error|Segmentation|signal' "$log"; then echo "CRASH in $name: $log" >&2; exit 1; fi
}

mb() { du -sm --apparent-size "$1" | cut -f1; }
echo "corpus sizes: 1 GB corpus $(mb "$work/corpus-1g") MB in $(find "$work/corpus-1g" -name '*.md' | wc -l) files; OTA histories $(($(mb "$shared/genai-versions") + $(mb "$shared/genai-eu-versions"))) MB"

measure "10 MB single line: check" "$bin" check --strict --data "$work/long-line" --sources "$shared/sample"
measure "10 MB single line: search" "$bin" search "opt out in Settings" --data "$work/long-line" --scope documents
measure "10 MB single line: export" "$bin" export --format json acme --data "$work/long-line"
measure "10,000 verdicts: check" "$bin" check --strict --data "$work/verdicts-10k" --sources "$shared/sample"
measure "10,000 verdicts: show" "$bin" show acme --json --data "$work/verdicts-10k"
ota=(--sources "$shared/genai-versions" --sources "$shared/genai-eu-versions")
measure "OTA histories: check" "$bin" check --strict "${ota[@]}"
measure "OTA histories: search" "$bin" search training data --all-versions --limit 100000 "${ota[@]}"
measure "OTA histories: bench" "$bin" bench --json "${ota[@]}"
big=(--sources "$shared/sample" --sources "$work/corpus-1g")
measure "1 GB corpus: check" "$bin" check --strict "${big[@]}"
measure "1 GB corpus: search newest" "$bin" search training data --limit 100000 "${big[@]}"
measure "1 GB corpus: search all versions" "$bin" search training data --all-versions --limit 100000 "${big[@]}"
measure "1 GB corpus: search all versions, index cached" "$bin" search training data --all-versions --limit 100000 "${big[@]}"
measure "1 GB corpus: search all versions, index cache off" env TERMLENS_CACHE=off "$bin" search training data --all-versions --limit 100000 "${big[@]}"
measure "synthetic 1 GB: bench" "$bin" bench --corpus-mb 1024 --newest-only --json --sources "$shared/sample"
echo "results: $results"
