#!/usr/bin/env bash
# Throughput of `tokenctl scan` over a generated ~1 GB tree of mixed text
# (logs, JSON, source code, prose, base64 blobs; small and large files) with
# a few planted tokens, against ripgrep searching the same tree for the same
# prefixes in the same hyperfine run: the machine is shared and noisy, so
# the ratio is the figure that means something. Target: >= 0.5x rg.
#
# Both read from the page cache (a warm-up run first), so this measures the
# scanners, not the disk. Both use every core (rg's default and ours).
# tokenctl looks the finds up in the store the tokens were created in; with
# a handful of finds that costs milliseconds.
#
# Usage: benches/scan.sh               (from any directory; root to install tools)
#        SIZE_MB=256 RUNS=3 benches/scan.sh
set -euo pipefail

SIZE_MB="${SIZE_MB:-1024}"
RUNS="${RUNS:-5}"
REGEX='tc(pat|svc)_[0-9A-Za-z]{36}'

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
BIN="${CARGO_TARGET_DIR:-$PWD/target}/release/tokenctl"

install_tools() {
    local missing=() tool package
    for tool in rg:ripgrep hyperfine:hyperfine python3:python3; do
        command -v "${tool%%:*}" >/dev/null || missing+=("${tool##*:}")
    done
    if ((${#missing[@]} > 0)); then
        echo "--- installing ${missing[*]}" >&2
        apt-get update >&2
        for package in "${missing[@]}"; do
            DEBIAN_FRONTEND=noninteractive apt-get install -y "$package" >&2
        done
    fi
}

build() {
    echo "--- cargo build --release" >&2
    cargo build --release --bin tokenctl >&2
}

make_sandbox() {
    BENCH_DIR="$(mktemp -d)"
    trap 'rm -rf "$BENCH_DIR"' EXIT
    mkdir -p "$BENCH_DIR/home" "$BENCH_DIR/data" "$BENCH_DIR/config" "$BENCH_DIR/tree"
}

pinned() {
    env -u TOKENCTL_CONFIG -u TOKENCTL_SERVER -u TOKENCTL_PROFILE \
        HOME="$BENCH_DIR/home" XDG_DATA_HOME="$BENCH_DIR/data" \
        XDG_CONFIG_HOME="$BENCH_DIR/config" TOKENCTL_STORE="$BENCH_DIR/store.db" \
        NO_COLOR=1 CI=true "$@"
}

# Four real tokens from a real store; the generator plants them (and
# wrong-checksum look-alikes) into random files.
create_tokens() {
    TOKENS=()
    local i
    for i in 1 2 3; do
        TOKENS+=("$(pinned "$BIN" create "bench-$i" --expires 1d 2>/dev/null)")
    done
    TOKENS+=("$(pinned "$BIN" create bench-svc --type service --role connector --expires 1d 2>/dev/null)")
}

generate_tree() {
    echo "--- generating ${SIZE_MB} MB of mixed text" >&2
    python3 - "$BENCH_DIR/tree" "$SIZE_MB" "${TOKENS[@]}" <<'PY'
import base64, json, os, random, string, sys

root, size_mb, tokens = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
rng = random.Random(8)
words = ("the token service revokes leaked secrets when support staff paste a log into "
         "the scanner and every request carries an access header for the upload api "
         "tcp connection reset by peer retry after backoff match batch fetch").split()

def word_run(n):
    return " ".join(rng.choice(words) for _ in range(n))

def log_line():
    return (f"2026-01-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:"
            f"{rng.randint(0, 59):02d}Z {rng.choice(['INFO', 'WARN', 'DEBUG', 'ERROR'])} "
            f"req={rng.getrandbits(48):012x} {word_run(rng.randint(4, 12))}")

def json_line():
    return json.dumps({"id": rng.randint(1, 10**6), "user": rng.choice(words),
                       "path": "/" + "/".join(rng.choice(words) for _ in range(3)),
                       "ms": round(rng.random() * 900, 2)})

def code_line():
    name = rng.choice(words)
    return rng.choice([f"    let {name}_{rng.randint(0, 99)} = fetch_{name}(&ctx, {rng.randint(0, 9)})?;",
                       f"def {name}(self, tc_{name}):  # tcp {word_run(3)}",
                       f"    if (tc->{name} == NULL) return -{rng.randint(1, 40)};"])

def base64_line():
    raw = bytes(rng.getrandbits(8) for _ in range(rng.choice([48, 90, 300])))
    return "data: " + base64.b64encode(raw).decode()

kinds = [log_line] * 5 + [json_line] * 2 + [code_line] * 2 + [lambda: word_run(14)] + [base64_line]
pool = [rng.choice(kinds)() for _ in range(40000)]

target = size_mb * 1000 * 1000
written, files = 0, []
while written < target:
    # Mostly small files, some large ones: like a source tree with logs in it.
    size = rng.choice([4_000, 16_000, 64_000, 256_000]) if rng.random() < 0.9 else 8_000_000
    size = min(size, target - written)
    directory = os.path.join(root, f"d{len(files) % 32:02d}", f"s{len(files) % 7}")
    os.makedirs(directory, exist_ok=True)
    path = os.path.join(directory, f"f{len(files):05d}.{rng.choice(['log', 'json', 'rs', 'txt'])}")
    text, length = [], 0
    while length < size:
        lines = rng.choices(pool, k=256)
        text.extend(lines)
        length += sum(map(len, lines)) + len(lines)
    data = ("\n".join(text) + "\n").encode()[:size]
    with open(path, "wb") as handle:
        handle.write(data)
    files.append(path)
    written += len(data)

def typo(secret):
    middle = "a" if secret[20] != "a" else "b"
    return secret[:20] + middle + secret[21:]

plants = []
for secret in tokens:
    plants.append(f"export TOKEN={secret}")
    plants.append(json.dumps({"token": secret}))
    plants.append("Authorization: Basic " + base64.b64encode(f"ci:{secret}".encode()).decode())
    plants.append(f"not a token: {typo(secret)}")
for line in plants:
    with open(rng.choice(files), "a") as handle:
        handle.write(line + "\n")
print(f"{len(files)} {written + sum(len(p) + 1 for p in plants)}")
PY
}

run_hyperfine() {
    local bin tree
    bin="$(printf '%q' "$BIN")"
    tree="$(printf '%q' "$BENCH_DIR/tree")"
    # -i: tokenctl exits 1 here, by design: it finds live tokens.
    pinned hyperfine -i --warmup 1 --runs "$RUNS" --export-json "$BENCH_DIR/result.json" \
        -n "tokenctl scan --json" "$bin scan --json $tree > /dev/null" \
        -n "rg -c '$REGEX'" "rg -c '$REGEX' $tree > /dev/null" \
        -n "rg -c -F -e tcpat_ -e tcsvc_" "rg -c -F -e tcpat_ -e tcsvc_ $tree > /dev/null" >&2
}

summarize() {
    local found rg_lines
    # tokenctl exits 1 (live tokens found): not a failure of the pipeline.
    found="$({ pinned "$BIN" scan --json "$BENCH_DIR/tree" 2>"$BENCH_DIR/scan.err" || true; } |
        python3 -c 'import json,sys; f=json.load(sys.stdin); print(len(f), sum(x["encoding"]=="base64" for x in f))')"
    rg_lines="$(rg -c "$REGEX" "$BENCH_DIR/tree" | awk -F: '{n += $NF} END {print n + 0}')"
    python3 - "$BENCH_DIR/result.json" "$TREE_BYTES" "$TREE_FILES" "${#TOKENS[@]}" $found "$rg_lines" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
size, files, tokens, found, base64_found, rg_lines = map(int, sys.argv[2:8])
print(f"\ntree: {size / 1e6:.0f} MB in {files} files; planted {tokens} tokens x 3 "
      f"(shell, JSON, base64 Basic auth) + {tokens} wrong-checksum look-alikes")
print(f"\n{'command':<34} {'mean s':>8} {'± sd':>7} {'MB/s':>8}")
speed = {}
for r in results:
    sd = r["stddev"] or 0.0
    speed[r["command"]] = size / 1e6 / r["mean"]
    print(f"{r['command']:<34} {r['mean']:>8.3f} {sd:>7.3f} {speed[r['command']]:>8.0f}")
ours, rg, literal = speed.values()
print(f"\ntokenctl / rg throughput: {ours / rg:.2f}x   (target >= 0.5x); "
      f"vs rg on the two literal prefixes only: {ours / literal:.2f}x")
print(f"finds: tokenctl {found} ({base64_found} in base64; look-alikes rejected), "
      f"rg {rg_lines} matching lines (plain only, look-alikes included)")
PY
    echo "tokenctl's own summary: $(grep -E '^(warning: )?Found' "$BENCH_DIR/scan.err")"
}

install_tools
build
make_sandbox
create_tokens
read -r TREE_FILES TREE_BYTES < <(generate_tree)
run_hyperfine
summarize
echo "runs per command: $RUNS (after 1 warm-up run), $(nproc) cores"
