#!/usr/bin/env bash
# CI: the production install from a fresh clone. Builds dist/ in this checkout (which has the dev
# dependencies), clones the committed tree into a temporary folder, copies the build there, installs
# only the runtime dependencies (`npm ci --omit=dev`) and checks that the build is current, that no
# build tool came along, that every `habarshy` command runs, and that `npm start`'s pre-step and the
# server work: pages, the newsroom's prebuilt bundle, a clean exit on SIGTERM.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
started=$(date +%s)
log() { printf '[production] %s\n' "$*" >&2; }
fail() { log "FAIL: $*"; exit 1; }

node scripts/build.mjs --if-stale

tmp=$(mktemp -d /tmp/habarshy-production.XXXXXX)
server=""
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then kill -KILL "$server" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

git clone --quiet --no-hardlinks "$repo" "$tmp/app"
cp -R dist "$tmp/app/dist"
cd "$tmp/app"
log "npm ci --omit=dev in a fresh clone"
npm ci --omit=dev --no-audit --no-fund --loglevel=error >/dev/null
log "installed in $(( $(date +%s) - started )) s"
for tool in tsx esbuild typescript @tiptap/core; do
  [ ! -e "node_modules/$tool" ] || fail "$tool is installed by a production install"
done
state=$(node --input-type=module -e "import { buildState } from './scripts/buildStamp.mjs'; console.log(buildState('.'))")
[ "$state" = fresh ] || fail "the build does not match the committed sources ($state): commit first"

export DATA_DIR="$tmp/data" HOST=127.0.0.1 LOG_LEVEL=info
PORT=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
export PORT
hab() { node bin/habarshy.js "$@"; }
# Whether the output of a command has a line matching a pattern (grep reads it all: no broken pipe).
has() { grep -q -- "$1" <<<"$2"; }

log "every habarshy command"
has '^Usage: habarshy' "$(hab --help)" || fail "habarshy --help"
for command in serve migrate seed convert lexicon webhooks sources apikey user; do
  hab "$command" --help >/dev/null || fail "habarshy $command --help"
done
has 'applied 0001_initial' "$(hab migrate)" || fail "habarshy migrate"
[ "$(printf 'Қазақстан\n' | hab convert --from kk-Cyrl --to kk-Latn)" = Qazaqstan ] || fail "habarshy convert"
hab lexicon add --scheme kk-Latn-2018 сынақ synaq >/dev/null && has synaq "$(hab lexicon list --scheme kk-Latn-2018)" \
  && hab lexicon remove --scheme kk-Latn-2018 сынақ >/dev/null || fail "habarshy lexicon"
log "habarshy seed (the demo content, as the first start makes it)"
has '^demo content: 315 articles' "$(hab seed)" || fail "habarshy seed"
hab apikey create --name ci >/dev/null && has $'\tci\t' "$(hab apikey list)" && hab apikey revoke 1 >/dev/null || fail "habarshy apikey"
hab webhooks add --url http://127.0.0.1:9/hook >/dev/null && has 127.0.0.1:9/hook "$(hab webhooks list)" \
  && hab webhooks remove 1 >/dev/null || fail "habarshy webhooks"
hab sources add --url http://127.0.0.1:9/feed.xml --edition en --section world >/dev/null && has feed.xml "$(hab sources list)" \
  && hab sources remove 1 >/dev/null || fail "habarshy sources"
printf 'a long enough password\n' | hab user create --email ci@example.test --role editor --desks kz --password-stdin >/dev/null \
  && has ci@example.test "$(hab user list)" && hab user disable --email ci@example.test >/dev/null || fail "habarshy user"

log "npm start's build step without the build tools (a no-op on a current build)"
npm run --silent prestart || fail "npm run prestart"

log "the server"
node bin/habarshy.js serve >"$tmp/server.log" 2>&1 &
server=$!
for _ in $(seq 1 600); do
  grep -q 'Habarshy is running' "$tmp/server.log" && break
  kill -0 "$server" 2>/dev/null || { cat "$tmp/server.log" >&2; fail "the server stopped"; }
  sleep 0.2
done
grep -q 'Habarshy is running' "$tmp/server.log" || fail "the server did not start"
url="http://127.0.0.1:$PORT"
status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
[ "$(status "$url/en/")" = 200 ] || fail "GET /en/"
[ "$(status "$url/api/v1/openapi.json")" = 200 ] || fail "GET /api/v1/openapi.json"
shell=$(curl -sf "$url/newsroom/") || fail "GET /newsroom/"
asset=$(printf '%s' "$shell" | grep -o '/newsroom/assets/app-[0-9a-f]*\.js' | head -1)
[ -n "$asset" ] || fail "the newsroom shell links no bundle"
[ -f "dist/public/newsroom/${asset##*/}" ] || fail "the newsroom bundle is not the prebuilt one"
encoding=$(curl -s -o /dev/null -H 'Accept-Encoding: br' -w '%header{content-encoding}' "$url$asset")
[ "$encoding" = br ] || fail "the newsroom bundle is not served with brotli ($encoding)"
kill -TERM "$server"
code=0
wait "$server" || code=$?
server=""
[ "$code" = 0 ] || { cat "$tmp/server.log" >&2; fail "the server exited with $code on SIGTERM"; }
grep -q '"level":' "$tmp/server.log" || fail "the logs are not JSON lines off a terminal"

log "passed in $(( $(date +%s) - started )) s"
