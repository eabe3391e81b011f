#!/usr/bin/env node
// Check a .bib file with biber's datamodel validation and show what biber read from it.
// Usage: node biber-check.mjs FILE.bib [--allow-warnings]
// Runs, in a scratch directory (so no .blg or output is left next to FILE):
//   biber --tool --validate-datamodel --output-format=bibtex --output-file=OUT.bib FILE.bib
// In tool mode biber reads FILE through its BibTeX driver with the default datamodel and
// source maps (so classic BibTeX fields such as journal/address/school are mapped to their
// BibLaTeX names), validates every entry, and writes back what it understood.
// biber's exit status is 0 even when it warns, so the check reads its log lines instead:
// every line starting "WARN - " or "ERROR - " (stdout and the .blg hold the same lines).
// Prints {"ok", "status", "warnings": [...], "errors": [...], "entries": {KEY: {"type", "fields"}}}
// where "fields" holds biber's output with lower-case names. Exit 1 on any error, on any warning
// (unless --allow-warnings), if biber exits non-zero, or if an entry of FILE is missing
// from biber's output.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { parseArgs, finish, fail, readText } from './lib.mjs'

const { files, opts } = parseArgs(process.argv.slice(2), { flags: ['allow-warnings'] })
if (files.length !== 1) fail('usage: biber-check.mjs FILE.bib [--allow-warnings]')
const input = readText(files[0])

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'biber-check-'))
// `finish` and `fail` exit the process, which skips a `finally`: the
// directory is removed on exit instead, whatever the path out.
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }))
{
  fs.writeFileSync(path.join(dir, 'input.bib'), input)
  const run = spawnSync('biber', [
    '--tool', '--validate-datamodel', '--output-format=bibtex', '--output-file=output.bib',
    '--logfile=input', 'input.bib'
  ], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 })
  if (run.error) fail(`cannot run biber: ${run.error.message}`)
  const lines = (run.stdout + '\n' + run.stderr).split('\n')
  const warnings = lines.filter((l) => l.startsWith('WARN - ')).map((l) => l.slice(7))
  const errors = lines.filter((l) => l.startsWith('ERROR - ')).map((l) => l.slice(8))
  const outFile = path.join(dir, 'output.bib')
  const entries = fs.existsSync(outFile) ? parseBib(fs.readFileSync(outFile, 'utf8')) : {}

  const declared = [...input.matchAll(/^\s*@(\w+)\s*[{(]\s*([^,\s]+)\s*,/gm)]
    .filter((m) => !['string', 'comment', 'preamble'].includes(m[1].toLowerCase()))
    .map((m) => m[2])
  const missing = declared.filter((key) => !(key in entries))
  const ok = run.status === 0 && errors.length === 0 && missing.length === 0 &&
    (opts['allow-warnings'] || warnings.length === 0)
  finish({ ok, status: run.status, warnings, errors, missing, entries }, ok)
}

// biber's tool output: "@TYPE{key,\n  FIELD = {value},\n}" with balanced braces in values.
function parseBib (text) {
  const entries = {}
  const re = /@(\w+)\s*\{\s*([^,\s]+)\s*,/g
  let m
  while ((m = re.exec(text))) {
    const fields = {}
    let i = re.lastIndex
    for (;;) {
      while (i < text.length && /[\s,]/.test(text[i])) i++
      if (i >= text.length || text[i] === '}') { i++; break }
      const nm = /^([A-Za-z0-9_:+-]+)\s*=\s*/.exec(text.slice(i))
      if (!nm) break
      i += nm[0].length
      let value = ''
      if (text[i] === '{') {
        let depth = 0
        const start = i
        for (; i < text.length; i++) {
          if (text[i] === '\\') { i++; continue }
          if (text[i] === '{') depth++
          else if (text[i] === '}' && --depth === 0) { i++; break }
        }
        value = text.slice(start + 1, i - 1)
      } else {
        const bare = /^[^,}\s]+/.exec(text.slice(i))
        value = bare ? bare[0] : ''
        i += value.length
      }
      fields[nm[1].toLowerCase()] = value
    }
    entries[m[2]] = { type: m[1].toLowerCase(), fields }
    re.lastIndex = i
  }
  return entries
}
