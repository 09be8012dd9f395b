#!/bin/sh
# Peak memory of `claimlint check` (bench/RESULTS.md, "Memory"): an archive of N and of
# 10×N articles (bench/gen_archive.py), a 20 MB one-line article, and a file with five
# million findings under --max-findings 10; with BIG=1, two 200 MB one-line articles.
# Usage: [BIG=1] bench/memory.sh [N] (default 600).
# Needs GNU time (/usr/bin/time -v) and a release build (cargo build --release).
set -eu
N=${1:-600}
BIN=${BIN:-target/release/claimlint}
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
python3 bench/gen_archive.py "$DIR/a1" "$N" >/dev/null
python3 bench/gen_archive.py "$DIR/a10" $((N * 10)) >/dev/null
python3 - "$DIR" "${BIG:-0}" <<'PY'
import glob, sys
d = sys.argv[1]
BIG = sys.argv[2] == '1'
texts = []
for p in sorted(glob.glob(d + '/a1/**/*.md', recursive=True))[:50]:
    t = open(p, encoding='utf-8').read()
    texts.append(t.split('---', 2)[2] if t.startswith('---') else t)
blob = ' '.join(t.replace('\n', ' ') for t in texts)
line = (blob + ' ') * (20_000_000 // len(blob.encode()) + 1)
line = line.encode()[:20_000_000].decode('utf-8', 'ignore')
open(d + '/oneline.txt', 'w', encoding='utf-8').write(line + '\n')
open(d + '/many.txt', 'w').write('Start' + ' a ,' * 5_000_000 + '.\n')
open(d + '/many10.txt', 'w').write('Start' + ' a ,' * 10_000_000 + '.\n')
if BIG:
    # 200 MB on one line: the 20 MB line ten times (repeats), and distinct sentences of
    # random words with names of the shipped pack among them.
    open(d + '/big.txt', 'w', encoding='utf-8').write((line + ' ') * 10 + '\n')
    import random, string
    rng = random.Random(7)
    vocab = [''.join(rng.choices(string.ascii_lowercase, k=rng.randint(2, 9))) for _ in range(30000)]
    names = ['Minsk', 'Lukashenko', 'Loukachenko', 'Vilnius', 'Bialiatski', 'Mink']
    out, size = [], 0
    while size < 200_000_000:
        ws = rng.choices(vocab, k=rng.randint(6, 25))
        if rng.random() < 0.3:
            ws[rng.randrange(len(ws))] = rng.choice(names)
        s = ' '.join(ws).capitalize() + '. '
        out.append(s)
        size += len(s)
    open(d + '/distinct.txt', 'w', encoding='utf-8').write(''.join(out) + '\n')
PY
peak() {
    /usr/bin/time -v "$@" >/dev/null 2>"$DIR/time" || true
    printf '%s MB, %s s\n' \
        "$(awk '/Maximum resident/ {printf "%.1f", $6 / 1024}' "$DIR/time")" \
        "$(awk -F': ' '/Elapsed/ {print $2}' "$DIR/time")"
}
for format in jsonl json; do
    echo "$N articles, $format: $(peak "$BIN" check --no-config --format "$format" "$DIR/a1")"
    echo "$((N * 10)) articles, $format: $(peak "$BIN" check --no-config --format "$format" "$DIR/a10")"
done
echo "20 MB one line, jsonl: $(peak "$BIN" check --no-config --format jsonl "$DIR/oneline.txt")"
echo "5M findings, --max-findings 10: $(peak "$BIN" check --no-config --format jsonl --max-findings 10 "$DIR/many.txt")"
echo "5M findings, --max-findings 0: $(peak "$BIN" check --no-config --format jsonl --max-findings 0 "$DIR/many.txt")"
echo "10M findings, --max-findings 10: $(peak "$BIN" check --no-config --format jsonl --max-findings 10 "$DIR/many10.txt")"
if [ "${BIG:-0}" = 1 ]; then
    echo "200 MB one line (repeats), jsonl: $(peak "$BIN" check --no-config --format jsonl "$DIR/big.txt")"
    echo "200 MB one line (distinct sentences), jsonl: $(peak "$BIN" check --no-config --format jsonl "$DIR/distinct.txt")"
fi
