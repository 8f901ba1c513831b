#!/usr/bin/env bash
# lectern-cli tokenize and generate agree: a text prompt given to `generate --prompt` runs the
# same tokens as its ids from `tokenize --ids --bos` given to `generate --prompt-ids`;
# `tokenize` without --ids prints the count of those ids (less the BOS); `generate --text`
# prints exactly the decoding (`tokenize --decode`) of the ids `generate` prints; and
# `tokenize --decode` gives back the prompt from its ids. Every command must exit with 0.
# Usage: tokenize_generate_test.sh LECTERN_CLI MODEL
set -uo pipefail
cli=$1 model=$2
text='The quick brown fox jumps over the lazy dog.'
fail() { echo "FAIL: $*" >&2; exit 1; }
# cli STDIN ARGS...: lectern-cli's standard output, failing the test unless it exits with 0.
cli() {
    local input=$1 out
    shift
    out=$(printf '%s' "$input" | "$cli" "$@") || fail "lectern-cli $* exited with $?"
    printf '%s' "$out"
}

ids=$(cli "$text" tokenize "$model" --ids --bos) || exit 1
count=$(cli "$text" tokenize "$model") || exit 1
n_ids=$(wc -w <<<"$ids")
[ "$n_ids" -gt 2 ] || fail "too few ids: '$ids'"
[ "$count" = "$((n_ids - 1))" ] || fail "count $count, ids without BOS $((n_ids - 1))"
without_bos=${ids#* }
decoded_prompt=$(cli "$without_bos" tokenize "$model" --decode) || exit 1
[ "$decoded_prompt" = "$text" ] || fail "the prompt's ids decode to '$decoded_prompt'"

from_ids=$(cli "" generate --model "$model" --prompt-ids "${ids// /,}" -n 8 --greedy --threads 1) || exit 1
from_text=$(cli "" generate --model "$model" --prompt "$text" -n 8 --greedy --threads 1) || exit 1
[ "$(wc -w <<<"$from_ids")" = 8 ] || fail "expected 8 ids, got '$from_ids'"
[ "$from_ids" = "$from_text" ] || fail "ids: '$from_ids' text: '$from_text'"

# --text prints the decoded continuation: the same as decoding the ids.
text_out=$(cli "" generate --model "$model" --prompt "$text" -n 8 --greedy --threads 1 --text) || exit 1
decoded=$(cli "$from_text" tokenize "$model" --decode) || exit 1
[ -n "$decoded" ] || fail "the continuation $from_text decodes to nothing"
[ "$text_out" = "$decoded" ] || fail "--text printed '$text_out', the ids $from_text decode to '$decoded'"
echo "ok: prompt of $n_ids ids -> $from_text = '$decoded'"
