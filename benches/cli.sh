#!/usr/bin/env bash
# Benchmark of the tokenctl CLI against a store holding 100,000 tokens.
#
# The machine is shared and noisy, so absolute times mean little: every
# figure is also given as a ratio to `tokenctl --version`, measured in the
# same hyperfine run (same load, same moment).
#
# Usage: benches/cli.sh            (from any directory; needs root to install tools)
#        RUNS=50 benches/cli.sh    (more runs per command; default 20)
set -euo pipefail

RUNS="${RUNS:-20}"
SEED_COUNT=100000

# Work from the repository root whatever the caller's cwd.
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
BIN="$PWD/target/release/tokenctl"

install_tools() {
    local missing=() tool
    for tool in hyperfine sqlite3; do
        command -v "$tool" >/dev/null || missing+=("$tool")
    done
    if ((${#missing[@]} > 0)); then
        echo "--- installing ${missing[*]}" >&2
        # To stderr, so that stdout holds only the benchmark's output.
        apt-get update >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" >&2
    fi
}

build() {
    echo "--- cargo build --release" >&2
    cargo build --release
}

# A throw-away directory for the store, HOME and XDG dirs; gone on exit.
make_sandbox() {
    BENCH_DIR="$(mktemp -d)"
    trap 'rm -rf "$BENCH_DIR"' EXIT
    mkdir -p "$BENCH_DIR/home" "$BENCH_DIR/data" "$BENCH_DIR/config"
}

# Runs a command with the pinned environment. Applied per command rather than
# exported, so cargo and python3 (pyenv shims) keep the caller's real HOME.
# TOKENCTL_CONFIG is dropped so a developer's own config file can't leak in.
pinned() {
    env -u TOKENCTL_CONFIG \
        HOME="$BENCH_DIR/home" XDG_DATA_HOME="$BENCH_DIR/data" \
        XDG_CONFIG_HOME="$BENCH_DIR/config" TOKENCTL_STORE="$BENCH_DIR/store.db" \
        NO_COLOR=1 CI=true "$@"
}

# tokenctl creates the schema and the bootstrap admin (user id 1); the bulk
# rows then go straight in with sqlite3, since 100k `tokenctl create` calls
# would take far too long. One transaction, one recursive CTE.
# Spread: expires_at runs from 20 days ago to 79 days ahead (about 21% already
# past expiry) and every 10th token is revoked, so status filters have work to do.
seed_store() {
    echo "--- seeding $SEED_COUNT tokens" >&2
    pinned "$BIN" create seed --expires 30d >/dev/null
    sqlite3 -bail "$BENCH_DIR/store.db" <<SQL
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $SEED_COUNT),
now(t) AS (SELECT CAST(strftime('%s', 'now') AS INTEGER))
INSERT INTO tokens (name, kind, role, permissions, owner_id, created_by,
                    secret_hash, hint, created_at, expires_at, revoked_at)
SELECT 'bench-' || i,
       CASE i % 2 WHEN 0 THEN 'personal' ELSE 'service' END,
       'developer', 'api:read api:write files:upload tokens:manage tokens:read',
       1, 1, randomblob(32), 'tcpat_…abcd',
       t, t + (i % 100 - 20) * 86400,
       CASE WHEN i % 10 = 0 THEN t END
FROM n, now;
COMMIT;
SQL
    local seeded
    seeded="$(sqlite3 "$BENCH_DIR/store.db" "SELECT count(*) FROM tokens WHERE name LIKE 'bench-%'")"
    if [[ "$seeded" != "$SEED_COUNT" ]]; then
        echo "seeding failed: $seeded bench tokens, expected $SEED_COUNT" >&2
        exit 1
    fi
}

# One hyperfine run for all commands, so the baseline shares their conditions.
# Commands go through the shell (no -N) because they use redirections and $().
run_hyperfine() {
    local bin
    bin="$(printf '%q' "$BIN")"
    pinned hyperfine --warmup 3 --runs "$RUNS" --export-json "$BENCH_DIR/result.json" \
        -n 'version (baseline)' "$bin --version" \
        -n 'list --status all --json' "$bin list --status all --json > /dev/null" \
        -n 'list (active, table)' "$bin list > /dev/null" \
        -n 'create' "$bin create \"bench-\$(date +%s%N)\" --expires 7d > /dev/null"
}

# Mean ± stddev per command and its ratio to the baseline's mean.
summarize() {
    python3 - "$BENCH_DIR/result.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
base = results[0]["mean"]
print(f"\n{'command':<28} {'mean ms':>10} {'± stddev':>10} {'× version':>10}")
for r in results:
    sd = r["stddev"] or 0.0  # null when there is a single run
    print(f"{r['command']:<28} {r['mean'] * 1e3:>10.2f} {sd * 1e3:>10.2f} {r['mean'] / base:>10.1f}")
PY
    sqlite3 "$BENCH_DIR/store.db" "SELECT 'tokens in store: ' || count(*)
        || ' (revoked ' || sum(revoked_at IS NOT NULL) || ', expired '
        || sum(revoked_at IS NULL AND expires_at <= CAST(strftime('%s', 'now') AS INTEGER)) || ')' FROM tokens"
    echo "runs per command: $RUNS (after 3 warmup runs)"
}

install_tools
build
make_sandbox
seed_store
run_hyperfine
summarize
