#!/usr/bin/env bash
# Costs as an installation grows. Seeds the store of a real `tokenctl serve`
# with SIZES tokens (and AUDIT_PER_TOKEN audit entries per token, spread
# over two years) and, at each size, on a freshly started server, reports:
#
#   verify      req/s and p99 of POST /v1/tokens/verify (wrk, 64 connections),
#               as a ratio to a bare axum hello run just before it (the
#               median of ROUNDS such pairs), and that ratio against the
#               first size's (target: within 10%)
#   list page   GET /v1/tokens?limit=100, and `tokenctl list --limit 100`
#               (median ms; target for the API at 1M: <= 20 ms)
#   audit 1d    GET /v1/audit?since_seconds=86400&limit=100, and
#               `tokenctl audit --since 1d --limit 100` (target at 10M
#               entries: <= 50 ms)
#   CLI RSS     peak RSS of `tokenctl list --all --jsonl` over every token
#               (target at 1M: <= 50 MB)
#   server RSS  peak RSS of a fresh server while CLIENTS clients each page
#               through every token with `list --all --jsonl` (target at
#               1M: <= 64 MB)
#
# Usage: benches/scale.sh                                   (SQLite store)
#        DATABASE=postgres://root@127.0.0.1:5432/test benches/scale.sh
#        SIZES="1000 100000 1000000" AUDIT_PER_TOKEN=10 CLIENTS=8 DURATION=5s ROUNDS=3 benches/scale.sh
#
# Rows are seeded with SQL (a million `tokenctl create` calls would take
# hours): copies of one real token, each with its own random secret hash,
# so every index and constraint is the real one.
set -euo pipefail

SIZES="${SIZES:-1000 100000 1000000}"
AUDIT_PER_TOKEN="${AUDIT_PER_TOKEN:-10}"
CLIENTS="${CLIENTS:-8}"
DURATION="${DURATION:-5s}"
ROUNDS="${ROUNDS:-3}"
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

for tool in wrk hyperfine psql; do
    command -v "$tool" >/dev/null || {
        apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y wrk hyperfine postgresql-client >&2
    }
done
cargo build --release --bin tokenctl --example bench_hello >&2
BIN="${BIN:-$PWD/target/release/tokenctl}"
HELLO="$PWD/target/release/examples/bench_hello"
# shellcheck source=benches/common.sh
source benches/common.sh
choose_database
write_wrk_done
PASSWORD=bench-password-123

# One port for every server of the run: the CLI's login names its URL.
PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

# Starts a fresh server on the store; sets SERVER_PID and API_URL.
serve() {
    local log
    log="$DIR/api-$(date +%s%N).log"
    start "$log" "${PINNED[@]}" TOKENCTL_INIT_ADMIN_PASSWORD="$PASSWORD" \
        "$BIN" serve --listen "127.0.0.1:$PORT" --database "$DATABASE" \
        --signing-key "$DIR/signing-keys.json" --init-admin bench --exchanges-per-minute 0
    SERVER_PID="${PIDS[-1]}"
    API_URL="$(url_of "$log")"
}

stop_server() {
    kill "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
}

# Brings the store up to $1 tokens, and gives it $2 seeded audit entries in
# place of the last size's: dated over the last two years in ID order (as a
# log written as things happen is), after the run's own entries, which are
# dated before them.
seed() {
    local tokens="$1" audits="$2"
    echo "--- seeding to $tokens tokens and $audits audit entries" >&2
    if [[ "$DATABASE" == sqlite:* ]]; then
        python3 - "${DATABASE#sqlite:}" "$tokens" "$audits" <<'PY'
import sqlite3, sys, time
path, tokens, audits = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
db = sqlite3.connect(path)
copied = [row[1] for row in db.execute("PRAGMA table_info(tokens)")
          if row[1] not in ("id", "name", "secret_hash", "previous_secret_hash", "hint")]
columns = ", ".join(copied)
template = db.execute("SELECT min(id) FROM tokens WHERE name = 'template'").fetchone()[0]
have = db.execute("SELECT count(*) FROM tokens").fetchone()[0]
if have < tokens:
    db.execute(f"""WITH RECURSIVE n(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM n WHERE i < ?)
        INSERT INTO tokens (name, secret_hash, hint, {columns})
        SELECT 'seed-' || i, randomblob(32), 'tcpat_…seed', {columns}
        FROM n, tokens WHERE tokens.id = ?""", (have + 1, tokens, template))
now, span = int(time.time()), 2 * 365 * 86400
db.execute("DELETE FROM audit WHERE detail = 'seeded'")
db.execute("UPDATE audit SET at = ?", (now - span - 60,))
db.execute("""WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
    INSERT INTO audit (at, actor, action, token_id, detail, source)
    SELECT ? - ? + i * ? / ?, 'user-' || (i % 1000),
           CASE i % 4 WHEN 0 THEN 'token.create' WHEN 1 THEN 'token.exchange'
                      WHEN 2 THEN 'token.revoke' ELSE 'login' END,
           i % ? + 1, 'seeded', 'api@127.0.0.1'
    FROM n""", (audits, now, span, span, audits, tokens))
db.commit()
db.execute("ANALYZE")
db.close()
PY
    else
        local columns
        columns="$(psql -At "$DATABASE_URL" -c "SELECT string_agg(column_name, ', ')
            FROM information_schema.columns WHERE table_schema = '$SCHEMA' AND table_name = 'tokens'
            AND column_name NOT IN ('id', 'name', 'secret_hash', 'previous_secret_hash', 'hint')")"
        psql -q -v ON_ERROR_STOP=1 "$DATABASE_URL" >/dev/null <<SQL
SET search_path = $SCHEMA;
INSERT INTO tokens (name, secret_hash, hint, $columns)
SELECT 'seed-' || i, sha256(convert_to('seed-' || i || '-$$', 'UTF8')), 'tcpat_…seed', $columns
FROM generate_series((SELECT count(*) FROM tokens) + 1, $tokens) AS i,
     (SELECT * FROM tokens WHERE name = 'template' ORDER BY id LIMIT 1) AS template;
DELETE FROM audit WHERE detail = 'seeded';
UPDATE audit SET at = extract(epoch FROM now())::bigint - 63072000 - 60;
INSERT INTO audit (at, actor, action, token_id, detail, source)
SELECT extract(epoch FROM now())::bigint - 63072000 + i * 63072000 / $audits, 'user-' || (i % 1000),
       (ARRAY['token.create', 'token.exchange', 'token.revoke', 'login'])[i % 4 + 1],
       i % $tokens + 1, 'seeded', 'api@127.0.0.1'
FROM generate_series(1, $audits::bigint) AS i;
ANALYZE tokens;
ANALYZE audit;
SQL
    fi
}

# The median of `curl` total times (ms) of GET $1 with the session, 21 times.
api_ms() {
    local times=()
    for _ in $(seq 21); do
        times+=("$(curl -s -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $SESSION" "$API_URL$1")")
    done
    printf '%s\n' "${times[@]}" | sort -n | sed -n 11p | python3 -c 'import sys; print(f"{float(sys.stdin.read()) * 1e3:.1f}")'
}

# The median wall time (ms) of a tokenctl command line, by hyperfine.
cli_ms() {
    pinned hyperfine -N --warmup 2 --runs 10 --export-json "$DIR/cli.json" "$1" >/dev/null
    python3 -c 'import json, sys; print("%.1f" % (json.load(open(sys.argv[1]))["results"][0]["median"] * 1e3))' "$DIR/cli.json"
}

# "rps p99" of wrk against $1 with script $2.
wrk_result() {
    wrk -t2 -c64 -d"$DURATION" -s "$2" "$1" | awk '/^RESULT/ {print $2, $3}'
}

# Peak RSS (MB) of the process $1, from the kernel's own high-water mark.
peak_rss_mb() {
    awk '/^VmHWM/ {printf "%.1f", $2 / 1024}' "/proc/$1/status"
}

start "$DIR/hello.log" "$HELLO" 127.0.0.1:0
HELLO_URL="$(url_of "$DIR/hello.log")"
cp "$DIR/done.lua" "$DIR/hello.lua"

serve
echo "$PASSWORD" | pinned "$BIN" login --server "$API_URL" --username bench \
    --password-stdin --insecure-storage >&2
SECRET="$(pinned "$BIN" create template --expires 30d)"
SESSION="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["session"])' \
    "$DIR/data/tokenctl/sessions/default.json")"
wrk_script verify application/json "{\"token\": \"$SECRET\"}"
stop_server

printf '\n%-9s %10s %8s %9s %9s %10s %10s %10s %10s %10s %10s\n' tokens "verify/s" "p99 ms" "x hello" "x first" \
    "page ms" "page CLI" "audit ms" "audit CLI" "CLI RSS" "srv RSS"
first=""
for size in $SIZES; do
    seed "$size" "$((size * AUDIT_PER_TOKEN))"
    serve
    wrk_result "$API_URL/v1/tokens/verify" "$DIR/verify.lua" >/dev/null # warm up
    # Hello and verify alternately, ROUNDS times: the round of median ratio.
    rounds=()
    for _ in $(seq "$ROUNDS"); do
        read -r hello_rps _ < <(wrk_result "$HELLO_URL/hello" "$DIR/hello.lua")
        read -r rps p99 < <(wrk_result "$API_URL/v1/tokens/verify" "$DIR/verify.lua")
        rounds+=("$(python3 -c "print(f'{$rps / $hello_rps:.2f}')") $rps $p99")
    done
    read -r ratio rps p99 < <(printf '%s\n' "${rounds[@]}" | sort -n | sed -n "$(((ROUNDS + 1) / 2))p")
    first="${first:-$ratio}"
    versus_first="$(python3 -c "print(f'{$ratio / $first:.2f}')")"
    page="$(api_ms "/v1/tokens?limit=100")"
    page_cli="$(cli_ms "$BIN list --limit 100 --json")"
    audit="$(api_ms "/v1/audit?since_seconds=86400&limit=100")"
    audit_cli="$(cli_ms "$BIN audit --since 1d --limit 100 --json")"
    cli_rss="$(pinned /usr/bin/time -f '%M' "$BIN" list --all --jsonl 2>&1 >"$DIR/all.jsonl" | tail -n 1 |
        awk '{printf "%.1f", $1 / 1024}')"
    listed="$(wc -l <"$DIR/all.jsonl")"
    if ((listed < size)); then
        echo "list --all --jsonl gave $listed lines, expected at least $size" >&2
        exit 1
    fi
    stop_server
    # A fresh server, so its high-water mark is this walk's alone.
    serve
    walk_started="$(date +%s)"
    clients=()
    for _ in $(seq "$CLIENTS"); do
        pinned "$BIN" list --all --jsonl >/dev/null &
        clients+=($!)
    done
    wait "${clients[@]}"
    walk_s="$(($(date +%s) - walk_started))"
    server_rss="$(peak_rss_mb "$SERVER_PID")"
    stop_server
    printf '%-9s %10s %8s %9s %9s %10s %10s %10s %10s %10s %10s\n' "$size" "$rps" "$p99" "$ratio" "$versus_first" \
        "$page" "$page_cli" "$audit" "$audit_cli" "$cli_rss" "$server_rss"
    echo "  ($((size * AUDIT_PER_TOKEN)) audit entries; $CLIENTS clients walked $size tokens each in ${walk_s}s)" >&2
done
echo "store: ${DATABASE%%:*}; RSS in MB; page/audit ms are medians of 21 API calls (curl) and 10 CLI runs (hyperfine)."
echo "targets: x first >= 0.90; at 1M tokens page ms <= 20 and srv RSS <= 64, CLI RSS <= 50; at 10M audit entries audit ms <= 50"
