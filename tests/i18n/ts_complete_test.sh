#!/usr/bin/env bash
# The shipped translations are complete and current: lupdate, run over the window's and the
# viewer's sources into copies of ui/translations/*.ts, finds no string without a finished
# translation (unfinished) and none the sources no longer have (vanished, obsolete).
# Usage: ts_complete_test.sh LUPDATE SOURCE_DIR
set -uo pipefail
lupdate=$1 src=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cp "$src"/ui/translations/lectern_*.ts "$dir"/
[ "$(ls "$dir"/*.ts | wc -l)" = 5 ] || fail "not the five shipped languages: $(ls "$src"/ui/translations)"
mapfile -t sources < <(find "$src/ui/window" "$src/ui/viewer" -name '*.cpp' -o -name '*.h' | grep -v '_test\.cpp$' | sort)
sources+=("$src/ui/main.cpp")
"$lupdate" -locations none -silent "${sources[@]}" -ts "$dir"/lectern_*.ts > "$dir/lupdate.log" 2>&1 ||
    fail "lupdate: $(cat "$dir/lupdate.log")"
status=0
for ts in "$dir"/lectern_*.ts; do
    lang=$(basename "$ts" .ts)
    messages=$(grep -c '<message' "$ts")
    unfinished=$(grep -c 'type="unfinished"' "$ts")
    gone=$(grep -cE 'type="(vanished|obsolete)"' "$ts")
    echo "$lang: $messages strings, $unfinished unfinished, $gone vanished"
    if [ "$unfinished" != 0 ] || [ "$gone" != 0 ]; then
        grep -B3 -E 'type="(unfinished|vanished|obsolete)"' "$ts" | grep '<source>' | head -5
        status=1
    fi
    [ "$messages" -gt 300 ] || { echo "$lang: too few strings"; status=1; }
done
[ "$status" = 0 ] || fail "run 'ninja -C build update_translations' and translate the strings listed"
echo ok
