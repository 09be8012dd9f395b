#!/bin/sh
# Times `claimlint check` (every check on) against ripgrep and typos on a generated archive
# (bench/gen_bench.py), across entity and claim counts and 1 and 2 threads, and writes the
# table into bench/RESULTS.md between the `compare.sh` markers. Timings on a shared machine
# are noisy: read the ratio to ripgrep, measured in the same hyperfine run.
#
# Parameters (environment):
#   MB=48                 archive size in MB (the issue's archive: 6,039 articles, 48 MB)
#   ENTITIES="20 2000 20000"  entity counts (each with CLAIM_BASE claims)
#   CLAIMS="10 200 2000"  claim counts (each with ENTITY_BASE entities)
#   ENTITY_BASE=2000 CLAIM_BASE=200
#   THREADS="1 2"         -j for claimlint, rg and typos
#   RUNS=3                hyperfine runs per command (plus one warm-up)
#   PROFILE=release       cargo profile (bench-fast: no LTO, builds faster)
#   BIN=path              a claimlint binary to time instead (no build)
#   OUT=bench/RESULTS.md  where the table goes ("-" for stdout only)
#   PROFILE_PERF=1        also `perf record` the base case (1 thread) into $WORK/perf.txt
# Needs python3; installs hyperfine and ripgrep (Debian) and typos (PyPI wheel, else
# `cargo install typos-cli`) if missing; typos is skipped with a note if neither works.
set -eu
cd "$(dirname "$0")/.."
MB=${MB:-48}
ENTITIES=${ENTITIES:-"20 2000 20000"}
CLAIMS=${CLAIMS:-"10 200 2000"}
ENTITY_BASE=${ENTITY_BASE:-2000}
CLAIM_BASE=${CLAIM_BASE:-200}
THREADS=${THREADS:-"1 2"}
RUNS=${RUNS:-3}
PROFILE=${PROFILE:-release}
OUT=${OUT:-bench/RESULTS.md}
WORK=${WORK:-$(mktemp -d)}
mkdir -p "$WORK"

need() { command -v "$1" >/dev/null 2>&1; }
if ! need hyperfine || ! need rg; then
  apt-get update -qq && apt-get install -y -qq hyperfine ripgrep >/dev/null
fi
if ! need typos; then
  pip install -q typos 2>/dev/null || pip install -q --break-system-packages typos 2>/dev/null \
    || timeout 900 cargo install -q typos-cli 2>/dev/null || true
fi
TYPOS_NOTE=""
need typos || TYPOS_NOTE="typos could not be installed: not measured"

if [ -z "${BIN:-}" ]; then
  cargo build -q --profile "$PROFILE" --bin claimlint
  BIN=$PWD/target/$PROFILE/claimlint
  [ "$PROFILE" = dev ] && BIN=$PWD/target/debug/claimlint
fi

# One archive (its text mentions the base pack's entities and nouns); one pack per setup.
if [ "$(cat "$WORK/base/params" 2>/dev/null)" != "$ENTITY_BASE $CLAIM_BASE $MB" ]; then
  rm -rf "$WORK/base"
  python3 bench/gen_bench.py "$WORK/base" "$ENTITY_BASE" "$CLAIM_BASE" "$MB" >&2
  echo "$ENTITY_BASE $CLAIM_BASE $MB" >"$WORK/base/params"
fi
ARCHIVE=$WORK/base/archive
BYTES=$(find "$ARCHIVE" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
FILES=$(find "$ARCHIVE" -type f | wc -l)
pack_dir() { # ENTITIES CLAIMS → a folder with pack.toml, names.txt, typos.toml
  d=$WORK/pack-$1-$2
  [ -f "$d/pack.toml" ] || python3 bench/gen_bench.py "$d" "$1" "$2" 0 >/dev/null
  echo "$d"
}

ROWS=$WORK/rows.txt
: >"$ROWS"
measure() { # ENTITIES CLAIMS THREADS
  d=$(pack_dir "$1" "$2")
  lint="$BIN check --no-config --rules $d/pack.toml --format jsonl -j $3 $ARCHIVE"
  grep="rg -j $3 -c -F -f $d/names.txt $ARCHIVE"
  set -- "$1" "$2" "$3" "$d"
  extra=""
  if [ "$1" = "$ENTITY_BASE" ] && [ "$2" = "$CLAIM_BASE" ] && need typos; then
    extra="typos -j $3 --config $d/typos.toml $ARCHIVE"
  fi
  json=$WORK/h-$1-$2-$3.json
  if [ -n "$extra" ]; then
    hyperfine -N -i -w 1 -r "$RUNS" --export-json "$json" "$grep" "$lint" "$extra" >&2
  else
    hyperfine -N -i -w 1 -r "$RUNS" --export-json "$json" "$grep" "$lint" >&2
  fi
  # Peak RSS, one run each.
  rss_lint=$( (/usr/bin/time -v sh -c "$lint >/dev/null 2>&1") 2>&1 | awk '/Maximum resident/ {print $6}')
  rss_rg=$( (/usr/bin/time -v sh -c "$grep >/dev/null 2>&1") 2>&1 | awk '/Maximum resident/ {print $6}')
  rss_typos=""
  [ -n "$extra" ] && rss_typos=$( (/usr/bin/time -v sh -c "$extra >/dev/null 2>&1") 2>&1 | awk '/Maximum resident/ {print $6}')
  echo "$1 $2 $3 $json $rss_rg $rss_lint ${rss_typos:--}" >>"$ROWS"
}

for t in $THREADS; do
  for e in $ENTITIES; do measure "$e" "$CLAIM_BASE" "$t"; done
  for c in $CLAIMS; do
    [ "$c" = "$CLAIM_BASE" ] || measure "$ENTITY_BASE" "$c" "$t"
  done
done

# Start-up: the base pack, a one-line article.
d=$(pack_dir "$ENTITY_BASE" "$CLAIM_BASE")
echo "Il est arrivé à Minsk mardi." >"$WORK/one.md"
hyperfine -N -i -w 3 -r 30 --export-json "$WORK/startup.json" \
  "$BIN check --no-config --rules $d/pack.toml --format jsonl $WORK/one.md" \
  "$BIN check --no-config --format jsonl $WORK/one.md" >&2

if [ "${PROFILE_PERF:-0}" = 1 ] && need perf; then
  perf record -g -o "$WORK/perf.data" -- $BIN check --no-config --rules "$d/pack.toml" \
    --format jsonl -j 1 "$ARCHIVE" >/dev/null 2>&1 || true
  perf report -i "$WORK/perf.data" --no-children --percent-limit 1.5 --stdio 2>/dev/null \
    | grep -v '^$' | head -80 >"$WORK/perf.txt" || true
  echo "perf summary: $WORK/perf.txt" >&2
fi

python3 - "$ROWS" "$BYTES" "$FILES" "$WORK/startup.json" "$OUT" "$MB" "$PROFILE" \
  "$ENTITY_BASE" "$CLAIM_BASE" "$TYPOS_NOTE" <<'PY'
import json, sys, datetime, os
rows, size, files, startup, out, mb, profile, eb, cb, note = sys.argv[1:11]
size = int(size)
def mean(res): return res["mean"]
lines = []
lines.append(f"Archive: {files} Markdown articles, {size / 1e6:.1f} MB (bench/gen_bench.py, "
             f"text generated for {eb} entities and {cb} claims); packs of E entities × 4 forms "
             f"and C claims `{{n}} NOUN were counted` / `{{n}} NOUN ont été recensés`. "
             f"Profile `{profile}`; hyperfine means; RSS from `/usr/bin/time -v` (one run).")
lines.append("")
lines.append("| entities | claims | -j | claimlint wall | CPU (user+sys) | MB/s (wall) | peak RSS | rg wall | rg CPU | **ratio to rg, wall** | ratio to rg, CPU | typos wall (ratio) |")
lines.append("|---|---|---|---|---|---|---|---|---|---|---|---|")
def cpu(r): return r["user"] + r["system"]
for row in open(rows):
    e, c, t, path, rss_rg, rss_lint, rss_typos = row.split()
    res = json.load(open(path))["results"]
    rg, lint = res[0], res[1]
    typos = f"{mean(res[2]):.2f} s ({mean(res[2]) / mean(rg):.1f}×)" if len(res) > 2 else "–"
    rss_t = f"; typos {int(rss_typos) / 1024:.0f} MB" if rss_typos != "-" else ""
    lines.append(f"| {int(e):,} | {int(c):,} | {t} | {mean(lint):.2f} s | {cpu(lint):.2f} s | "
                 f"{size / 1e6 / mean(lint):.1f} | {int(rss_lint) / 1024:.0f} MB (rg {int(rss_rg) / 1024:.0f} MB{rss_t}) | "
                 f"{mean(rg):.3f} s | {cpu(rg):.3f} s | **{mean(lint) / mean(rg):.1f}×** | "
                 f"{cpu(lint) / cpu(rg):.0f}× | {typos} |")
res = json.load(open(startup))["results"]
lines.append("")
lines.append(f"Start-up, one-line article: base pack ({eb} entities, {cb} claims) "
             f"**{mean(res[0]) * 1000:.1f} ms** wall (σ {res[0]['stddev'] * 1000:.1f}, min "
             f"{res[0]['min'] * 1000:.1f}), CPU {cpu(res[0]) * 1000:.1f} ms; shipped packs only "
             f"{mean(res[1]) * 1000:.1f} ms wall, CPU {cpu(res[1]) * 1000:.1f} ms.")
if note:
    lines.append("")
    lines.append(note + ".")
table = "\n".join(lines)
print(table)
if out != "-":
    begin, end = "<!-- compare.sh begin -->", "<!-- compare.sh end -->"
    text = open(out).read() if os.path.exists(out) else ""
    block = f"{begin}\n{table}\n{end}"
    if begin in text and end in text:
        head, rest = text.split(begin, 1)
        text = head + block + rest.split(end, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    open(out, "w").write(text)
PY
