#!/usr/bin/env node
// Validate SARIF logs against the OASIS SARIF 2.1.0 schema (schema/sarif-schema-2.1.0.json,
// a JSON Schema draft-04 document: ajv-draft-04, with ajv-formats for its `uri` and
// `uri-reference` formats).
// Usage: node sarif-validate.mjs FILE.sarif [FILE.sarif ...] [--schema PATH]
// Prints {"ok", "files": [{"file", "ok", "results", "errors": [...]}]}; exit 0 only if every file is valid.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Ajv from 'ajv-draft-04'
import addFormats from 'ajv-formats'
import { parseArgs, finish, fail, readJson, validateFiles } from './lib.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
const { files, opts } = parseArgs(process.argv.slice(2), { options: ['schema'] })
if (files.length === 0) fail('usage: sarif-validate.mjs FILE.sarif [...] [--schema sarif-schema-2.1.0.json]')

const schema = readJson(opts.schema ?? path.join(here, 'schema', 'sarif-schema-2.1.0.json'))
// The schema's own style (a `required` naming a property defined in another branch) is
// not ajv's strict style: strict mode is off, but a format ajv does not know, which it
// would then skip with a warning, stops the run, so every check of the schema is made.
const logger = { log () {}, warn (msg) { fail(`ajv: ${msg}`) }, error (msg) { fail(`ajv: ${msg}`) } }
const ajv = new Ajv({ allErrors: true, strict: false, logger })
addFormats(ajv)
const validate = ajv.compile(schema)

const results = validateFiles(validate, files).map(({ file, data, valid, errors }) => {
  const count = (data.runs ?? []).reduce((n, run) => n + (run.results ?? []).length, 0)
  return { file, ok: valid, results: count, errors }
})
const ok = results.every((r) => r.ok)
finish({ ok, files: results }, ok)
