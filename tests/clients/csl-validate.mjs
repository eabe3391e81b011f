#!/usr/bin/env node
// Validate CSL-JSON files against the CSL 1.0.2 input schema (csl-data.json).
// Usage: node csl-validate.mjs FILE.json [FILE.json ...] [--schema PATH]
// Prints {"ok", "files": [{"file", "ok", "items", "errors": [...]}]}; exit 0 only if every file is valid.
// Besides the schema it checks that every item id is unique (citeproc needs that).
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Ajv from 'ajv'
import { parseArgs, finish, fail, readJson, validateFiles } from './lib.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
const { files, opts } = parseArgs(process.argv.slice(2), { options: ['schema'] })
if (files.length === 0) fail('usage: csl-validate.mjs FILE.json [...] [--schema csl-data.json]')

const schema = readJson(opts.schema ?? path.join(here, 'schema', 'csl-data.json'))
const ajv = new Ajv({ allErrors: true, strict: false })
const validate = ajv.compile(schema)

const results = validateFiles(validate, files).map(({ file, data, valid, errors }) => {
  if (Array.isArray(data)) {
    const seen = new Set()
    data.forEach((item, i) => {
      const id = item && item.id
      if (id !== undefined && seen.has(String(id))) {
        errors.push({ path: `/${i}/id`, message: `duplicate id ${JSON.stringify(id)}`, params: {} })
      }
      seen.add(String(id))
    })
  }
  return { file, ok: valid && errors.length === 0, items: Array.isArray(data) ? data.length : null, errors }
})
const ok = results.every((r) => r.ok)
finish({ ok, files: results }, ok)
