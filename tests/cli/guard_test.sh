#!/usr/bin/env bash
# `lectern-cli ask --guard MODEL`: a fixture model stands in as Llama Guard 3. Its verdicts are
# random (what it writes is seldom "safe" or "unsafe"), but the mechanics are real: the
# question is screened before it is answered and the answer after, the verdicts are said on
# stderr, given in --json, stored with the messages (sessions show --json) and exported; what
# is not "safe"/"unsafe" is reported as malformed, never as safe; an unsafe question is not
# answered.
# Usage: guard_test.sh LECTERN_CLI MODEL GUARD_MODEL
set -uo pipefail
cli=$1 model=$2 guard=$3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
export LECTERN_DATA_DIR=$dir/data XDG_CACHE_HOME=$dir/cache
printf 'The northern warehouse shipped 412 crates.\n' > "$dir/memo.txt"

out=$("$cli" ask "$dir/memo.txt" "How many crates?" --model "$model" --guard "$guard" --ctx 2048 --backend cpu \
      -n 8 --seed 7 2>"$dir/err") || fail "exit $?: $(cat "$dir/err")"
grep -Eq '^guard: .*context: 8192 tokens$' "$dir/err" || fail "the guard was not opened: $(cat "$dir/err")"
grep -Eq '^guard: question (safe|unsafe \(S[0-9]+(, S[0-9]+)*\)|malformed \(.+\))$' "$dir/err" ||
    fail "no verdict on the question: $(cat "$dir/err")"
json=$("$cli" ask "$dir/memo.txt" "How many crates?" --model "$model" --guard "$guard" --ctx 2048 --backend cpu \
       -n 8 --seed 7 --json 2>"$dir/err2") || fail "--json exit $?: $(cat "$dir/err2")"
grep -q '"guard": {' <<<"$json" || fail "no guard in --json: $json"
if grep -q '"refused": true' <<<"$json"; then
    # Refused: only an unsafe question is, and nothing is answered.
    grep -A2 '"question": {' <<<"$json" | grep -q '"verdict": "unsafe"' || fail "refused without an unsafe verdict: $json"
    grep -q '"answer": ""' <<<"$json" || fail "a refused question was answered: $json"
else
    grep -q '"answer": {' <<<"$json" || fail "the answer was not screened: $json"
fi
# Stored with the messages, and exported.
show=$("$cli" sessions show 1 --json) || fail "sessions show"
[ "$(grep -c '"verdict": "\(safe\|unsafe\|malformed\)"' <<<"$show")" -ge 1 ] || fail "no verdict stored: $show"
"$cli" sessions export 1 | grep -Eq '^\*Guard: (safe|unsafe|malformed)' || fail "no verdict in the export"
# Never "safe" unless the guard wrote exactly that: every stored "safe" has the output "safe".
safe=$(grep -c '"verdict": "safe"' <<<"$show")
exact=$(grep -Ec '"output": "(\\n)*safe(\\n)*"' <<<"$show")
[ "$safe" -le "$exact" ] || fail "a verdict read as safe from other output: $show"
# A document's units screened on request: a summary per document; a unit longer than the
# guard's context (8192 tokens) is skipped and said.
for i in $(seq 1 3000); do printf 'The northern warehouse shipped crates of apples and pears. '; done > "$dir/long.txt"
out=$("$cli" screen "$dir/memo.txt" "$dir/long.txt" --guard "$guard" --backend cpu -q) || fail "screen exit $?: $out"
grep -Eq "memo.txt: [01] of 1 flagged$" <<<"$out" || fail "no summary for memo.txt: $out"
grep -Eq "long.txt, long.txt: skipped \(longer than the guard's context \([0-9]+ tokens of 8192\)\)" <<<"$out" ||
    fail "the long unit was not skipped: $out"
json=$("$cli" screen "$dir/memo.txt" --guard "$guard" --backend cpu -q --json) || fail "screen --json"
grep -Eq '"verdict": "(safe|unsafe|malformed)"' <<<"$json" || fail "no verdict in screen --json: $json"
"$cli" screen "$dir/memo.txt" >/dev/null 2>&1
[ $? = 2 ] || fail "screen without --guard is not a usage error"
# Without --guard nothing is screened.
json=$("$cli" ask "$dir/memo.txt" "How many crates?" --model "$model" --ctx 2048 --backend cpu -n 4 --json 2>/dev/null)
grep -q '"guard"' <<<"$json" && fail "screened without a guard: $json"
echo ok
