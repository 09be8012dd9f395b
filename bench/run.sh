#!/bin/sh
# Load test of `claimlint serve` on loopback (bench/RESULTS.md): the shipped packs, then a
# generated pack of 2,000 entities. Needs a release build and python3 (pack generator).
set -eu
cd "$(dirname "$0")/.."
cargo build --release --bin claimlint
cargo build --example load   # the client only waits on sockets: a debug build will do
BIN=target/release/claimlint
LOAD=target/debug/examples/load
N=${N:-20000}
C=${C:-8}
WORK=$(mktemp -d)
trap 'kill $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT

python3 - "$WORK/entities.toml" <<'PY'
import sys
syl = ["ka", "ro", "vi", "len", "mar", "tso", "bek", "dun", "ush", "pil",
       "zor", "nev", "ga", "tri", "sol", "hum", "ya", "kel", "om", "bra"]
out = ['format = 1', '', '[pack]', 'id = "bulk"', '']
for i in range(2000):
    a, b, c = syl[i % 20], syl[(i // 20) % 20], syl[(i // 400) % 20]
    name = (a + b + c + "ov").capitalize()
    wrong = (a + b + c + "off").capitalize()
    out += ['[[entity]]', f'id = "e{i}"', f'preferred = {{ fr = "{name}", en = "{name}" }}',
            f'wrong = ["{wrong}"]', '']
open(sys.argv[1], "w").write("\n".join(out))
PY

run() {
  $BIN serve --addr 127.0.0.1:18765 "$@" 2>"$WORK/serve.err" &
  PID=$!
  sleep 2
  $LOAD --port 18765 --file bench/article-5k.md --requests 200 --concurrency "$C" >/dev/null
  $LOAD --port 18765 --file bench/article-5k.md --requests "$N" --concurrency "$C" --pid $PID
  kill $PID; wait $PID 2>/dev/null || true
}

echo "## shipped packs"
run --no-config
echo "## 2,000-entity pack (plus the shipped ones)"
run --no-config --rules rules --rules "$WORK/entities.toml"
echo "## overload: 1 worker, queue 4, concurrency 64"
$BIN serve --addr 127.0.0.1:18765 --no-config --workers 1 --queue 4 2>"$WORK/serve.err" &
PID=$!
sleep 2
$LOAD --port 18765 --file bench/article-5k.md --requests 5000 --concurrency 64 --pid $PID
curl -s -o /dev/null -w 'healthz after overload: %{http_code}\n' http://127.0.0.1:18765/healthz
