#!/usr/bin/env bash
# Seeds fuzz/corpus/<target> from the fixtures (corpus/ is not committed):
# manuscripts and rule fixtures for `check` and `cite`, the .docx fixtures for
# `docx` (and `check`), one reference-list entry a file for `parse_reference`.
# Idempotent: seeds are copied again over themselves; what runs added is kept.
# Run from anywhere: bash fuzz/seed.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
fixtures=../fixtures
mkdir -p corpus/check corpus/parse_reference corpus/docx corpus/cite
cp "$fixtures"/manuscripts/*.md "$fixtures"/manuscripts/*.txt \
  "$fixtures"/manuscripts/docx/*.docx "$fixtures"/rules/*.md \
  "$fixtures"/convert/list.md corpus/check/
cp "$fixtures"/manuscripts/docx/*.docx corpus/docx/
cp "$fixtures"/manuscripts/*.md "$fixtures"/rules/*.md corpus/cite/
grep -h '^text = ' "$fixtures"/references/*/*.toml | sed 's/^text = "//; s/"$//' \
  | split -l 1 - corpus/parse_reference/entry-
