#!/usr/bin/env node
// Render a CSL-JSON bibliography with citation-js (@citation-js/plugin-csl, i.e. citeproc-js).
// Usage: node csl-render.mjs FILE.json [--style apa|vancouver|harvard1|PATH.csl] [--lang en-US] [--with-ids]
// Prints a JSON array of strings: the rendered entry of each item, in the input order (one per
// item id). With --with-ids it prints [{"id", "text"}] instead. Exit 1 if an item is missing
// from the bibliography, renders empty, or citeproc-js logged an error; exit 2 on bad input.
import fs from 'node:fs'
import path from 'node:path'
import { Cite, plugins } from '@citation-js/core'
import '@citation-js/plugin-csl'
import { parseArgs, finish, fail, readJson } from './lib.mjs'

const { files, opts } = parseArgs(process.argv.slice(2), {
  flags: ['with-ids'],
  options: ['style', 'lang']
})
if (files.length !== 1) fail('usage: csl-render.mjs FILE.json [--style apa|PATH.csl] [--lang en-US] [--with-ids]')

let template = opts.style ?? 'apa'
if (template.endsWith('.csl')) {
  const name = 'custom-' + path.basename(template, '.csl')
  plugins.config.get('@csl').templates.add(name, fs.readFileSync(template, 'utf8'))
  template = name
}

// citeproc-js reports problems through console; collect them instead of letting them through.
const logged = []
for (const level of ['log', 'warn', 'error']) {
  console[level] = (...args) => logged.push({ level, message: args.map(String).join(' ') })
}

const data = readJson(files[0])
if (!Array.isArray(data)) fail('CSL-JSON must be an array of items')
let rendered
try {
  const cite = new Cite(data, { forceType: '@csl/list+object' })
  rendered = cite.format('bibliography', {
    format: 'text',
    template,
    lang: opts.lang ?? 'en-US',
    asEntryArray: true
  })
} catch (e) {
  finish({ ok: false, error: String(e && e.stack ? e.stack : e), logged }, false)
}

const byId = new Map(rendered.map(([id, text]) => [String(id), text.trim()]))
const entries = data.map((item) => ({ id: String(item.id), text: byId.get(String(item.id)) ?? null }))
const missing = entries.filter((e) => !e.text).map((e) => e.id)
const errors = logged.filter((l) => l.level === 'error')
const ok = missing.length === 0 && errors.length === 0
if (!ok) {
  finish({ ok, missing, logged, entries }, false)
}
finish(opts['with-ids'] ? entries : entries.map((e) => e.text), true)
