#!/usr/bin/env node
// Render every entry of a bibliography with pandoc's citeproc (pandoc >= 2.11).
// Usage: node pandoc-render.mjs FILE.(json|bib|bibtex|yaml) [--csl STYLE.csl] [--lang en-US] [--with-ids]
// Runs:  pandoc --citeproc --bibliography FILE [--csl STYLE] -f markdown -t json
//        on a document whose metadata is  nocite: '@*'  (so every entry is rendered),
// then reads each <div id="ref-KEY" class="csl-entry"> out of pandoc's JSON AST.
// Prints a JSON array of strings (rendered entries in the order of the input file), or with
// --with-ids [{"id", "text"}]. Exit 1 if pandoc fails, prints a [WARNING], or an entry is missing.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { parseArgs, finish, fail, readText } from './lib.mjs'

const { files, opts } = parseArgs(process.argv.slice(2), {
  flags: ['with-ids'],
  options: ['csl', 'lang']
})
if (files.length !== 1) fail('usage: pandoc-render.mjs FILE [--csl STYLE.csl] [--lang en-US] [--with-ids]')
const file = files[0]

// The keys the input file declares, in order.
const text = readText(file)
let ids
if (/\.json$/i.test(file)) {
  ids = JSON.parse(text).map((item) => String(item.id))
} else if (/\.(bib|bibtex)$/i.test(file)) {
  ids = [...text.matchAll(/^\s*@(\w+)\s*[{(]\s*([^,\s]+)\s*,/gm)]
    .filter((m) => !['string', 'comment', 'preamble'].includes(m[1].toLowerCase()))
    .map((m) => m[2])
} else if (/\.ya?ml$/i.test(file)) {
  ids = [...text.matchAll(/^\s*-?\s*id:\s*['"]?([^'"\s]+)['"]?\s*$/gm)].map((m) => m[1])
} else {
  fail('input must end in .json, .bib, .bibtex or .yaml')
}

const meta = ['---', "nocite: '@*'"]
if (opts.lang) meta.push(`lang: ${opts.lang}`)
meta.push('...', '')
const args = ['--citeproc', '--bibliography', path.resolve(file), '-f', 'markdown', '-t', 'json']
if (opts.csl) args.push('--csl', path.resolve(opts.csl))
const run = spawnSync('pandoc', args, { input: meta.join('\n'), encoding: 'utf8', maxBuffer: 1 << 28 })
if (run.error) fail(`cannot run pandoc: ${run.error.message}`)
const warnings = run.stderr.split('\n').filter((l) => l.trim() !== '')
if (run.status !== 0) finish({ ok: false, status: run.status, stderr: warnings }, false)

function inlines (list) {
  return list.map(inline).join('')
}
function inline (node) {
  switch (node.t) {
    case 'Str': return node.c
    case 'Space': case 'SoftBreak': return ' '
    case 'LineBreak': return '\n'
    case 'Emph': case 'Strong': case 'Strikeout': case 'Superscript': case 'Subscript':
    case 'SmallCaps': case 'Underline': return inlines(node.c)
    case 'Span': return inlines(node.c[1])
    case 'Link': case 'Image': return inlines(node.c[1])
    case 'Cite': return inlines(node.c[1])
    case 'Quoted': return node.c[0].t === 'DoubleQuote' ? `“${inlines(node.c[1])}”` : `‘${inlines(node.c[1])}’`
    case 'Code': case 'Math': return node.c[1]
    default: return ''
  }
}
function blocks (list) {
  return list.map((b) => {
    if (b.t === 'Para' || b.t === 'Plain') return inlines(b.c)
    if (b.t === 'Div') return blocks(b.c[1])
    return ''
  }).join('\n').trim()
}
const rendered = new Map()
function collect (list) {
  for (const b of list) {
    if (b.t !== 'Div') continue
    const [[id, classes], body] = b.c
    if (classes.includes('csl-entry') && id.startsWith('ref-')) rendered.set(id.slice(4), blocks(body))
    else collect(body)
  }
}
collect(JSON.parse(run.stdout).blocks)

const entries = ids.map((id) => ({ id, text: rendered.get(id) ?? null }))
const missing = entries.filter((e) => !e.text).map((e) => e.id)
const ok = missing.length === 0 && warnings.length === 0
if (!ok) finish({ ok, missing, warnings, entries }, false)
finish(opts['with-ids'] ? entries : entries.map((e) => e.text), true)
