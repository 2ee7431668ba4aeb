#!/usr/bin/env bash
# A newcomer's first hour, scripted: a fresh clone of this repository's HEAD, the README's two
# commands, every documented CLI and console command (piped, and under a terminal through
# util-linux `script`), then `npm pack` installed in an empty folder and `askwell review` run from it.
# Checks: no stack trace anywhere, no silent no-op (every command says something and exits as
# documented), nothing written outside the clone's own data/ and the temporary folders.
#
#   bash scripts/newcomer.sh [--skip-test]     # --skip-test leaves out the README's `npm test`
#
# Needs the npm registry (npm install) and takes several minutes; CI does not run it.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/askwell-newcomer.XXXXXX)
SKIP_TEST=${1:-}
passed=0
failed=0
STACK='^\s+at .+:[0-9]+:[0-9]+\)?$'

pass() { passed=$((passed + 1)); echo "ok    $1"; }
fail() { failed=$((failed + 1)); echo "FAIL  $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | head -20 | sed 's/^/      /'; }

# check NAME EXPECTED_EXIT PATTERN CMD...: runs CMD (stdin from $INPUT), wants that exit status, PATTERN
# somewhere in stdout+stderr, no stack trace, and some output.
check() {
  local name=$1 want=$2 pattern=$3
  shift 3
  local out code
  out=$("$@" < "${INPUT:-/dev/null}" 2>&1)
  code=$?
  if [ "$code" != "$want" ]; then fail "$name (exit $code, wanted $want)" "$out"; return; fi
  if [ -z "$out" ]; then fail "$name (printed nothing)"; return; fi
  if printf '%s\n' "$out" | grep -Pq "$STACK"; then fail "$name (stack trace)" "$out"; return; fi
  if ! printf '%s' "$out" | grep -Eq -- "$pattern"; then fail "$name (no /$pattern/)" "$out"; return; fi
  pass "$name"
}

echo "== fresh clone of $(git -C "$ROOT" rev-parse --short HEAD) in $WORK"
git clone -q "$ROOT" "$WORK/askwell"
cd "$WORK/askwell" || exit 1
# A home of its own (nothing of the real one is written), but npm keeps its configuration (e.g. the
# nodedir that lets node-gyp build better-sqlite3 offline) and its download cache.
export npm_config_userconfig="${npm_config_userconfig:-$(npm config get userconfig)}"
export npm_config_cache="${npm_config_cache:-$(npm config get cache)}"
export HOME="$WORK/home" ASKWELL_USER=newcomer ASKWELL_TIME_ZONE=UTC NO_COLOR=1
mkdir -p "$HOME"
unset DATABASE_URL SLACK_BOT_TOKEN SLACK_CLIENT_ID SLACK_APP_TOKEN TEAMS_ENABLED MicrosoftAppId OPENAI_API_KEY LOG_LEVEL

echo "== README: npm install && npm start < examples/demo-session.txt"
start=$(date +%s)
INPUT=examples/demo-session.txt check "npm install && npm start < demo" 0 "Tracked as ask #1" bash -c "npm install --no-audit --no-fund >$WORK/install.log 2>&1 && npm start --silent"
echo "      ($(( $(date +%s) - start )) s)"
if git diff --quiet -- package-lock.json; then pass "npm install leaves package-lock.json unchanged"; else fail "npm install rewrote package-lock.json" "$(git diff --stat)"; fi
if [ "$SKIP_TEST" != "--skip-test" ]; then
  check "npm test" 0 "Tests: .* passed" npm test --silent
fi

A=(node bin/askwell.js)
DRAFT="Hi Dana, we worked together on the Parallax launch last spring. Could you introduce me to Sam Ortiz at Acme? I'd value 20 minutes of advice on a data role. No worries at all if you'd rather not."
printf '%s\n' "$DRAFT" > "$WORK/draft.txt"
printf '{"id":"a","text":"%s"}\n{"id":"b"}\n' "$DRAFT" > "$WORK/drafts.jsonl"

echo "== the CLI, piped (on its own database file, apart from the demo's data/)"
export DATABASE_URL="sqlite:$WORK/cli/askwell.db"
check "askwell --version" 0 '^[0-9]+\.[0-9]+\.[0-9]+' "${A[@]}" --version
check "askwell --help" 0 "Usage: askwell" "${A[@]}" --help
check "askwell (no command)" 2 "Usage: askwell" "${A[@]}"
check "askwell review \"…\"" 0 "Ready to send|Revise before sending" "${A[@]}" review "$DRAFT"
INPUT=$WORK/draft.txt check "askwell review < draft.txt" 0 "intro" "${A[@]}" review
INPUT=$WORK/draft.txt check "askwell review --json < draft.txt" 0 '"kind": "intro_request"' "${A[@]}" review --json
INPUT=$WORK/drafts.jsonl check "askwell review --jsonl < drafts.jsonl" 0 '"id":"b","error"' "${A[@]}" review --jsonl
check "askwell review --jsonl \"text\" (refused)" 2 '"error":\{"code":"usage"' "${A[@]}" review --jsonl "$DRAFT"
check "askwell review --help" 0 "Usage: askwell review" "${A[@]}" review --help
check "askwell asks list (nothing yet)" 0 "No open asks" "${A[@]}" asks list
if [ -e "$WORK/cli" ]; then fail "asks list created the database"; else pass "looking around created no database"; fi
INPUT=$WORK/draft.txt check "askwell asks add" 0 '^1$' "${A[@]}" asks add --to "Dana Lee" --intro "Sam Ortiz" --at 2030-01-07T10:00:00Z
check "askwell asks list" 0 "an introduction to Sam Ortiz from Dana Lee" "${A[@]}" asks list
check "askwell asks show 1" 0 "next reminder" "${A[@]}" asks show 1
check "askwell asks show 9 (refused)" 3 "There is no ask 9" "${A[@]}" asks show 9
check "askwell asks bogus (refused)" 2 "unknown command 'bogus'" "${A[@]}" asks bogus
check "askwell reminders run --now" 0 "1 reminder delivered" "${A[@]}" reminders run --now 2030-01-14T10:00:00Z
check "askwell reminders run extra-arg (refused)" 2 "too many arguments" "${A[@]}" reminders run extra-arg
check "askwell asks followed-up 1" 0 "followed up" "${A[@]}" asks followed-up 1 --at 2030-01-14T12:00:00Z
INPUT=$WORK/draft.txt check "askwell review --ask 1" 0 "." "${A[@]}" review --ask 1
check "askwell asks replied 1" 0 "answered" "${A[@]}" asks replied 1 --at 2030-01-15T12:00:00Z
check "askwell asks close 1 (refused: answered)" 3 "can't be" "${A[@]}" asks close 1
check "askwell asks export" 0 '"asks"' "${A[@]}" asks export
check "askwell asks forget (needs --yes)" 2 "add --yes" "${A[@]}" asks forget
check "askwell asks forget --yes" 0 "Deleted 1 ask, [0-9]+ reminders?, " "${A[@]}" asks forget --yes
check "node scripts/explain.js (no argument)" 2 "Usage: node scripts/explain.js" node scripts/explain.js

unset DATABASE_URL
echo "== the console chat, piped"
printf 'help\nHi Dana,\n%s\n\nThanks,\nAlex\n\nlist\nquit\nlist\n' "$DRAFT" > "$WORK/chat.txt"
INPUT=$WORK/chat.txt check "npm start < chat (multi-line draft, help, quit)" 0 "Bye!" npm start --silent
INPUT=$WORK/chat.txt check "… the draft is one review" 0 "Verdict: .*intro request" npm start --silent

echo "== under a terminal (script)"
TTY_CHAT=$(printf 'help\rHi Dana,\r%s\r\rquit\r' "$DRAFT")
check "npm start on a terminal" 0 "you> [\s\S]*Bye!|Bye!" bash -c "printf '%s' \"\$0\" | script -qefc 'node dist/adapters/main.js' /dev/null" "$TTY_CHAT"
check "askwell review on a terminal" 0 "Ready to send|Revise before sending" script -qefc "node bin/askwell.js review \"$DRAFT\"" /dev/null
check "askwell review on a terminal with no draft (refused)" 2 "give the draft as an argument" script -qefc "node bin/askwell.js review" /dev/null

echo "== nothing written outside data/"
changed=$(git status --porcelain --ignored | grep -v -E '^!! (node_modules|dist|data)/$' || true)
if [ -z "$changed" ]; then pass "git status: only node_modules/, dist/ and data/"; else fail "files changed in the clone" "$changed"; fi

echo "== npm pack, installed in an empty folder"
start=$(date +%s)
check "npm pack" 0 "askwell-.*\.tgz" npm pack --silent --pack-destination "$WORK"
mkdir -p "$WORK/consumer"
(cd "$WORK/consumer" && echo '{"name":"consumer","version":"1.0.0","private":true}' > package.json)
check "npm install <tarball>" 0 "added" bash -c "cd $WORK/consumer && npm install --no-audit --no-fund $WORK/askwell-*.tgz"
check "installed askwell review \"…\"" 0 "Ready to send|Revise before sending" bash -c "cd $WORK/consumer && ./node_modules/.bin/askwell review \"\$0\"" "$DRAFT"
check "installed askwell --version" 0 '^[0-9]+\.[0-9]+\.[0-9]+' "$WORK/consumer/node_modules/.bin/askwell" --version
echo "      ($(( $(date +%s) - start )) s)"

echo
echo "newcomer: $passed passed, $failed failed"
[ "$failed" = 0 ] && rm -rf "$WORK"
[ "$failed" = 0 ]
