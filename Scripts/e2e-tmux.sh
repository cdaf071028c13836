#!/usr/bin/env bash
# End-to-end tests of the browser in a real terminal (tmux): start, navigate, follow a quote,
# go back, resize, quit, with the terminal's modes (stty -g) identical before and after.
# Usage: Scripts/e2e-tmux.sh [path/to/termlens]
set -uo pipefail
cd "$(dirname "$0")/.."
BIN=$(realpath "${1:-.build/debug/termlens}")
SAMPLE=$(realpath ../shared/ota/sample 2>/dev/null || true)
WORK=$(mktemp -d)
SOCK="termlens-e2e-$$"
export LANG=C.UTF-8 LC_ALL=C.UTF-8
# What the browser remembers goes to a folder of this run, never the real one.
export XDG_STATE_HOME="$WORK/state"
passed=0; failed=0
t() { tmux -L "$SOCK" "$@"; }
ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; [ -n "${2:-}" ] && echo "$2" | sed 's/^/     /'; }
cleanup() { t kill-server 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

# Starts termlens in a fresh tmux session of WxH; the pane records stty before and after.
start() { # name width height env-and-args...
    local name=$1 w=$2 h=$3; shift 3
    cat > "$WORK/$name.sh" <<SH
stty -g > "$WORK/$name.before"
env TERM=xterm-256color XDG_STATE_HOME="$XDG_STATE_HOME" $* ; echo "EXIT=\$?" > "$WORK/$name.exit"
stty -g > "$WORK/$name.after"
sleep 60
SH
    t kill-server 2>/dev/null
    sleep 0.3
    t new-session -d -x "$w" -y "$h" -s main "bash $WORK/$name.sh"
    sleep 1.2
}
screen() { t capture-pane -p -t main; }
keys() { t send-keys -t main "$@"; sleep 0.4; }
finished() { for _ in $(seq 1 30); do [ -f "$WORK/$1.exit" ] && [ -f "$WORK/$1.after" ] && return 0; sleep 0.2; done; return 1; }
restored() { # name label
    if finished "$1" && cmp -s "$WORK/$1.before" "$WORK/$1.after"; then ok "$2: terminal modes restored"; else bad "$2: terminal modes restored" "$(cat "$WORK/$1.before" "$WORK/$1.after" 2>/dev/null)"; fi
}
exit_code() { cat "$WORK/$1.exit" 2>/dev/null; }
# Waits (up to 8 s) until the screen shows a pattern; true if it did.
wait_for() { for _ in $(seq 1 40); do screen | grep -q "$1" && return 0; sleep 0.2; done; return 1; }

SRC=""
[ -n "$SAMPLE" ] && [ -d "$SAMPLE/DeepSeek" ] && SRC="--sources $SAMPLE"

# 1. The main path at 120×40: verdict → quote (highlighted, section named) → back → quit.
start main 120 40 "$BIN" browse deepseek/consumer/train-on-inputs $SRC
s=$(screen)
if grep -q "Evidence" <<<"$s" && grep -q "yes" <<<"$s"; then ok "browse opens the verdict detail"; else bad "browse opens the verdict detail" "$s"; fi
before=$s
keys Enter
s=$(screen)
if [ -n "$SRC" ]; then
    if grep -q "§4.3" <<<"$s"; then ok "Enter opens the clause pane at §4.3"; else bad "Enter opens the clause pane at §4.3" "$s"; fi
else
    if grep -q "not loaded" <<<"$s"; then ok "Enter shows the quote and how to load sources"; else bad "not-loaded clause pane" "$s"; fi
fi
keys '<'
if [ "$(screen)" == "$before" ]; then ok "< returns to the identical screen"; else bad "< returns to the identical screen" "$(screen)"; fi
keys q q q
restored main "q"
[ "$(exit_code main)" == "EXIT=0" ] && ok "q exits 0" || bad "q exits 0" "$(exit_code main)"

# 2. Ctrl-C, SIGTERM and SIGHUP leave the terminal as it was.
start ctrlc 80 24 "$BIN" browse deepseek
keys C-c
restored ctrlc "Ctrl-C"
for sig in TERM HUP; do
    start "sig$sig" 80 24 "$BIN" browse openai
    pid=$(pgrep -n -f "^$BIN browse openai")
    if [ -n "$pid" ]; then kill -"$sig" "$pid"; fi
    restored "sig$sig" "kill -$sig"
done

# 2b. A crash (SIGSEGV) still gives the terminal back: the handler restores it, then re-raises.
start crash 80 24 "$BIN" browse anthropic
pid=$(pgrep -n -f "^$BIN browse anthropic")
if [ -n "$pid" ]; then kill -SEGV "$pid"; fi
restored crash "SIGSEGV"
if grep -qE "EXIT=(139|11)" "$WORK/crash.exit" 2>/dev/null; then ok "the crash is re-raised (core dumps still work): $(exit_code crash)"; else bad "the crash is re-raised" "$(exit_code crash)"; fi

# 2c. Ctrl-Z in an interactive shell: termlens stops with the terminal modes as they were, and
#     `fg` draws the same screen again (as less does).
t kill-server 2>/dev/null; sleep 0.3
t new-session -d -x 80 -y 24 -s main "bash --norc -i"
sleep 0.5
t send-keys -t main "stty -g > $WORK/job.before; TERM=xterm-256color $BIN browse mistral" Enter
wait_for "Mistral" >/dev/null
before=$(screen)
keys C-z
sleep 0.5
t send-keys -t main "stty -g > $WORK/job.stopped; jobs > $WORK/job.jobs" Enter
sleep 0.6
if grep -q "Stopped" "$WORK/job.jobs" 2>/dev/null && cmp -s "$WORK/job.before" "$WORK/job.stopped"; then ok "Ctrl-Z stops termlens with the terminal modes restored"; else bad "Ctrl-Z stops termlens with the terminal modes restored" "$(cat "$WORK/job.jobs" 2>/dev/null)"; fi
t send-keys -t main "fg" Enter
sleep 0.8
if wait_for "Mistral AI SAS" && screen | head -3 | grep -q "Question"; then ok "fg draws the browser again"; else bad "fg draws the browser again" "$(screen)"; fi
keys q q
t send-keys -t main "stty -g > $WORK/job.after" Enter
sleep 0.5
if cmp -s "$WORK/job.before" "$WORK/job.after"; then ok "after q the modes are as before"; else bad "after q the modes are as before"; fi

# 2d. Keys faster than frames, and a paste burst into the search prompt: no lag, nothing lost.
start burst 100 30 "$BIN" browse
t send-keys -t main -l "$(printf 'j%.0s' $(seq 1 200))"
sleep 1
last=$("$BIN" show --json | python3 -c 'import json, sys; print(json.load(sys.stdin)[-1]["name"])')
if screen | grep -q "▸ $last"; then ok "200 keys at once land on the last vendor"; else bad "200 keys at once land on the last vendor" "$(screen)"; fi
keys g /
t send-keys -t main -l "the right to opt-out of using your Personal Data for training our models"
if wait_for "hit" && screen | head -1 | grep -q "training our models"; then ok "a pasted query arrives whole and is searched"; else bad "a pasted query arrives whole" "$(screen | head -3)"; fi
keys Escape q q
restored burst "bursts"

# 3. The Chinese user agreement at 41×15: clause 4.3 in view, every line within the width.
start zh 41 15 "$BIN" browse deepseek/user-agreement-zh:4.3
s=$(screen)
wide=$(python3 -c 'import sys,unicodedata
w=lambda ch: 2 if unicodedata.east_asian_width(ch) in "WF" else (0 if unicodedata.combining(ch) else 1)
print(max(sum(w(c) for c in l) for l in sys.stdin.read().split("\n")))' <<<"$s")
if grep -q "4.3" <<<"$s" && [ "$wide" -le 41 ]; then ok "Chinese clause 4.3 at 41 columns (widest line $wide)"; else bad "Chinese clause 4.3 at 41 columns (widest $wide)" "$s"; fi
keys q q q q
restored zh "Chinese clause"

# 4. Resize: a burst of sizes and back gives the same screen.
start resize 100 30 "$BIN" browse openai/api
before=$(screen)
for size in "30 8" "200 60" "1 1" "300 90" "60 20" "100 30"; do t resize-window -t main -x ${size% *} -y ${size#* }; sleep 0.15; done
sleep 0.5
if [ "$(screen)" == "$before" ]; then ok "resize burst returns to the same screen"; else bad "resize burst returns to the same screen" "$(screen)"; fi
t resize-window -t main -x 30 -y 8; sleep 0.4
if screen | grep -q "too small"; then ok "below 40×10 says the terminal is too small"; else bad "too-small message" "$(screen)"; fi
t resize-window -t main -x 100 -y 30; sleep 0.3
keys q q q
restored resize "resize"

# 5. NO_COLOR: no colour escape codes on screen (attributes only).
start nocolor 100 30 NO_COLOR=1 "$BIN" browse deepseek
if t capture-pane -p -e -t main | grep -qE $'\e\\[[0-9;]*(3[0-7]|4[0-7]|38;|48;|9[0-7])[0-9;]*m'; then bad "NO_COLOR sends no colour" "$(t capture-pane -p -e -t main | head -5 | cat -v)"; else ok "NO_COLOR sends no colour"; fi
keys q q
restored nocolor "NO_COLOR"

# 6. Hostile text: escape sequences and bidi overrides in a document are shown, not obeyed.
mkdir -p "$WORK/layer/vendors/evil/documents/terms"
printf 'id: evil\nname: Evil AI\nsurfaces:\n  - {id: api, name: API}\n' > "$WORK/layer/vendors/evil/vendor.yaml"
printf 'title: Evil Terms\ntype: Terms of Service\nlanguage: en\n' > "$WORK/layer/vendors/evil/documents/terms/document.yaml"
printf '# Terms\n\n1. Title change: \033]0;PWNED\007 and \033]2;PWNED\033\\ done.\n2. Clear: \033[2J\033[H gone? Bidi: \xe2\x80\xaeevil\xe2\x80\xac C1: \xc2\x9b31m red.\n' > "$WORK/layer/vendors/evil/documents/terms/2026-01-01.md"
start hostile 100 30 "$BIN" --data "$WORK/layer" browse evil/terms
title=$(t display -p -t main '#{pane_title}')
s=$(screen)
if [ "$title" != "PWNED" ] && grep -q "␛" <<<"$s" && grep -q "Title change" <<<"$s"; then ok "hostile escape sequences are inert (pane title: $title)"; else bad "hostile escape sequences are inert (pane title: $title)" "$s"; fi
keys q q q
restored hostile "hostile text"

# 7. Vendors side by side at 110 columns: the three vendors, with the answers `show` gives.
start compare 110 30 "$BIN" compare deepseek openai anthropic
s=$(screen)
api=$("$BIN" show openai api train-on-inputs --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["answer"])')
if grep -q "DeepSeek" <<<"$s" && grep -q "OpenAI" <<<"$s" && grep -q "Compare" <<<"$s"; then ok "compare opens the comparison view"; else bad "compare opens the comparison view" "$s"; fi
keys l l l
if screen | grep -q "OpenAI · API" && screen | grep -q "$api"; then ok "comparison scrolls sideways; OpenAI API shows $api as show does"; else bad "comparison scrolls sideways" "$(screen)"; fi
keys q q
restored compare "comparison view"

# 8. Search as you type: `/improve the model`, Enter lands on DeepSeek's clause 4.3.
if [ -n "$SRC" ]; then
    start search 120 30 "$BIN" browse deepseek $SRC
    keys /
    t send-keys -t main -l "improve the model"
    if wait_for "hits"; then ok "results appear as the query is typed"; else bad "results appear as the query is typed" "$(screen)"; fi
    # Walk down to DeepSeek's terms of use hit, then open it.
    for _ in $(seq 1 40); do
        if screen | grep -q "▸.*deepseek/terms-of-service"; then break; fi
        keys Down
    done
    keys Enter
    if screen | head -1 | grep -q "§4.3"; then ok "Enter opens the hit in clause 4.3"; else bad "Enter opens the hit in clause 4.3" "$(screen)"; fi
    keys '<'
    if screen | grep -q "deepseek/terms-of-service"; then ok "< returns to the results"; else bad "< returns to the results" "$(screen)"; fi
    keys Escape q q q
    restored search "search"
fi

# 9. An unknown TERM is a one-line error and exit 2, not an abrupt abort.
out=$(script -qec "env TERM=no-such-terminal $BIN browse; echo CODE=\$?" /dev/null 2>&1 | tr -d '\r')
if grep -q "unknown terminal type" <<<"$out" && grep -q "CODE=2" <<<"$out"; then ok "unknown TERM: clear error, exit 2"; else bad "unknown TERM" "$out / $code"; fi

# 10. A git versions repository, cloned: start, see its services; upstream records a new version
#     and the clone pulls it; on the next start the vendor list shows the unseen change and `C`
#     lists it. Commits are replayed at fixed times; the pulled one is recorded now.
UP="$WORK/upstream" CLONE="$WORK/clone"
g() { env GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=OTA GIT_AUTHOR_EMAIL=bot@example.org \
      GIT_COMMITTER_NAME=OTA GIT_COMMITTER_EMAIL=bot@example.org git "$@"; }
record() { # repo path time text
    mkdir -p "$1/$(dirname "$2")"; printf '%s' "$4" > "$1/$2"
    g -C "$1" add -- "$2" && GIT_AUTHOR_DATE="$3" GIT_COMMITTER_DATE="$3" g -C "$1" commit -q -m "Record $2"
}
mkdir -p "$UP"; g -C "$UP" init -q -b main
record "$UP" "Quill Notes/Privacy Policy.md" 2025-03-02T09:00:00Z $'# Quill Notes Privacy Policy\n\n## 1. What we collect\n\nYour notes and the prompts you send.\n\n## 2. Training\n\nWe do not train models on your notes.\n'
record "$UP" "Quill Notes/Terms of Service.md" 2025-03-02T09:05:00Z $'# Quill Notes Terms\n\n1. You own your notes.\n'
record "$UP" "Quill Notes/Privacy Policy.md" 2025-07-14T10:00:00Z $'# Quill Notes Privacy Policy\n\n## 1. What we collect\n\nYour notes, the prompts you send and usage data.\n\n## 2. Training\n\nWe do not train models on your notes.\n'
g clone -q "$UP" "$CLONE"
GIT_ENV="TERMLENS_CACHE=$WORK/cache"
start git1 100 30 "$GIT_ENV" "$BIN" --sources "$CLONE"
if wait_for "Quill Notes" && screen | grep -q "Quill Notes.*2 docs · 3 versions"; then ok "a git clone as sources: its service is listed with its documents and versions"; else bad "a git clone as sources lists its service" "$(screen)"; fi
if screen | grep -q "new"; then bad "a first start shows no old change as new" "$(screen)"; else ok "a first start shows no old change as new"; fi
keys q
finished git1 >/dev/null
record "$UP" "Quill Notes/Privacy Policy.md" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" $'# Quill Notes Privacy Policy\n\n## 1. What we collect\n\nYour notes, the prompts you send and usage data.\n\n## 2. Training\n\nWe may train models on your notes unless you opt out.\n'
g -C "$CLONE" pull -q --ff-only
start git2 100 30 "$GIT_ENV" "$BIN" --sources "$CLONE"
if wait_for "Quill Notes" && screen | grep -q "Quill Notes.*●1 new.*2 docs · 4 versions"; then ok "after git pull the vendor list shows ●1 new on the service"; else bad "after git pull the vendor list shows ●1 new" "$(screen)"; fi
keys C
s=$(screen)
if grep -q "What changed — 1 unseen" <<<"$s" && grep -q "▸● .*Quill Notes · .*Privacy Policy .*new" <<<"$s" && grep -q "§ 2" <<<"$s"; then ok "C lists the pulled change, unseen, with its section"; else bad "C lists the pulled change" "$s"; fi
keys Enter
if screen | grep -q "unless you opt out"; then ok "Enter opens its diff"; else bad "Enter opens its diff" "$(screen)"; fi
keys '<'
if screen | grep -q "What changed — 0 unseen"; then ok "viewed, the change is seen"; else bad "viewed, the change is seen" "$(screen)"; fi
keys q q
restored git2 "git versions repository"
start git3 100 30 "$GIT_ENV" "$BIN" --sources "$CLONE"
if wait_for "Quill Notes" && ! screen | grep -q "●1 new"; then ok "seen is remembered on the next start"; else bad "seen is remembered on the next start" "$(screen)"; fi
keys q

echo "e2e: $passed passed, $failed failed"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
