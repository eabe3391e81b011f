// Shared helpers for the client scripts: argument handling and JSON output.
import fs from 'node:fs'

/** Split argv into positional file paths and --name[=value] options. */
export function parseArgs (argv, { flags = [], options = [] } = {}) {
  const files = []
  const opts = {}
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2)
      if (flags.includes(name)) {
        opts[name] = true
      } else if (options.includes(name)) {
        const value = inline ?? argv[++i]
        if (value === undefined) fail(`option --${name} needs a value`)
        opts[name] = value
      } else {
        fail(`unknown option --${name}`)
      }
    } else {
      files.push(a)
    }
  }
  return { files, opts }
}

/** Print a JSON result on stdout and exit with 0 when ok, 1 otherwise. */
export function finish (result, ok) {
  process.stdout.write(JSON.stringify(result, null, 2) + '\n')
  process.exit(ok ? 0 : 1)
}

/** Usage or environment error: JSON on stdout, exit 2. */
export function fail (message) {
  process.stdout.write(JSON.stringify({ ok: false, error: message }, null, 2) + '\n')
  process.exit(2)
}

export function readText (file) {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch (e) {
    fail(`cannot read ${file}: ${e.message}`)
  }
}

export function readJson (file) {
  const text = readText(file)
  try {
    return JSON.parse(text)
  } catch (e) {
    fail(`${file} is not JSON: ${e.message}`)
  }
}

/** Validate each JSON file with an ajv `validate` function: [{file, data, valid, errors}]. */
export function validateFiles (validate, files) {
  return files.map((file) => {
    const data = readJson(file)
    const valid = validate(data)
    const errors = (validate.errors ?? []).map((e) => ({
      path: e.instancePath,
      message: e.message,
      params: e.params
    }))
    return { file, data, valid, errors }
  })
}
