#!/usr/bin/env node
// Read a RIS file with citation-js (@citation-js/plugin-ris) and print the CSL-JSON it yields.
// Usage: node ris-read.mjs FILE.ris [--report]
// Prints the CSL-JSON array (citation-js's internal "_graph" and generated "temp_id_*" ids
// removed). With --report it prints {"items": [...], "unused_tags": [[...], ...]} where
// unused_tags[i] lists the tags of record i that citation-js ignored: a tag counts as used
// only if deleting its lines changes what citation-js reads.
// Exit 1 if the number of records read differs from the number of "TY  - " lines.
import { Cite } from '@citation-js/core'
import '@citation-js/plugin-ris'
import { parseArgs, finish, fail, readText } from './lib.mjs'

const { files, opts } = parseArgs(process.argv.slice(2), { flags: ['report'] })
if (files.length !== 1) fail('usage: ris-read.mjs FILE.ris [--report]')
const text = readText(files[0]).replace(/^\uFEFF/, '')

function clean (item) {
  const out = {}
  for (const [k, v] of Object.entries(item)) {
    if (k === '_graph') continue
    if (k === 'id' && typeof v === 'string' && v.startsWith('temp_id_')) continue
    out[k] = v
  }
  return out
}
function read (risText) {
  return new Cite(risText, { forceType: '@ris/file' }).data.map(clean)
}

let items
try {
  items = read(text)
} catch (e) {
  finish({ ok: false, error: String(e && e.stack ? e.stack : e) }, false)
}
const expected = (text.match(/^TY {2}- /gm) || []).length
if (items.length !== expected) {
  finish({ ok: false, error: `read ${items.length} records, the file has ${expected}`, items }, false)
}
if (!opts.report) finish(items, true)

// Split into records (TY .. ER) and try each record without each of its tags.
const records = []
let current = null
for (const line of text.split(/\r?\n/)) {
  if (/^TY {2}- /.test(line)) current = []
  if (current) current.push(line)
  if (/^ER {2}-/.test(line) && current) { records.push(current); current = null }
}
const unused = records.map((lines, i) => {
  const base = JSON.stringify(read(lines.join('\n'))[0])
  const tags = [...new Set(lines.map((l) => (l.match(/^([A-Z][A-Z0-9]) {2}-/) || [])[1]).filter(Boolean))]
  return tags.filter((tag) => !['TY', 'ER'].includes(tag)).filter((tag) => {
    // continuation lines belong to the tag above them; drop them together with it
    const kept = []
    let dropping = false
    for (const l of lines) {
      const m = l.match(/^([A-Z][A-Z0-9]) {2}-/)
      if (m) dropping = m[1] === tag
      if (!dropping) kept.push(l)
    }
    return JSON.stringify(read(kept.join('\n'))[0]) === base
  })
})
finish({ items, unused_tags: unused }, true)
