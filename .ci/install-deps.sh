#!/usr/bin/env bash
# Install what the client-program tests need: biber, pandoc, headless Chromium (which drives
# `istinad serve`'s page), LibreOffice Writer (which
# opens the rendered .docx), XeLaTeX with biblatex and pdftotext (which print our .bib files)
# from Debian, the node
# programs of tests/clients (citation-js, ajv) into tests/clients/node_modules with `npm ci`,
# and cargo-fuzz for the fuzz smoke run.
# Idempotent: installs only what is missing or out of date. Quiet: prints one line per step,
# and the full log of a step only when it fails. Exits non-zero if anything is missing after.
# Run from anywhere: bash .ci/install-deps.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
clients="$root/tests/clients"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
start=$SECONDS

die() {
  echo "install-deps: ERROR: $*" >&2
  if [ -s "$log" ]; then
    echo "---- log (first 40 lines) ----" >&2
    head -n 40 "$log" >&2
  fi
  exit 1
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"
  else die "need root (or sudo) to run: $*"
  fi
}

# --- Debian packages -------------------------------------------------------------------
apt_pkgs=()
command -v biber >/dev/null 2>&1 || apt_pkgs+=(biber)
command -v pandoc >/dev/null 2>&1 || apt_pkgs+=(pandoc)
command -v node >/dev/null 2>&1 || apt_pkgs+=(nodejs)
command -v npm >/dev/null 2>&1 || apt_pkgs+=(npm)
# soffice saves the LibreOffice .docx and .odt the input tests read fresh, and
# opens the rendered .docx.
command -v soffice >/dev/null 2>&1 || apt_pkgs+=(libreoffice-writer)
# biblatex is in texlive-bibtex-extra; only these two, not a full TeX Live.
kpsewhich biblatex.sty >/dev/null 2>&1 || apt_pkgs+=(texlive-xetex texlive-bibtex-extra)
command -v pdftotext >/dev/null 2>&1 || apt_pkgs+=(poppler-utils)
# headless Chromium drives `istinad serve`'s page (tests/serve.rs).
command -v chromium >/dev/null 2>&1 || apt_pkgs+=(chromium)
if [ "${#apt_pkgs[@]}" -gt 0 ]; then
  echo "install-deps: apt-get install ${apt_pkgs[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq >"$log" 2>&1 || die "apt-get update failed"
  as_root apt-get install -y -qq --no-install-recommends "${apt_pkgs[@]}" >>"$log" 2>&1 \
    || die "apt-get install ${apt_pkgs[*]} failed"
else
  echo "install-deps: biber, pandoc, node, npm, soffice, xelatex, pdftotext and chromium already installed"
fi

# --- node programs ---------------------------------------------------------------------
[ -f "$clients/package-lock.json" ] || die "$clients/package-lock.json is missing"
stamp="$clients/node_modules/.istinad-lock"
if [ -f "$stamp" ] && cmp -s "$clients/package-lock.json" "$stamp"; then
  echo "install-deps: tests/clients/node_modules is up to date"
else
  echo "install-deps: npm ci in tests/clients"
  (cd "$clients" && npm ci --no-audit --no-fund --loglevel=error >"$log" 2>&1) || die "npm ci failed"
  cp "$clients/package-lock.json" "$stamp"
fi

# --- cargo-fuzz (the fuzz smoke run of .ci/run) ----------------------------------------
# Its targets build on stable Rust with `-s none` (no sanitizer): no nightly toolchain.
if cargo fuzz --version >/dev/null 2>&1; then
  echo "install-deps: cargo-fuzz already installed"
else
  echo "install-deps: cargo install cargo-fuzz"
  # Not fatal: without it fuzz/smoke.sh replays the seeds through the targets built by cargo.
  cargo install cargo-fuzz --locked >"$log" 2>&1 \
    || echo "install-deps: WARNING: cargo install cargo-fuzz failed; the fuzz smoke run only replays the seeds"
fi

# --- checks: fail loudly if anything is missing ----------------------------------------
: >"$log"
biber_version="$(biber --version 2>>"$log" | sed -n 's/^biber version: //p')"
[ -n "$biber_version" ] || die "biber does not run"
pandoc_version="$(pandoc --version 2>>"$log" | sed -n '1s/^pandoc[^ ]* //p')"
[ -n "$pandoc_version" ] || die "pandoc does not run"
soffice --version >>"$log" 2>&1 || die "soffice (libreoffice-writer) does not run"
xelatex --version >>"$log" 2>&1 || die "xelatex (texlive-xetex) does not run"
kpsewhich biblatex.sty >>"$log" 2>&1 || die "biblatex.sty (texlive-bibtex-extra) is missing"
pdftotext -v >>"$log" 2>&1 || die "pdftotext (poppler-utils) does not run"
chromium --version >>"$log" 2>&1 || die "chromium does not run"
case "$pandoc_version" in
  1.*|2.[0-9]|2.[0-9].*|2.10*) die "pandoc $pandoc_version is too old: --citeproc needs 2.11 or later" ;;
esac
node_major="$(node -p 'process.versions.node.split(".")[0]' 2>>"$log")" || die "node does not run"
[ "$node_major" -ge 18 ] || die "node $node_major is too old: the client scripts need 18 or later"
# biber's tool mode must validate a datamodel and pandoc must run citeproc on CSL-JSON
(cd "$clients" && node -e '
  import("@citation-js/core").then(async ({ Cite }) => {
    await import("@citation-js/plugin-csl"); await import("@citation-js/plugin-ris"); await import("ajv")
    const out = new Cite([{ id: "x", type: "book", title: "T" }]).format("bibliography", { format: "text" })
    if (!out.includes("T")) throw new Error("citation-js rendered nothing")
  }).catch((e) => { console.error(e); process.exit(1) })' >>"$log" 2>&1) || die "node programs in tests/clients do not load"
smoke="$(mktemp -d)"
printf '@book{k, author = {A, B}, title = {T}, date = {2000}}\n' >"$smoke/s.bib"
(cd "$smoke" && biber --tool --validate-datamodel --output-file=/dev/null s.bib >>"$log" 2>&1) \
  || { rm -rf "$smoke"; die "biber --tool failed"; }
printf '[{"id":"k","type":"book","title":"T"}]' >"$smoke/s.json"
printf -- "---\nnocite: '@*'\n...\n" | pandoc --citeproc --bibliography "$smoke/s.json" -t plain >>"$log" 2>&1 \
  || { rm -rf "$smoke"; die "pandoc --citeproc failed"; }
rm -rf "$smoke"
soffice_version="$(soffice --version 2>>"$log" | sed -n '1s/^LibreOffice \([^ ]*\).*/\1/p')"
[ -n "$soffice_version" ] || die "soffice does not run"

echo "install-deps: ok (biber $biber_version, pandoc $pandoc_version, node $(node --version), LibreOffice $soffice_version) in $((SECONDS - start)) s"
