#!/usr/bin/env bash
# `cmake --install` into a temporary prefix: the programs, the desktop entry and the icons
# land where the desktop looks for them, the entry is valid, the installed programs find
# nothing of the build tree (no RUNPATH into it, every library resolved) and run from there:
# lectern-cli answers a question with the prompts built into it, lectern prints its usage and
# opens its window offscreen with a document.
# Usage: install_test.sh BUILD_DIR MODEL_GGUF
set -uo pipefail
build=$1 model=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
prefix=$dir/prefix
cmake --install "$build" --prefix "$prefix" > "$dir/install.log" 2>&1 || fail "install: $(cat "$dir/install.log")"
for f in bin/lectern bin/lectern-cli share/applications/lectern.desktop \
         share/icons/hicolor/scalable/apps/lectern.svg share/icons/hicolor/256x256/apps/lectern.png; do
    [ -e "$prefix/$f" ] || fail "$f was not installed"
done
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$prefix/share/applications/lectern.desktop" || fail "the desktop entry is not valid"
fi
grep -q '^MimeType=application/pdf;inode/directory;' "$prefix/share/applications/lectern.desktop" ||
    fail "the desktop entry does not open PDFs and folders"
for exe in lectern lectern-cli; do
    if readelf -d "$prefix/bin/$exe" | grep -E 'R(UN)?PATH' | grep -q "$build"; then fail "$exe looks into the build tree"; fi
    if ldd "$prefix/bin/$exe" | grep -q 'not found'; then fail "$exe: $(ldd "$prefix/bin/$exe" | grep 'not found')"; fi
done
# Run from the prefix, with the build tree out of reach.
cp "$model" "$dir/model.gguf"
printf 'The northern warehouse shipped 412 crates.\n' > "$dir/memo.txt"
export LECTERN_DATA_DIR=$dir/data LECTERN_CACHE_DIR=$dir/cache XDG_CONFIG_HOME=$dir/config
out=$(cd "$dir" && "$prefix/bin/lectern-cli" ask memo.txt "How many crates?" --model model.gguf --ctx 2048 \
      --backend cpu -n 4 2>&1) || fail "the installed lectern-cli: $out"
"$prefix/bin/lectern" --help | grep -q '^Usage: lectern' || fail "the installed lectern --help"
QT_QPA_PLATFORM=offscreen timeout 20 "$prefix/bin/lectern" --model "$dir/model.gguf" --context 2048 "$dir/memo.txt" \
    > "$dir/window.log" 2>&1 &
pid=$!
sleep 6
kill -0 "$pid" 2>/dev/null || { wait "$pid"; fail "the installed lectern exited ($?): $(cat "$dir/window.log")"; }
kill "$pid"
wait "$pid" 2>/dev/null
# It read the document into a session with the model, as the build's does.
sessions=$("$prefix/bin/lectern-cli" sessions list 2>&1)
grep -q "Ask: memo.txt .*model.gguf" <<<"$sessions" || fail "no session from the installed lectern: $sessions $(cat "$dir/window.log")"
echo ok
