#!/usr/bin/env bash
# Throughput and p99 of the token API (verify, exchange, introspection, and
# the federated exchange of a CI job's ID token), against a bare axum
# "hello" handler started in the same run (the machine is shared and noisy:
# only the ratio means much). Both over loopback, wrk with 64 connections.
#
# Usage: benches/server.sh                  (SQLite store)
#        DATABASE=postgres://root@127.0.0.1:5432/test benches/server.sh
#        DURATION=10s ROUNDS=5 CONNECTIONS=64 benches/server.sh
#        ONLY=verify benches/server.sh          (verify, exchange, federated, introspect, sign;
#                                                 several: ONLY=exchange,federated)
#        BIN=/tmp/tokenctl-before benches/server.sh   (another build of tokenctl)
set -euo pipefail

DURATION="${DURATION:-5s}"
ROUNDS="${ROUNDS:-3}"
ONLY="${ONLY:-}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

command -v wrk >/dev/null || {
    apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y wrk >&2
}
cargo build --release --bin tokenctl --example bench_hello >&2
# BIN=path: another build (an earlier commit's, to compare with).
BIN="${BIN:-$PWD/target/release/tokenctl}"
HELLO="$PWD/target/release/examples/bench_hello"

# shellcheck source=benches/common.sh
source benches/common.sh

choose_database
start "$DIR/hello.log" "$HELLO" 127.0.0.1:0
start "$DIR/api.log" "${PINNED[@]}" TOKENCTL_INIT_ADMIN_PASSWORD=bench-password-123 \
    "$BIN" serve --listen 127.0.0.1:0 --database "$DATABASE" \
    --signing-key "$DIR/signing-keys.json" --init-admin bench \
    --exchanges-per-minute 0 # one PAT at full speed: the exchange itself is measured
hello_url="$(url_of "$DIR/hello.log")"
api_url="$(url_of "$DIR/api.log")"

echo "bench-password-123" | pinned "$BIN" login --server "$api_url" --username bench \
    --password-stdin --insecure-storage >&2
secret="$(pinned "$BIN" create "bench-$(date +%s%N)" --expires 1d)"

access="$(pinned env TOKENCTL_TOKEN="$secret" "$BIN" exchange --ttl 1h)"
session="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["session"])' \
    "$DIR/data/tokenctl/sessions/default.json")"
grant="grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange"
subject_type="subject_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Aaccess_token"

# The federated exchange: a policy trusting a real OpenID issuer on loopback
# (tests/oidc_issuer/issuer.py, jwcrypto), and ID tokens minted beforehand,
# each with its own jti (each is taken once): every wrk thread posts its own
# share of them, one per request.
python3 tests/oidc_issuer/issuer.py >"$DIR/issuer.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 100); do grep -q "listening on" "$DIR/issuer.log" && break; sleep 0.1; done
issuer_url="$(grep -o "http://[0-9.:]*" "$DIR/issuer.log" | head -n 1)"
pinned "$BIN" trust add bench-ci --issuer "$issuer_url" --audience bench \
    --claim repository=acme/api --scope api:read >&2
ID_TOKENS="${ID_TOKENS:-100000}"
# Fresh ID tokens for one wrk run (not timed): every run starts at the first.
mint_id_tokens() {
    local now batch
    now="$(date +%s)"
    batch="bench-$(date +%s%N)"
    curl -sf "$issuer_url/mint-many" -H 'content-type: application/json' -d "{\"alg\": \"EdDSA\",
        \"count\": $ID_TOKENS, \"claims\": {\"iss\": \"$issuer_url\", \"aud\": \"bench\",
        \"sub\": \"repo:acme/api:ref:refs/heads/main\", \"repository\": \"acme/api\",
        \"jti\": \"$batch\", \"iat\": $now, \"exp\": $((now + 600))}}" >"$DIR/id_tokens.txt"
}

write_wrk_done
wrk_script verify application/json "{\"token\": \"$secret\"}"
wrk_script exchange application/x-www-form-urlencoded "$grant&$subject_type&subject_token=$secret"
wrk_script introspect application/x-www-form-urlencoded "token=$access" "$session"
id_token_type="subject_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Aid_token"
{
    cat <<LUA
local threads = {}
local counter = 0
setup = function(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end
init = function()
  tokens, next_token = {}, 1
  local n = 0
  for line in io.lines("$DIR/id_tokens.txt") do
    if n % $THREADS == id then table.insert(tokens, line) end
    n = n + 1
  end
end
request = function()
  local token = tokens[next_token] or "used-up"
  next_token = next_token + 1
  return wrk.format("POST", nil, {["Content-Type"] = "application/x-www-form-urlencoded"},
    "$grant&$id_token_type&subject_token=" .. token)
end
LUA
    cat "$DIR/done.lua"
} >"$DIR/federated.lua"
cp "$DIR/done.lua" "$DIR/hello.lua"
{ echo 'wrk.method = "POST"'; cat "$DIR/done.lua"; } >"$DIR/sign.lua"

# "RESULT rps p99_ms non2xx errors" for one endpoint.
measure() {
    [ "$2" = "$DIR/federated.lua" ] && mint_id_tokens
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$2" "$1" | grep '^RESULT'
}

ENDPOINTS=(
    "POST /v1/tokens/verify|$api_url/v1/tokens/verify|verify|0.6"
    "POST /oauth2/token|$api_url/oauth2/token|exchange|0.4"
    # The same endpoint, a CI job's ID token as the subject: compare with
    # the row above (errors: ID tokens used up, each is taken once).
    "POST /oauth2/token (ID token)|$api_url/oauth2/token|federated|-"
    "POST /oauth2/introspect|$api_url/oauth2/introspect|introspect|0.6"
    # Not tokenctl: the bare hello server plus the one Ed25519 signature an
    # exchange must make. What no exchange on this machine can beat.
    "floor: hello + 1 signature|$hello_url/sign|sign|-"
)

printf '\n%-28s %6s %12s %10s %8s %8s %8s\n' endpoint round "req/s" "p99 ms" errors "x hello" target
for entry in "${ENDPOINTS[@]}"; do
    IFS='|' read -r label url name target <<<"$entry"
    goal=">= $target"
    [ "$target" = "-" ] && goal=""
    [[ -n "$ONLY" && ",$ONLY," != *",$name,"* ]] && continue
    # Warm up, then alternate hello and the endpoint ROUNDS times, so each
    # ratio compares two runs that shared the machine's mood; the median
    # ratio is the figure to report.
    measure "$url" "$DIR/$name.lua" >/dev/null
    ratios=()
    for round in $(seq "$ROUNDS"); do
        read -r _ hello_rps hello_p99 hello_bad hello_err < <(measure "$hello_url/hello" "$DIR/hello.lua")
        read -r _ rps p99 bad err < <(measure "$url" "$DIR/$name.lua")
        ratio="$(python3 -c "print(f'{float($rps) / float($hello_rps):.2f}')")"
        ratios+=("$ratio")
        printf '%-28s %6s %12s %10s %8s %8s %8s\n' "hello (bare axum)" "$round" "$hello_rps" \
            "$hello_p99" "$((hello_bad + hello_err))" "1.00" ""
        printf '%-28s %6s %12s %10s %8s %8s %8s\n' "$label" "$round" "$rps" "$p99" \
            "$((bad + err))" "$ratio" "$goal"
    done
    median="$(printf '%s\n' "${ratios[@]}" | sort -n | sed -n "$(((ROUNDS + 1) / 2))p")"
    printf '%-28s %6s %12s %10s %8s %8s %8s\n' "$label" median "" "" "" "$median" "$goal"
done
echo "store: ${DATABASE%%:*}, $CONNECTIONS connections, $THREADS wrk threads, $ROUNDS rounds of $DURATION;" \
    "verify also targets p99 <= 5 ms"
