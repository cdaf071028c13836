#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/ and runs each for a while.
#
#   Scripts/fuzz.sh [SECONDS] [TARGET…]     default 30 s each, all targets
#   FUZZ_RUNS=1000000 Scripts/fuzz.sh 0     run each for a number of executions instead
#   FUZZ_SEED=1 Scripts/fuzz.sh 30         a fixed random seed (CI: the same inputs every run)
#
# Targets: FuzzLoader (data loader on arbitrary YAML bytes), FuzzAnchoring (quote
# anchoring, drift and search on arbitrary text and quotes), FuzzWrapping (line
# breaking and widths on arbitrary Unicode), FuzzKeys (key decoding into the
# search prompt), FuzzIndexCache (the search index cache read from arbitrary bytes,
# as they are or with a checksum made to fit). Seeds come from Data/ and
# ../shared/ota/sample (FuzzIndexCache writes its own valid cache files); each target's
# corpus grows in Fuzz/.work/TARGET/corpus across runs. A crash leaves its input
# in Fuzz/.work/TARGET/crash-* and makes the script exit 1; replay it with
#   Fuzz/.build/release/TARGET Fuzz/.work/TARGET/crash-…
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

seconds=${1:-30}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(FuzzLoader FuzzAnchoring FuzzWrapping FuzzKeys FuzzIndexCache)

echo "Building fuzz targets (release, -sanitize=fuzzer)…"
build() { (cd Fuzz && swift build -c release --scratch-path .build -Xswiftc -sanitize=fuzzer > .build-log 2>&1); }
# Sources are shared with the root package (symbolic links): an edit there during the build needs a second go.
if ! build && ! build; then
    grep -v '^\[' Fuzz/.build-log | grep -v 'prohibited flag' >&2
    echo "fuzz.sh: the fuzz targets do not build" >&2
    exit 2
fi
for t in "${targets[@]}"; do
    [[ -x Fuzz/.build/release/$t ]] || { echo "fuzz.sh: no built target $t (known: FuzzLoader FuzzAnchoring FuzzWrapping FuzzKeys FuzzIndexCache)" >&2; exit 2; }
done

sample=$root/../shared/ota/sample
texts=()
while IFS= read -r -d '' f; do texts+=("$f"); done < <(find Data/vendors "$sample" -name '*.md' -print0 2>/dev/null | sort -z | head -z -n 24)

# Seeds: the first byte of each is the target's selector (see Fuzz/Sources/*/main.swift).
seed() { # target name < bytes
    mkdir -p "Fuzz/.work/$1/seeds"
    cat > "Fuzz/.work/$1/seeds/$2"
}
make_seeds() {
    local n=0 f
    { printf '\x00'; cat Data/questions.yaml; } | seed FuzzLoader questions
    for f in Data/vendors/*/vendor.yaml; do n=$((n + 1)); { printf '\x01'; cat "$f"; } | seed FuzzLoader "vendor-$n"; done
    for f in Data/vendors/*/verdicts.yaml; do n=$((n + 1)); { printf '\x82'; head -c 4000 "$f"; } | seed FuzzLoader "verdicts-$n"; done
    for f in Data/vendors/*/documents/*/document.yaml; do n=$((n + 1)); { printf '\x03'; cat "$f"; } | seed FuzzLoader "document-$n"; done
    # Small inputs keep the rate up: a few hundred bytes from the middle of real texts.
    for f in "${texts[@]}"; do
        n=$((n + 1))
        { printf '\x04'; head -c 3000 "$f"; } | seed FuzzLoader "text-$n"
        # text 0xFF quote, the quote a piece of the text.
        { tail -c +2000 "$f" | head -c 600; printf '\xff'; tail -c +2200 "$f" | head -c 60; } | seed FuzzAnchoring "text-$n"
        { printf '%b' "\\x$(printf '%02x' $((n * 37 % 256)))"; tail -c +1000 "$f" | head -c 240; } | seed FuzzWrapping "text-$n"
    done
    # Keys: "e", U+0301 (combining acute), "中", Left, Backspace as wget_wch records.
    printf '\x14\x00\x65\x00\x00\x00\x00\x01\x03\x00\x00\x00\x2d\x4e\x00\x00\x01\x04\x01\x00\x00\x00\x7f\x00\x00\x00' | seed FuzzKeys typing
    # Cache files: valid ones, as read (selector 0) and resealed after each mutation (selector 1).
    Fuzz/.build/release/FuzzIndexCache --write-seeds Fuzz/.work/FuzzIndexCache/seeds
}
set +o pipefail  # head closes the pipes early
make_seeds
set -o pipefail

status=0
for t in "${targets[@]}"; do
    work=Fuzz/.work/$t
    mkdir -p "$work/corpus"
    case $t in FuzzLoader) max_len=4096 ;; FuzzWrapping) max_len=1024 ;; FuzzIndexCache) max_len=16384 ;; *) max_len=2048 ;; esac
    args=(-artifact_prefix="$work/" -print_final_stats=1 -max_len=$max_len -timeout=10 -rss_limit_mb=2048)
    if [[ -n ${FUZZ_RUNS:-} ]]; then args+=(-runs="$FUZZ_RUNS"); else args+=(-max_total_time="$seconds"); fi
    if [[ -n ${FUZZ_SEED:-} ]]; then args+=(-seed="$FUZZ_SEED"); fi
    if [[ -n ${FUZZ_RUNS:-} ]]; then echo "== $t: $FUZZ_RUNS runs"; else echo "== $t: $seconds s"; fi
    log=$work/last-run.log
    set +e
    SWIFT_BACKTRACE=enable=no "Fuzz/.build/release/$t" "${args[@]}" "$work/corpus" "$work/seeds" > "$log" 2>&1
    rc=$?
    set -e
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    took=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
    if ((rc == 0)); then
        echo "   ok: ${runs:-?} executions in ${took:-?} s, corpus $(ls "$work/corpus" | wc -l) inputs"
    else
        status=1
        echo "   CRASH (exit $rc), ${runs:-?} executions; input: $(ls -t "$work"/crash-* "$work"/timeout-* "$work"/oom-* 2>/dev/null | head -1)"
        grep -m1 -E 'Fatal error|ERROR: libFuzzer|ERROR: AddressSanitizer' "$log" | sed 's/^/   /' || true
        echo "   log: $log"
    fi
done
exit $status
