#!/usr/bin/env bash
# Coverage-guided fuzzing of the parsers a client reaches (fuzz/, cargo-fuzz
# and libFuzzer on the nightly toolchain), each target for a while, starting
# from the committed corpus in fuzz/corpus/. New inputs go to a scratch
# directory; a crash stops the run and leaves its input in fuzz/artifacts/.
#
# Usage: benches/fuzz.sh                 (every target, 60 s each)
#        SECONDS_PER_TARGET=600 benches/fuzz.sh secret form
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

SECONDS_PER_TARGET="${SECONDS_PER_TARGET:-60}"
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
    TARGETS=(secret duration form yaml_import jwt)
fi
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
SCRATCH="$(mktemp -d)"
trap 'rm -rf "$SCRATCH"' EXIT

for target in "${TARGETS[@]}"; do
    mkdir -p "$SCRATCH/$target"
    echo "== $target: ${SECONDS_PER_TARGET}s" >&2
    (cd fuzz && cargo +nightly fuzz run "$target" "$SCRATCH/$target" "corpus/$target" -- \
        -max_total_time="$SECONDS_PER_TARGET" -max_len=4096 -print_final_stats=1) 2>&1 |
        grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|==|SUMMARY|.*panicked)" || true
    if ls fuzz/artifacts/"$target"/crash-* >/dev/null 2>&1; then
        echo "$target: crash inputs in fuzz/artifacts/$target/" >&2
        exit 1
    fi
done
echo "no crash in ${TARGETS[*]}" >&2
