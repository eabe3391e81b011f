#!/usr/bin/env bash
# The fuzz smoke run of CI (issue 12): every target in fuzz_targets/ for
# SECONDS each (default 40) on its corpus (seeded by seed.sh), failing if any
# target crashes (a panic, a broken invariant, a timeout of 30 s or memory
# over 2 GB on one input). libFuzzer writes a crashing input to
# artifacts/<target>/; README.md says how to replay and keep it.
#
# cargo-fuzz with `-s none` (no sanitizer) builds on stable Rust, so no
# nightly toolchain is needed. Without cargo-fuzz, the targets are built
# with plain cargo and every seed is run through them once (no fuzzing, but
# the seeds still exercise the invariants).
#
# Run from anywhere: bash fuzz/smoke.sh [SECONDS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
seconds="${1:-40}"
targets=(check parse_reference docx cite)
bash seed.sh
failed=()
if cargo fuzz --version >/dev/null 2>&1; then
  cargo fuzz build -s none
  for t in "${targets[@]}"; do
    echo "fuzz smoke: $t for ${seconds} s"
    cargo fuzz run -s none "$t" "corpus/$t" -- \
      -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 \
      || failed+=("$t")
  done
else
  echo "fuzz smoke: cargo-fuzz is missing; running the seeds through the targets once"
  cargo build --locked --release --bins
  for t in "${targets[@]}"; do
    echo "fuzz smoke: $t, $(find "corpus/$t" -type f | wc -l) seeds"
    find "corpus/$t" -type f -print0 \
      | xargs -0 -n 200 "target/release/$t" -timeout=30 -rss_limit_mb=2048 >/dev/null 2>"target/smoke-$t.log" \
      || { tail -n 40 "target/smoke-$t.log" >&2; failed+=("$t"); }
  done
fi
if [ "${#failed[@]}" -gt 0 ]; then
  echo "fuzz smoke: FAILED: ${failed[*]} (inputs in fuzz/artifacts/)" >&2
  exit 1
fi
echo "fuzz smoke: ok (${targets[*]})"
