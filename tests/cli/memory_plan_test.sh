#!/usr/bin/env bash
# The memory planner through lectern-cli, with the memory figure injected
# (LECTERN_MEMORY_AVAILABLE, bytes): a context that does not fit is refused with exit 5 and
# the planner's advice (that this comes before the weights are mapped is app_core_test's
# LocalEnginePlan). With no --ctx, a task takes the model's trained context (131072) and says
# so, trying q8_0 before it lowers the context.
# Usage: memory_plan_test.sh LECTERN_CLI MODEL_F16_GGUF
set -uo pipefail
cli=$1 model=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
export LECTERN_DATA_DIR=$dir/data XDG_CACHE_HOME=$dir/cache
printf 'The northern warehouse shipped 412 crates.\n' > "$dir/memo.txt"

# Figures for llama31-tiny (2 layers, 2 KV heads of 64) at 131072 positions: KV cache 256 MiB
# in f32, 128 MiB in f16, 68 MiB in q8_0; 256 MiB of host reserve; 12 MiB of scratch (8 of
# them attention scores for 2 threads); 3.5 MiB of weights.
# 512 MiB: a 128K f32 cache does not fit (527 MiB); q8_0 would.
out=$(LECTERN_MEMORY_AVAILABLE=536870912 "$cli" ask "$dir/memo.txt" "How many crates?" --model "$model" \
      --ctx 131072 --kv f32 --backend cpu --threads 2 -q -n 4 2>&1)
code=$?
[ "$code" = 5 ] || fail "a context that does not fit exited with $code: $out"
grep -Eq "needs [0-9.]+ MiB, 512.0 MiB free: use an 8-bit KV cache \(--kv q8_0\) or a [0-9]+K context" <<<"$out" ||
    fail "not the planner's advice: $out"

# No --ctx: the trained context in f16 (399 MiB) when it fits, in q8_0 (339 MiB) when only
# that fits, and a lower context when neither does; one line says what was chosen and why.
ask() {
    local bytes=$1
    shift
    LECTERN_MEMORY_AVAILABLE=$bytes "$cli" ask "$dir/memo.txt" "How many crates?" --model "$model" \
        --backend cpu --threads 2 -n 2 --seed 1 "$@" 2>&1
}
out=$(ask 440401920) || fail "ask in 420 MiB failed: $out"
grep -q "context: 131072 tokens, KV cache f16" <<<"$out" || fail "not the trained context in f16: $out"
out=$(ask 367001600) || fail "ask in 350 MiB failed: $out"
grep -q "context: 131072 tokens, KV cache q8_0" <<<"$out" || fail "not the trained context in q8_0: $out"
grep -q "8-bit (q8_0) KV cache: f16 at 128K would need" <<<"$out" || fail "no reason given: $out"
# A given --ctx with --kv auto: q8_0 when f16 does not fit at that context.
out=$(ask 367001600 --ctx 131072) || fail "ask --ctx 131072 in 350 MiB failed: $out"
grep -q "context: 131072 tokens, KV cache q8_0" <<<"$out" || fail "--kv auto did not take q8_0: $out"
grep -q "q8_0 KV cache: f16 would need" <<<"$out" || fail "no reason given for q8_0: $out"
out=$(ask 293601280) || fail "ask in 280 MiB failed: $out"
grep -Eq "context [0-9]+K, q8_0 KV cache: context lowered to [0-9]+K positions" <<<"$out" ||
    fail "the context was not lowered, or not said: $out"
echo "memory plan: ok"
