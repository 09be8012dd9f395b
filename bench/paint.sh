#!/usr/bin/env bash
# Measures how long a report page takes to paint in headless Chromium: a copy of the page
# gets a probe that logs the first-paint / first-contentful-paint times and the load end
# (milliseconds since navigation start), read from Chromium's console log.
# Usage: bench/paint.sh PAGE.html [RUNS]
set -euo pipefail
page="$1"
runs="${2:-3}"
probe="$(dirname "$page")/.paint-probe-$(basename "$page")"
trap 'rm -f "$probe"' EXIT
cp "$page" "$probe"
cat >>"$probe" <<'JS'
<script>addEventListener('load',function(){setTimeout(function(){var t=performance.timing;
console.log('PAINT '+performance.getEntriesByType('paint').map(function(e){return e.name+'='+Math.round(e.startTime)+'ms';}).join(' ')+' load='+(t.loadEventEnd-t.navigationStart)+'ms');},0);});</script>
JS
echo "$(basename "$page"): $(wc -c <"$page") bytes"
for _ in $(seq "$runs"); do
  profile="$(mktemp -d)"
  timeout 300 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
    --enable-logging=stderr --v=0 --window-size=1280,2000 --screenshot="$profile/shot.png" \
    "file://$(realpath "$probe")" 2>&1 >/dev/null | grep -o 'PAINT[^"]*' || echo "no paint timing"
  rm -rf "$profile"
done
