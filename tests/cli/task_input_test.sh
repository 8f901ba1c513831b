#!/usr/bin/env bash
# The task commands' handling of what a user types, end to end through lectern-cli:
# a question that is not UTF-8 is refused with exit 3 (not "cancelled" with 130); a --ctx
# past the model's trained context is refused with exit 2 naming the limit and the option
# that accepts it (app_core_test opens one); a missing document is named before any model
# loads; an out-of-range sampling option is a usage error; the same --seed gives the same
# sampled answer and the seed is reported.
# Usage: task_input_test.sh LECTERN_CLI MODEL
set -uo pipefail
cli=$1 model=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
export LECTERN_DATA_DIR=$dir/data XDG_CACHE_HOME=$dir/cache
printf 'The northern warehouse shipped 412 crates.\n\nThe auditors asked for a second inspection.\n' > "$dir/memo.txt"

out=$("$cli" ask "$dir/memo.txt" "$(printf '\xff\xfe bad \xc3\x28')" --model "$model" -q -n 4 2>&1)
code=$?
[ "$code" = 3 ] || fail "a question that is not UTF-8 exited with $code: $out"
grep -q "not valid UTF-8" <<<"$out" || fail "no clear message: $out"

out=$("$cli" ask "$dir/memo.txt" "How many crates?" --model "$model" --ctx 500000 -q -n 4 2>&1)
code=$?
[ "$code" = 2 ] || fail "--ctx 500000 exited with $code: $out"
grep -q "more than the 131072 the model was trained for" <<<"$out" || fail "the limit is not named: $out"
grep -q -- "--ctx-beyond-training" <<<"$out" || fail "the way out is not named: $out"

out=$("$cli" ask "$dir/memo.txt" "How many crates?" --model "$model" --top-p 2 -q 2>&1)
code=$?
[ "$code" = 2 ] || fail "--top-p 2 exited with $code: $out"

# A missing document is reported before the model is loaded: a model that does not exist
# is never opened.
out=$("$cli" summarize "$dir/missing.pdf" --model "$dir/no-such-model.gguf" -q 2>&1)
code=$?
[ "$code" = 3 ] || fail "a missing document exited with $code: $out"
grep -q "no such file or folder ($dir/missing.pdf)" <<<"$out" || fail "the missing document is not named: $out"

ask() { "$cli" ask "$dir/memo.txt" "How many crates?" --model "$model" --temperature 1 -n 12 -q --json "$@"; }
first=$(ask --seed 42) || fail "ask --seed 42 failed: $first"
second=$(ask --seed 42) || fail "ask --seed 42 failed again: $second"
answer() { sed -n 's/^  "answer": \(.*\),$/\1/p' <<<"$1"; }
[ -n "$(answer "$first")" ] || fail "no answer in: $first"
[ "$(answer "$first")" = "$(answer "$second")" ] || fail "the same seed gave $(answer "$first") and $(answer "$second")"
grep -q '"seed": 42' <<<"$first" || fail "the seed is not reported: $first"
echo "ok: exit codes 3 and 2, seed 42 answered $(answer "$first") twice"
