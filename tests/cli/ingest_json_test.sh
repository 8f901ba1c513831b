#!/usr/bin/env bash
# `lectern-cli ingest --json`, an interface checks outside Lectern rely on: one object
# {"documents": [{"id", "kind", "title", "units": [{"locator", "text", "tokens"}],
# "warnings"}], "total_tokens"}; the id is the SHA-256 of the file's bytes; tokens are null
# without --tokenizer and the tokenizer's counts with it; a missing file exits with 3.
# Usage: ingest_json_test.sh LECTERN_CLI TOKENIZER
set -euo pipefail
cli=$1 tokenizer=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

printf 'Hello Lectern.\n\nSecond paragraph with more words.\n' > "$dir/notes.txt"
sha=$(sha256sum "$dir/notes.txt" | cut -d' ' -f1)

plain=$("$cli" ingest "$dir/notes.txt" --json)
grep -q "\"id\": \"$sha\"" <<<"$plain" || fail "id is not the SHA-256 of the bytes: $plain"
grep -q '"kind": "text"' <<<"$plain" || fail "kind: $plain"
grep -q '"title": "notes.txt"' <<<"$plain" || fail "title: $plain"
grep -q '"locator": "notes.txt"' <<<"$plain" || fail "locator: $plain"
grep -q '"text": "Hello Lectern.\\n\\nSecond paragraph with more words.\\n"' <<<"$plain" || fail "text: $plain"
grep -q '"tokens": null' <<<"$plain" || fail "tokens without a tokenizer: $plain"
grep -q '"total_tokens": null' <<<"$plain" || fail "total without a tokenizer: $plain"
grep -q '"warnings": \[\]' <<<"$plain" || fail "warnings: $plain"

counted=$("$cli" ingest "$dir/notes.txt" --json --tokenizer "$tokenizer")
unit=$(sed -n 's/.*"tokens": \([0-9][0-9]*\).*/\1/p' <<<"$counted")
total=$(sed -n 's/.*"total_tokens": \([0-9][0-9]*\).*/\1/p' <<<"$counted")
[ -n "$unit" ] && [ "$unit" -gt 0 ] || fail "no token count: $counted"
[ "$unit" = "$total" ] || fail "one unit of $unit tokens, total $total"

set +e
"$cli" ingest "$dir/missing.txt" --json >/dev/null 2>&1
code=$?
set -e
[ "$code" = 3 ] || fail "missing file exited with $code, not 3"
echo "ok: id $sha, $unit tokens"
