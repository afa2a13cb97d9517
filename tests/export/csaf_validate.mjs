// Validate CSAF 2.0 documents with @secvisogram/csaf-validator-lib:
// the strict 2.0 schema, every mandatory test (6.1.x) and every recommended test (6.2.x).
// A recommended test reports warnings, not errors; both count: a file passes with none of either.
// Usage: node tests/export/csaf_validate.mjs FILE... (or --list FILE with one path a line)
// Prints one JSON line per file and a summary line; exit 1 if any error or no file.
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'

// The lib is installed under tests/js/node_modules; resolve it from there so
// this script works from any working directory.
const here = path.dirname(fileURLToPath(import.meta.url))
const libDir = path.resolve(here, '../js/node_modules/@secvisogram/csaf-validator-lib')
const load = (name) => import(pathToFileURL(path.join(libDir, name)).href)

let files = process.argv.slice(2)
if (files[0] === '--recommended') files = files.slice(1) // the recommended tests always run now
if (files[0] === '--list') {
  files = fs.readFileSync(files[1], 'utf8').split('\n').filter(Boolean)
}
if (files.length === 0) {
  // Nothing to check is a failure: a build that lost its CSAF tree must not pass.
  console.log(JSON.stringify({ summary: true, files: 0, failed: 0, tests: 0 }))
  process.exit(1)
}
const { default: validateStrict } = await load('validateStrict.js')
const mandatory = await load('mandatoryTests.js')
const recommended = await load('optionalTests.js')
const { csaf_2_0_strict } = await load('schemaTests.js')
const tests = [csaf_2_0_strict, ...Object.values(mandatory), ...Object.values(recommended)]

let failed = 0
for (const file of files) {
  let doc
  try {
    doc = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (err) {
    failed++
    console.log(JSON.stringify({ file, isValid: false, errors: [{ message: String(err) }] }))
    continue
  }
  const result = await validateStrict(tests, doc)
  const errors = result.tests.flatMap((t) => t.errors.map((e) => ({ test: t.name, ...e })))
  const warnings = result.tests.flatMap((t) => t.warnings.map((w) => ({ test: t.name, ...w })))
  if (errors.length > 0 || warnings.length > 0 || !result.isValid) failed++
  const isValid = result.isValid && errors.length === 0
  console.log(JSON.stringify({ file, isValid, clean: isValid && warnings.length === 0, tests: result.tests.length, errors, warnings }))
}
console.log(JSON.stringify({ summary: true, files: files.length, failed, tests: tests.length }))
process.exit(files.length === 0 || failed > 0 ? 1 : 0)
