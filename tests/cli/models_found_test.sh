#!/usr/bin/env bash
# `lectern-cli models`: the models already on this computer, found where Ollama and GPT4All
# keep them (HOME and XDG_DATA_HOME point into a temporary folder) and in a --folder, as a
# table and as JSON; a model of another architecture is listed as unsupported with the reason.
# The layouts themselves are model_discovery_test's.
# Usage: models_found_test.sh LECTERN_CLI MODEL_Q4_0_GGUF
set -uo pipefail
cli=$1 model=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
unset HF_HUB_CACHE HF_HOME OLLAMA_MODELS
export HOME=$dir/home XDG_DATA_HOME=$dir/home/.local/share
mkdir -p "$HOME/.ollama/models/blobs" "$HOME/.ollama/models/manifests/registry.ollama.ai/library/llama3.2" \
         "$XDG_DATA_HOME/nomic.ai/GPT4All" "$dir/mine/gemma-2-2b"
cp "$model" "$HOME/.ollama/models/blobs/sha256-abc"
printf '{"layers":[{"mediaType":"application/vnd.ollama.image.model","digest":"sha256:abc"}]}' \
    > "$HOME/.ollama/models/manifests/registry.ollama.ai/library/llama3.2/1b"
cp "$model" "$XDG_DATA_HOME/nomic.ai/GPT4All/Llama-3.2-1B-Instruct-Q4_0.gguf"
printf '{"model_type":"gemma2"}' > "$dir/mine/gemma-2-2b/config.json"
printf 'x' > "$dir/mine/gemma-2-2b/model.safetensors"

out=$("$cli" models --folder "$dir/mine" --memory 64 2>&1) || fail "exit $?: $out"
[ "$(grep -c '' <<<"$out")" = 4 ] || fail "not a header and three models: $out"
grep -Eq '^Ollama +llama3.2:1b +gguf Q4_0 +[0-9.]+ MiB +128K +fits: 128K, f16 KV' <<<"$out" || fail "Ollama: $out"
grep -Eq '^GPT4All +Llama-3.2-1B-Instruct-Q4_0.gguf +gguf Q4_0 ' <<<"$out" || fail "GPT4All: $out"
grep -Eq "^folder +gemma-2-2b +safetensors .*unsupported: model_type 'gemma2' is not supported \(Lectern runs llama\)" \
    <<<"$out" || fail "the Gemma folder: $out"

json=$("$cli" models --folder "$dir/mine" --json --memory 64) || fail "--json exit $?"
[ "$(grep -c '"name":' <<<"$json")" = 3 ] || fail "not three models in JSON: $json"
grep -q '"name": "llama3.2:1b"' <<<"$json" || fail "no llama3.2:1b: $json"
grep -q '"path": "'"$HOME"'/.ollama/models/blobs/sha256-abc"' <<<"$json" || fail "not the blob's path: $json"
grep -q '"architecture": "gemma2"' <<<"$json" || fail "no gemma2 architecture: $json"
grep -q '"supported": false' <<<"$json" || fail "nothing unsupported: $json"
[ "$(grep -c '"fits": true' <<<"$json")" = 2 ] || fail "not two that fit in 64 GiB: $json"
# In 1 MiB nothing fits: each says what it would need.
json=$("$cli" models --json --memory 0.001) || fail "--memory 0.001 exit $?"
[ "$(grep -c '"fits": false' <<<"$json")" = 2 ] || fail "something fits in 1 MiB: $json"
grep -q '"advice": "needs ' <<<"$json" || fail "no advice: $json"
# Nothing anywhere: a sentence, exit 0.
HOME=$dir/empty XDG_DATA_HOME=$dir/empty "$cli" models | grep -q '^no models found' || fail "an empty machine"
echo "ok"
