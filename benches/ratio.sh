#!/usr/bin/env bash
# istinad beside the floor (issue 15): generates the big inputs
# (tests/generate.rs through examples/generate.rs), runs the release CLI on
# each beside `cat` (reading the file) and, for the citation checks,
# `rg --count-matches` with a citation regex (finding the candidates), and
# prints each throughput and istinad's ratio to the floor. Whole processes,
# warm page cache, the median of RUNS runs (default 3) and the largest peak
# RSS (/usr/bin/time, when present). Nothing is asserted: the figures go to
# docs/performance.md.
#
# Usage: bash benches/ratio.sh [DIR]   (inputs kept in DIR, default target/ratio)
# Environment: RUNS (default 3); SKIP_BUILD=1 uses the binaries as built.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
dir="${1:-target/ratio}"
runs="${RUNS:-3}"
mkdir -p "$dir"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  cargo build --release --quiet --bin istinad --example generate
fi
istinad="$root/target/release/istinad"
generate="$root/target/release/examples/generate"

have_rg=1
if ! command -v rg >/dev/null 2>&1; then
  have_rg=0
  echo "ratio: rg (ripgrep) is not installed: the rg column is left out" \
    "(Debian: apt-get install ripgrep)" >&2
fi
# A numbered citation: `(1, v. 5)`, `[2, s. 3]`, `(12)`.
citation='[(\[][0-9]+(, [^)\]]{0,40})?[)\]]'

# Inputs: made once, kept between runs.
make() {
  local name="$1"
  shift
  [ -s "$dir/$name" ] || "$generate" "$@" >"$dir/$name"
}
make list-100k.md list 100000
make line-100mb.md long_line 100000000
make manuscript-100mb.md manuscript 100000000 1000
make cited-10mb.md cited_line 10000000

# median seconds and peak RSS (MB) of RUNS runs of "$@", output discarded.
measure() {
  local times=() peak=0 t rss start
  for _ in $(seq "$runs"); do
    if [ -x /usr/bin/time ]; then
      /usr/bin/time -f '%e %M' -o "$dir/.time" "$@" >/dev/null 2>&1 || true
      # The last line: a failing command adds "Command exited with …" first.
      read -r t rss < <(tail -n 1 "$dir/.time")
      rss=$((rss / 1024))
    else
      start=$(date +%s.%N)
      "$@" >/dev/null 2>&1 || true
      t=$(echo "$(date +%s.%N) - $start" | bc)
      rss=0
    fi
    times+=("$t")
    [ "$rss" -gt "$peak" ] && peak=$rss
  done
  t=$(printf '%s\n' "${times[@]}" | sort -g | sed -n "$(((runs + 1) / 2))p")
  echo "$t $peak"
}

# show LABEL UNITS UNIT FLOOR SECONDS PEAK: one line of the table.
show() {
  awk -v l="$1" -v n="$2" -v u="$3" -v f="$4" -v t="$5" -v r="$6" 'BEGIN {
    rate = (t > 0) ? n / t : 0
    if (u == "MB") thr = sprintf("%9.1f MB/s", rate / 1e6); else thr = sprintf("%9.0f %s/s", rate, u)
    ratio = (f > 0 && t > 0) ? sprintf("%7.1fx", t / f) : "      -"
    printf "%-46s %8.3f s %s %6d MB  %s\n", l, t, thr, r, ratio
  }'
}

# row LABEL UNITS UNIT FLOOR -- COMMAND…: measures COMMAND, shows it.
row() {
  local label="$1" units="$2" unit="$3" floor="$4" t rss
  shift 5
  read -r t rss < <(measure "$@")
  show "$label" "$units" "$unit" "$floor" "$t" "$rss"
}

bytes() { stat -c %s "$1"; }

echo "istinad $("$istinad" --version | cut -d' ' -f2) on $(nproc) cores, median of $runs runs; ratio = istinad / floor"
printf '%-46s %10s %19s %9s  %s\n' job time throughput peak ratio

for input in line-100mb.md manuscript-100mb.md; do
  f="$dir/$input"
  n=$(bytes "$f")
  read -r floor rss < <(measure cat "$f")
  show "cat $input" "$n" MB 0 "$floor" "$rss"
  if [ "$have_rg" = 1 ]; then
    read -r floor rss < <(measure rg --count-matches "$citation" "$f")
    show "rg --count-matches $input" "$n" MB 0 "$floor" "$rss"
  fi
  row "istinad check --format json $input" "$n" MB "$floor" -- "$istinad" check --format json "$f"
  row "istinad check --format concise $input" "$n" MB "$floor" -- "$istinad" check --format concise "$f"
done

f="$dir/list-100k.md"
read -r cat_t rss < <(measure cat "$f")
show "cat list-100k.md" 100000 entries 0 "$cat_t" "$rss"
row "istinad refs --format json list-100k.md" 100000 entries "$cat_t" -- "$istinad" refs --format json "$f"
row "istinad refs list-100k.md (human)" 100000 entries "$cat_t" -- "$istinad" refs "$f"
row "istinad convert --to csl-json list-100k.md" 100000 entries "$cat_t" -- "$istinad" convert --to csl-json "$f"

# The human report against JSON on the same findings (the floor is JSON).
f="$dir/cited-10mb.md"
n=$(bytes "$f")
read -r json_t rss < <(measure "$istinad" check --format json "$f")
show "istinad check --format json cited-10mb.md" "$n" MB 0 "$json_t" "$rss"
row "istinad check (human) cited-10mb.md, / json" "$n" MB "$json_t" -- "$istinad" check --color never "$f"
