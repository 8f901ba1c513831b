#!/usr/bin/env bash
# A long ask with an 8-bit KV cache, end to end through lectern-cli: a document of about 31K
# tokens asked about in a 32K context with --kv q8_0 (the whole document prefilled, its
# prefix saved as a q8_0 snapshot of exactly 544 bytes per position for llama31-tiny:
# 2 layers x 2 (K, V) x 2 KV heads x 68 bytes), then a follow-up in a new process that reads
# the snapshot instead of prefilling the document again. (The same at 128K is in
# docs/long-context.md: four minutes of prefill on two cores, too long for every test run.)
# Usage: long_ask_test.sh LECTERN_CLI MODEL_F16_GGUF
set -uo pipefail
cli=$1 model=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
export LECTERN_DATA_DIR=$dir/data XDG_CACHE_HOME=$dir/cache
awk 'BEGIN { srand(7); split("the council approved budget for harbor bridge repairs while auditors noted that contracts signed in march exceeded estimates by twelve percent", w, " ");
             for (i = 1; i <= 145; i++) { line = "Section " i "."; for (j = 0; j < 55; j++) line = line " " w[int(rand() * 21) + 1]; print line ".\n" } }' > "$dir/report.txt"
tokens=$("$cli" tokenize "$model" "$dir/report.txt") || fail "tokenize failed"
[ "$tokens" -gt 25000 ] && [ "$tokens" -lt 32000 ] || fail "the document is $tokens tokens, not about 31K"

json() { tr -d ' \n' <<<"$1" | grep -o "\"$2\":[^,}]*" | head -1 | cut -d: -f2 | tr -d '"'; }
common=(--model "$model" --ctx 32768 --kv q8_0 --backend cpu --threads 2 -n 4 --seed 1 --json -q)
out=$("$cli" ask "$dir/report.txt" "What did the auditors note?" "${common[@]}" 2>&1) || fail "the first ask failed: $out"
[ "$(json "$out" context_source)" = prefill ] || fail "the document was not prefilled: $out"
prefix=$(json "$out" prefix_tokens)
[ "$prefix" -gt "$tokens" ] || fail "the prefix ($prefix tokens) does not hold the document ($tokens)"
# Header (184 bytes) + the ids + q8_0 keys and values.
want=$((184 + prefix * 4 + prefix * 544))
found=0
for f in "$dir"/cache/lectern/kv/*.kv; do
    [ "$(stat -c %s "$f")" = "$want" ] && found=1
done
[ "$found" = 1 ] || fail "no snapshot of $want bytes: $(ls -l "$dir"/cache/lectern/kv)"

out=$("$cli" ask --session 1 "And what did the council approve?" "${common[@]}" 2>&1) || fail "the follow-up failed: $out"
[ "$(json "$out" context_source)" = snapshot ] || fail "the follow-up did not read the snapshot: $out"
[ "$(json "$out" context_prefilled)" = 0 ] || fail "the follow-up prefilled the document again: $out"
echo "long ask with q8_0: ok ($tokens document tokens, snapshot $want bytes)"
