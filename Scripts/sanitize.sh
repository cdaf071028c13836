#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer and ThreadSanitizer, each in a
# build folder of its own (.build-address, .build-thread) so .build is left alone.
#
#   Scripts/sanitize.sh                 both
#   Scripts/sanitize.sh thread          one of them
#   Scripts/sanitize.sh address --filter Anchoring    extra arguments go to `swift test`
#
# Exits non-zero when a test fails or a sanitizer reports a problem. Under ThreadSanitizer
# the CLI tests are skipped (see below). Each run's output is
# kept in .build-KIND/sanitize.log. A cold build of each takes a few minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."

kinds=()
while (($#)) && [[ $1 == address || $1 == thread ]]; do kinds+=("$1"); shift; done
((${#kinds[@]})) || kinds=(address thread)

# A report fails the run at once (ASan does by default; TSan otherwise only sets the exit code).
export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=0}
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}
# The Swift backtracer would print its own report on top of the sanitizer's.
export SWIFT_BACKTRACE=enable=no

status=0
for kind in "${kinds[@]}"; do
    scratch=.build-$kind
    mkdir -p "$scratch"
    log=$scratch/sanitize.log
    echo "== swift test --sanitize=$kind (scratch $scratch)"
    start=$SECONDS
    set +e
    extra=()
    # The CLI tests run the termlens executable, which links Foundation statically; under
    # ThreadSanitizer its first free() of ProcessInfo's environment fails TSan's allocator
    # check ("sanitizer_allocator_secondary.h:297 IsAligned") before any of our code runs.
    # The model, text, widget and browser code they reach runs in process in the other suites.
    [[ $kind == thread ]] && extra=(--skip CLITests)
    swift test --sanitize="$kind" --scratch-path "$scratch" "${extra[@]}" "$@" > "$log" 2>&1
    rc=$?
    set -e
    summary=$(grep -E '^✔ Test run|^✘ Test run|Executed [0-9]+ tests' "$log" | tail -2 | tr '\n' ' ')
    reports=$(grep -cE '^(==[0-9]+==ERROR: AddressSanitizer|WARNING: ThreadSanitizer)' "$log" || true)
    echo "   exit $rc after $((SECONDS - start)) s; $reports sanitizer report(s); ${summary:-no test summary}"
    if ((rc != 0 || reports != 0)); then
        status=1
        grep -m3 -E 'ERROR: AddressSanitizer|WARNING: ThreadSanitizer|✘|error:' "$log" | sed 's/^/   /' || true
        echo "   log: $log"
    fi
done
exit $status
