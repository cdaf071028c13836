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
finished() { for _ in $(seq 1 60); do [ -f "$WORK/$1.exit" ] && [ -f "$WORK/$1.after" ] && return 0; sleep 0.2; done; return 1; }
# The pane's mouse modes (any-event, standard, button-event, SGR): 0000 when none is on.
mouse_flags() { t display -p -t main '#{mouse_any_flag}#{mouse_standard_flag}#{mouse_button_flag}#{mouse_sgr_flag}'; }
restored() { # name label
    if finished "$1" && cmp -s "$WORK/$1.before" "$WORK/$1.after"; then ok "$2: terminal modes restored"; else bad "$2: terminal modes restored" "$(cat "$WORK/$1.before" "$WORK/$1.after" 2>/dev/null)"; fi
    if [ "$(mouse_flags)" == "0000" ]; then ok "$2: mouse reporting off"; else bad "$2: mouse reporting off" "$(mouse_flags)"; fi
}
exit_code() { cat "$WORK/$1.exit" 2>/dev/null; }
# Waits (up to 8 s, or $2 s) until the screen shows a pattern; true if it did.
wait_for() { for _ in $(seq 1 $((${2:-8} * 5))); do screen | grep -q "$1" && return 0; sleep 0.2; done; return 1; }
# Waits up to 8 s for line $1 of the screen to match $2 (a loaded machine redraws late).
wait_line() { for _ in $(seq 1 40); do screen | sed -n "$1p" | grep -q "$2" && return 0; sleep 0.2; done; return 1; }

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
    if tail -1 <<<"$s" | grep -q "Enter verdict  ] next quote"; then ok "the quoted text offers Enter verdict and ] next quote"; else bad "the quoted text offers Enter verdict and ] next quote" "$(tail -1 <<<"$s")"; fi
else
    if grep -q "not loaded" <<<"$s"; then ok "Enter shows the quote and how to load sources"; else bad "not-loaded clause pane" "$s"; fi
fi
keys '<'
if [ "$(screen)" == "$before" ]; then ok "< returns to the identical screen"; else bad "< returns to the identical screen" "$(screen)"; fi
keys q q q
restored main "q"
[ "$(exit_code main)" == "EXIT=0" ] && ok "q exits 0" || bad "q exits 0" "$(exit_code main)"

# 2. Ctrl-C, SIGTERM and SIGHUP leave the terminal as it was, and exit 128 + the signal
#    (130, 143, 129) as a shell reports a command a signal ended.
start ctrlc 80 24 "$BIN" browse deepseek
keys C-c
restored ctrlc "Ctrl-C"
[ "$(exit_code ctrlc)" == "EXIT=130" ] && ok "Ctrl-C exits 130" || bad "Ctrl-C exits 130" "$(exit_code ctrlc)"
for sig in TERM:143 HUP:129; do
    name=${sig%:*} status=${sig#*:}
    start "sig$name" 80 24 "$BIN" browse openai
    pid=$(pgrep -n -f "^$BIN browse openai")
    if [ -n "$pid" ]; then kill -"$name" "$pid"; fi
    restored "sig$name" "kill -$name"
    [ "$(exit_code "sig$name")" == "EXIT=$status" ] && ok "kill -$name exits $status" || bad "kill -$name exits $status" "$(exit_code "sig$name")"
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
if grep -q "Stopped" "$WORK/job.jobs" 2>/dev/null && cmp -s "$WORK/job.before" "$WORK/job.stopped" && [ "$(mouse_flags)" == "0000" ]; then ok "Ctrl-Z stops termlens with the terminal modes restored, mouse off"; else bad "Ctrl-Z stops termlens with the terminal modes restored" "$(cat "$WORK/job.jobs" 2>/dev/null) $(mouse_flags)"; fi
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
    # The first search builds the index (seconds in a debug build on a busy machine).
    if wait_for "hits" 30; then ok "results appear as the query is typed"; else bad "results appear as the query is typed" "$(screen)"; fi
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

# 8b. Narrow, without colour, a Chinese query: the count stays at the status bar's right end in
#     the results and in the reader (n steps it); the reader draws the hit and the query's other
#     occurrences differently.
if [ -n "$SRC" ]; then
    start searchzh 40 12 NO_COLOR=1 "$BIN" browse deepseek $SRC
    keys /
    t send-keys -t main -l "训练 v:deepseek"
    wait_for "hits" >/dev/null
    if screen | tail -1 | grep -qE " 1/[0-9]+ *$"; then ok "the results count hits at the status bar's end"; else bad "the results count hits at the status bar's end" "$(screen)"; fi
    if screen | sed -n 3p | grep -q "训练"; then ok "the first hit's snippet shows the match at 40 columns"; else bad "the first hit's snippet shows the match at 40 columns" "$(screen)"; fi
    keys Enter
    if screen | tail -1 | grep -qE " 1/[0-9]+ *$"; then ok "the reader keeps the count after a long breadcrumb"; else bad "the reader keeps the count after a long breadcrumb" "$(screen | tail -1)"; fi
    keys n
    if screen | tail -1 | grep -qE " 2/[0-9]+ *$"; then ok "n steps the count"; else bad "n steps the count" "$(screen | tail -1)"; fi
    styles=$(t capture-pane -p -e -t main | grep -o $'\e\[[0-9;]*m训练' | sort -u | wc -l)
    if [ "$styles" -ge 2 ]; then ok "without colour the hit and the other words look different"; else bad "without colour the hit and the other words look different" "$(t capture-pane -p -e -t main | cat -v)"; fi
    keys q q q q
    restored searchzh "narrow search"
fi

# 9. An unknown TERM is a one-line error and exit 2, not an abrupt abort.
out=$(script -qec "env TERM=no-such-terminal $BIN browse; echo CODE=\$?" /dev/null 2>&1 | tr -d '\r')
if grep -q "unknown terminal type" <<<"$out" && grep -q "CODE=2" <<<"$out"; then ok "unknown TERM: clear error, exit 2"; else bad "unknown TERM" "$out / $code"; fi

# 10. The reader renders Markdown (tables aligned, list bullets), r shows the file as it is, and
#     `:` goes to a clause by number with the matches listed as you type.
start reader 100 30 "$BIN" browse deepseek/research-note-api-training
s=$(screen)
if grep -q "─┼─" <<<"$s" && grep -q "•" <<<"$s" && ! grep -q "|---|" <<<"$s"; then ok "the reader renders tables and lists"; else bad "the reader renders tables and lists" "$s"; fi
keys r
if screen | grep -q "|---|" && screen | head -1 | grep -q "\[raw\]"; then ok "r shows the Markdown file as it is"; else bad "r shows the Markdown file as it is" "$(screen)"; fi
keys r q
# A text no verdict quotes offers no key that would do nothing: no `] next quote`, no `Enter verdict`.
if [ -n "$SRC" ]; then
    start unquoted 100 30 "$BIN" browse tempo-labs/privacy-policy $SRC
    last=$(screen | tail -1)
    if grep -q "? help" <<<"$last" && ! grep -qE "next quote|Enter verdict" <<<"$last"; then ok "an unquoted text offers no quote keys"; else bad "an unquoted text offers no quote keys" "$last"; fi
    keys q q
    # Blockquote marks are rendered away: `> Last Update: …` reads `Last Update: …`.
    start blockquote 100 30 "$BIN" browse deepseek/privacy-policy $SRC
    if wait_for "Last Update" && ! screen | grep -q "> Last Update"; then ok "the reader shows no blockquote marks"; else bad "the reader shows no blockquote marks" "$(screen | head -8)"; fi
    keys q q
fi
start goto 100 30 "$BIN" browse deepseek/user-agreement-zh
keys :
t send-keys -t main -l "4.3"
if wait_for "▸§4.3"; then ok ": lists the clauses matching what is typed"; else bad ": lists the matches" "$(screen)"; fi
keys Enter
if screen | head -1 | grep -q "§4.3" && screen | sed -n 2p | grep -q "4.3"; then ok ":4.3 Enter goes to clause 4.3"; else bad ":4.3 Enter goes to clause 4.3" "$(screen)"; fi
keys : Escape q q q
restored goto "go to a clause"
# A heading without a number is listed once, whole, at 100 and at 40 columns (its title is its
# label; the numbers beside it keep a column as wide as they are).
if [ -n "$SRC" ]; then
    start gotoheading 100 30 "$BIN" browse deepseek/terms-of-service $SRC
    keys :
    t send-keys -t main -l "gov"
    keys Tab
    if wait_for "▸§Governing" && screen | grep -qE "^▸§Governing Law and Jurisdiction *$"; then ok ":gov Tab lists the heading once, whole"; else bad ":gov Tab lists the heading once, whole" "$(screen | tail -5)"; fi
    t resize-window -t main -x 40 -y 12; sleep 0.6
    if screen | grep -qE "^▸§Governing Law and Jurisdiction *$" && screen | grep -qE "^ §10\.1  +The establishment"; then ok "at 40 columns too, beside §10.1"; else bad "at 40 columns the heading stays whole" "$(screen | tail -5)"; fi
    keys Escape q q q
    restored gotoheading "go to a heading"
fi

# 11. One question across every vendor: `a` in the matrix, grouped by answer as `show --question`
#     groups it, `s` narrows to a surface, Enter opens a verdict.
start question 100 30 "$BIN" browse openai
keys a
s=$(screen)
groups=$("$BIN" show --question train-on-inputs --json | python3 -c 'import json,sys; v=json.load(sys.stdin); print(len(v))')
if grep -q "Are my inputs used to train" <<<"$s" && grep -q "\[all $groups\]" <<<"$s" && grep -q "▸ OpenAI · ChatGPT" <<<"$s"; then ok "a opens the question across every vendor ($groups verdicts, as show --question)"; else bad "a opens the question across every vendor ($groups)" "$s"; fi
keys s s
api=$("$BIN" show --question train-on-inputs --surface api --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
if screen | grep -q "\[api\]" && screen | grep -q "\[all $api\]"; then ok "s narrows it to the API surface ($api verdicts)"; else bad "s narrows it to the API surface ($api)" "$(screen)"; fi
keys Enter
if screen | grep -q "Evidence"; then ok "Enter opens the verdict"; else bad "Enter opens the verdict" "$(screen)"; fi
keys q q q q
restored question "question view"

# 12. Documents side by side from the browser: L in the reader puts the Terms of Use beside the
#     Chinese 用户协议 at the clause being read; Space and c in the documents list.
if [ -n "$SRC" ]; then
    start sidebyside 120 30 "$BIN" browse deepseek/terms-of-service:4.3 $SRC
    keys L
    s=$(screen)
    if head -1 <<<"$s" | grep -q "user-agreement-zh" && grep -q "▸4.3 Under the premise" <<<"$s" && grep -q "4.3 为了履行法律法规" <<<"$s"; then ok "L opens the Chinese agreement beside the terms at §4.3"; else bad "L opens the Chinese agreement beside the terms at §4.3" "$s"; fi
    keys n
    if screen | tail -1 | grep -q "§"; then ok "n steps to the next quoted clause"; else bad "n steps to the next quoted clause" "$(screen)"; fi
    keys q q
    keys Space Space c
    if screen | head -1 | grep -q "deepseek/.*deepseek/"; then ok "Space Space c compares two documents"; else bad "Space Space c compares two documents" "$(screen)"; fi
    keys q q q q q
    restored sidebyside "documents side by side"
fi

# 13. Copy: y / Y put a quote with its citation / the whole verdict on the clipboard through OSC 52
#     (tmux with set-clipboard on keeps it as a paste buffer); Y is what export --format markdown prints.
start copy 100 30 DISPLAY= WAYLAND_DISPLAY= BROWSER= "$BIN" browse deepseek/consumer/train-on-inputs
t set -s set-clipboard on
keys y
buf=$(t show-buffer 2>/dev/null)
if grep -q "^> “" <<<"$buf" && grep -q "^> — DeepSeek, \*DeepSeek" <<<"$buf" && screen | tail -1 | grep -q "copied quote \[1\]"; then ok "y copies the quote with its citation (OSC 52 → tmux buffer)"; else bad "y copies the quote with its citation" "$buf / $(screen | tail -1)"; fi
keys Y
"$BIN" export --format markdown deepseek/consumer/train-on-inputs > "$WORK/verdict.md" 2>/dev/null
t save-buffer "$WORK/copied.md" 2>/dev/null
if cmp -s "$WORK/verdict.md" "$WORK/copied.md"; then ok "Y copies the whole verdict, as export --format markdown prints it"; else bad "Y copies the whole verdict" "$(diff "$WORK/verdict.md" "$WORK/copied.md" | head -5)"; fi
#     o with no browser and no display: the URL in an overlay, y copies it.
keys o
url=$("$BIN" show deepseek --json | python3 -c 'import json,sys; print([d["url"] for d in json.load(sys.stdin)["documents"] if d["id"]=="terms-of-service"][0])')
if screen | grep -q "Link" && screen | grep -qF "$url"; then ok "o with no browser shows the URL"; else bad "o with no browser shows the URL ($url)" "$(screen)"; fi
keys y
if [ "$(t show-buffer)" == "$url" ]; then ok "y in the overlay copies the URL"; else bad "y in the overlay copies the URL" "$(t show-buffer)"; fi
keys q q q q
restored copy "copy"

# 14. o with $BROWSER and no display: a text browser gets the terminal, then the screen comes back.
printf '#!/bin/sh\necho "$1" > %s/opened\necho "text browser: $1"\nsleep 0.5\n' "$WORK" > "$WORK/browser.sh"
chmod +x "$WORK/browser.sh"
start open 100 30 DISPLAY= WAYLAND_DISPLAY= BROWSER="$WORK/browser.sh" "$BIN" browse deepseek/user-agreement-zh
keys o
sleep 1
if [ "$(cat "$WORK/opened" 2>/dev/null)" == "$("$BIN" show deepseek --json | python3 -c 'import json,sys; print([d["url"] for d in json.load(sys.stdin)["documents"] if d["id"]=="user-agreement-zh"][0])')" ] && wait_for "用户协议"; then ok "o runs \$BROWSER with the document's URL and the browser comes back"; else bad "o runs \$BROWSER" "$(cat "$WORK/opened" 2>/dev/null) / $(screen)"; fi
keys q q q
restored open "open with \$BROWSER"

# 15. The mouse, as SGR reports (what xterm and tmux send): a click selects a row, a second
#     click opens it, the wheel scrolls; reporting is on while termlens runs (off after it: every
#     `restored` check above), and --no-mouse or TERMLENS_NO_MOUSE=1 leave it off.
# An SGR report: button x y (1-based); a click is a press then a release, the wheel a press.
sgr() { t send-keys -t main -l "$(printf '\033[<%d;%d;%dM' "$1" "$2" "$3")"; [ "$1" -lt 64 ] && t send-keys -t main -l "$(printf '\033[<%d;%d;%dm' "$1" "$2" "$3")"; sleep 0.4; }
start mouse 100 30 "$BIN" browse
if [ "$(mouse_flags)" == "1101" ]; then ok "mouse reporting is on (SGR) while the browser runs"; else bad "mouse reporting is on (SGR)" "$(mouse_flags)"; fi
third=$(screen | sed -n 4p | awk '{print $1}')
sgr 0 10 4
if wait_line 4 "^▸ $third"; then ok "a click selects the row under the pointer ($third)"; else bad "a click selects the row under the pointer" "$(screen | head -6)"; fi
sgr 0 10 4
if wait_line 1 "$third"; then ok "a click on the selected row opens it"; else bad "a click on the selected row opens it" "$(screen | head -3)"; fi
# A press and its release in one write (a fast click, or a busy machine) are one click too.
keys "<"
t send-keys -t main -l "$(printf '\033[<0;10;5M\033[<0;10;5m')"; sleep 0.4
if wait_line 5 "^▸"; then ok "a press and release read together are a click"; else bad "a press and release read together are a click" "$(screen | head -6)"; fi
sgr 0 10 4
sgr 0 10 4
sgr 65 40 10
sgr 65 40 10
# Still the matrix (its hint), the vendor in the breadcrumb (cut from the left when the surface's name is long).
if screen | tail -1 | grep -q "${third:2} ›.*Enter detail"; then ok "the wheel moves in the matrix"; else bad "the wheel moves in the matrix" "$(screen | tail -3)"; fi
keys q q
restored mouse "mouse"
for how in "--no-mouse" "TERMLENS_NO_MOUSE=1"; do
    if [ "$how" == "--no-mouse" ]; then start nomouse 100 30 "$BIN" --no-mouse browse; else start nomouse 100 30 TERMLENS_NO_MOUSE=1 "$BIN" browse; fi
    if [ "$(mouse_flags)" == "0000" ] && screen | grep -q "Vendors"; then ok "$how: the mouse stays the terminal's"; else bad "$how: the mouse stays the terminal's" "$(mouse_flags)"; fi
    keys q
    restored nomouse "$how"
done

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
# The services without verdicts follow the analysed vendors under a heading that j, k and G pass over.
keys G
s=$(screen)
if grep -q "^ Not analysed — 1 service *$" <<<"$s" && grep -q "^▸ Quill Notes" <<<"$s"; then ok "the services are under a heading; G selects the last one"; else bad "the services are under a heading" "$s"; fi
keys k
if screen | grep -q "^▸ .*✓[0-9]"; then ok "k passes over the heading to the last analysed vendor"; else bad "k passes over the heading" "$(screen)"; fi
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
# Two versions side by side mark the words that differ, as the diff does.
keys G d
for _ in 1 2 3; do screen | grep -q "^▸.*Privacy" && break; keys j; done
keys v c
s=$(screen)
if grep -q "\[-do not-\]" <<<"$s" && grep -q "{+may+}" <<<"$s"; then ok "versions side by side mark the words that differ"; else bad "versions side by side mark the words that differ" "$s"; fi
keys q q q q
restored git3 "versions side by side"

# 15b. What changed with nothing new (the bundled data, a first run): the empty list names the
#      keys that widen it; A lists every recorded version, from the first.
start widen 100 30 XDG_STATE_HOME="$WORK/widen-state" "$BIN" browse
keys C
if wait_for "No real change recorded since" && screen | grep -q "\[ a month further back · A every recorded version"; then ok "an empty What changed names the keys that widen it"; else bad "an empty What changed names the keys that widen it" "$(screen)"; fi
if screen | tail -1 | grep -q "\[ a month back  A all"; then ok "its status bar offers them"; else bad "its status bar offers them" "$(screen | tail -1)"; fi
first=$("$BIN" changes --since 1990-01-01 2>/dev/null | grep -oE "^[0-9]{4}-[0-9]{2}-[0-9]{2}" | sort | head -1)
keys A
if [ -n "$first" ] && screen | head -1 | grep -q "since $first" && screen | sed -n "2,\$p" | grep -q "$first"; then ok "A lists every recorded version, from the first ($first)"; else bad "A lists every recorded version ($first)" "$(screen)"; fi
keys q q
restored widen "widened changes"

# 16. Timeline and versions: Enter on an event whose source is vendor/doc@date opens that
#     version; the versions list explains its symbols under the list and in ?.
start timeline 110 30 "$BIN" browse anthropic
keys t
for _ in $(seq 1 60); do screen | grep -q "^▸2025-09-26  ● Announcement" && break; keys j; done
keys Enter
if screen | tail -1 | grep -q "update-zh@2025-09-26"; then ok "Enter on an event opens the version its source names"; else bad "Enter on an event opens the version its source names" "$(screen | head -3)"; fi
keys q q d G v
if screen | grep -q "● a real change" && screen | grep -q "+7 −2 ~38 paragraphs added, removed, reworded"; then ok "the versions list has a legend"; else bad "the versions list has a legend" "$(screen)"; fi
keys ? G
if screen | grep -q "↺ back to an earlier text"; then ok "? explains the versions' symbols"; else bad "? explains the versions' symbols" "$(screen)"; fi
keys q q q q q
restored timeline "timeline and versions"

# 17. Where you left off: Q in a verdict, and the next start offers ' to go back there.
start leftoff 100 30 XDG_STATE_HOME="$WORK/leftoff-state" "$BIN" browse deepseek/consumer/retention
keys Q
if finished leftoff && [ "$(exit_code leftoff)" == "EXIT=0" ]; then ok "Q quits from a verdict (exit 0)"; else bad "Q quits from a verdict" "$(exit_code leftoff)"; fi
start leftoff2 100 30 XDG_STATE_HOME="$WORK/leftoff-state" "$BIN" browse
if wait_for "' goes back to where you left off: deepseek/consumer/retention"; then ok "the next start says where you left off"; else bad "the next start says where you left off" "$(screen | tail -2)"; fi
keys "'"
if wait_for "Evidence" && screen | tail -1 | grep -q "retention"; then ok "' goes back there"; else bad "' goes back there" "$(screen | tail -3)"; fi
keys Q
restored leftoff2 "where you left off"

echo "e2e: $passed passed, $failed failed"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
