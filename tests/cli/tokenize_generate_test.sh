#!/usr/bin/env bash
# lectern-cli tokenize and generate agree: a text prompt given to `generate --prompt` runs the
# same tokens as its ids from `tokenize --ids --bos` given to `generate --prompt-ids`, and
# `tokenize` without --ids prints the count of those ids (less the BOS).
# Usage: tokenize_generate_test.sh LECTERN_CLI MODEL
set -euo pipefail
cli=$1 model=$2
text='The quick brown fox jumps over the lazy dog.'

ids=$(printf '%s' "$text" | "$cli" tokenize "$model" --ids --bos)
count=$(printf '%s' "$text" | "$cli" tokenize "$model")
n_ids=$(wc -w <<<"$ids")
[ "$n_ids" -gt 2 ] || { echo "too few ids: '$ids'"; exit 1; }
[ "$count" = "$((n_ids - 1))" ] || { echo "count $count, ids without BOS $((n_ids - 1))"; exit 1; }

from_ids=$("$cli" generate --model "$model" --prompt-ids "${ids// /,}" -n 8 --greedy --threads 1)
from_text=$("$cli" generate --model "$model" --prompt "$text" -n 8 --greedy --threads 1)
[ "$(wc -w <<<"$from_ids")" = 8 ] || { echo "expected 8 ids, got '$from_ids'"; exit 1; }
[ "$from_ids" = "$from_text" ] || { echo "ids: '$from_ids' text: '$from_text'"; exit 1; }

# --text prints the decoded continuation: the same as decoding the ids.
text_out=$("$cli" generate --model "$model" --prompt "$text" -n 8 --greedy --threads 1 --text)
[ -n "$text_out" ] || { echo "empty --text output"; exit 1; }
echo "ok: prompt of $n_ids ids -> $from_text"
