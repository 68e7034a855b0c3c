#!/usr/bin/env bash
# The whole test suite, on a fresh machine of this kind: starts what it needs (a throwaway
# PostgreSQL cluster from the installed binaries, Debian's Chromium if missing) and skips nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[test] %s\n' "$*" >&2; }

# --- Chromium for the browser tests, Java for the Nu HTML Checker, xmllint -------------------------
need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v java >/dev/null 2>&1 || need_apt+=(default-jre-headless)
# xmllint validates the sitemaps against their XSDs.
command -v xmllint >/dev/null 2>&1 || need_apt+=(libxml2-utils)
# Varnish with the xkey vmod for the edge-cache suite (deploy/varnish/habarshy.vcl).
command -v varnishd >/dev/null 2>&1 && compgen -G '/usr/lib/*/varnish/vmods/libvmod_xkey.so' >/dev/null || need_apt+=(varnish varnish-modules)
# Fonts for the screenshots: Chinese glyphs (the Arabic and Cyrillic ones come with Chromium's deps).
command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh 2>/dev/null | head -1)" ] || need_apt+=(fonts-wqy-zenhei)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    log "installing ${need_apt[*]} from Debian"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    log "missing ${need_apt[*]}: install them (apt-get install ${need_apt[*]})"; exit 1
  fi
fi

# --- A throwaway PostgreSQL cluster ------------------------------------------------------------
pg_dir=""
cleanup() {
  if [ -n "$pg_dir" ] && [ -f "$pg_dir/data/postmaster.pid" ]; then
    as_pg pg_ctl -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  [ -n "$pg_dir" ] && rm -rf "$pg_dir"
}
trap cleanup EXIT
as_pg() { if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }

if [ -z "${TEST_DATABASE_URL:-}" ]; then
  if command -v initdb >/dev/null 2>&1 || [ -x /usr/lib/postgresql/15/bin/initdb ]; then
    export PATH="$PATH:/usr/lib/postgresql/15/bin"
    pg_dir=$(mktemp -d /tmp/habarshy-pg.XXXXXX)
    chmod 755 "$pg_dir"
    [ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
    port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
    as_pg initdb -D "$pg_dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
    as_pg pg_ctl -D "$pg_dir/data" -l "$pg_dir/log" -w -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
    export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
    log "PostgreSQL $(as_pg postgres --version | awk '{print $3}') on 127.0.0.1:$port"
  else
    log "no PostgreSQL binaries found: the PostgreSQL half of the suite cannot run"
  fi
fi

# --- The suite -----------------------------------------------------------------------------------
# The unit tests share one process (test/run.ts: one tsx load, not one per file). The integration
# and browser suites keep a process each, two at a time: they boot apps, spawn servers and clusters,
# and some change process-wide state (environment, signal handlers, the metrics registry).
status=0
node --import tsx --test-reporter=spec test/run.ts test/unit || status=1
files=$(find test/integration test/e2e -name '*.test.ts' -o -name '*.test.tsx' | sort)
mkdir -p test-output
log=test-output/integration.log
node --import tsx --test --test-reporter=spec --test-concurrency=2 --test-timeout=600000 $files 2>&1 | tee "$log" || status=1
# A file can fail with no failing test (an error thrown after its tests ended): the runner's summary
# then says only 'test failed', and the reason is a diagnostic printed far above. Repeat those here.
if grep -q "asynchronous activity after the test ended\|^\s*ℹ .*Error" "$log"; then
  printf '\n[test] diagnostics printed during the run:\n' >&2
  grep -B2 -A8 "asynchronous activity after the test ended\|^\s*ℹ .*Error" "$log" >&2 || true
fi
exit $status
