#!/usr/bin/env node
/**
 * Size budgets of the package, as a browser app that uses part of it would bundle it: esbuild
 * bundles a few consumer snippets against the built `dist/` (fp-ts and io-ts left out: apps
 * have them anyway), minified, and the gzip size of each is checked against its budget.
 *
 *   npm run build && npm run check:size     (exit 1 when a budget is exceeded)
 */
import { build } from 'esbuild'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'

const root = resolve(import.meta.dirname, '..')
const dist = (file) => JSON.stringify(join(root, 'dist', file))

/** Each consumer: what it imports and uses, and its budget in gzip bytes. */
const consumers = [
  {
    name: 'classification only',
    budget: 12_000,
    code: `import { Assessment, Classification } from ${dist('index.js')}
export const run = (u) => { const a = Assessment.decode(u); return a._tag === 'Right' ? Classification.classify(a.right) : a }`,
  },
  {
    name: 'decodeProblem + solve + encodePlan',
    budget: 45_000,
    code: `import { decodeProblem, encodePlan, solve } from ${dist('index.js')}
export const run = (u) => { const p = decodeProblem(u); return p._tag === 'Right' ? encodePlan(solve(p.right)) : p }`,
  },
  {
    name: 'the solver core (wendbaar/solver)',
    budget: 30_000,
    code: `import { Model, Solver } from ${dist('solver-core.js')}
export const run = (u) => { const m = Model.decodeModel(u); return m._tag === 'Right' ? Solver.solveModel()(m.right) : m }`,
  },
  {
    name: 'everything (import * as wendbaar)',
    budget: null,
    code: `import * as w from ${dist('index.js')}\nexport const all = w`,
  },
]

const dir = mkdtempSync(join(tmpdir(), 'wendbaar-size-'))
let failed = 0
try {
  console.log('consumer'.padEnd(40), 'min kB'.padStart(8), 'gzip kB'.padStart(8), 'budget'.padStart(8))
  for (const c of consumers) {
    const entry = join(dir, `${consumers.indexOf(c)}.mjs`)
    writeFileSync(entry, c.code)
    const out = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      external: ['fp-ts', 'fp-ts/*', 'io-ts', 'io-ts/*'],
      logLevel: 'error',
    })
    const bytes = out.outputFiles[0].contents
    const gz = gzipSync(bytes, { level: 9 }).length
    const over = c.budget !== null && gz > c.budget
    if (over) failed++
    console.log(
      c.name.padEnd(40),
      (bytes.length / 1000).toFixed(1).padStart(8),
      (gz / 1000).toFixed(1).padStart(8),
      (c.budget === null ? '—' : `${(c.budget / 1000).toFixed(0)}`).padStart(8),
      over ? '  OVER BUDGET' : '',
    )
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
if (failed > 0) {
  console.error(`check:size: ${failed} consumer(s) over budget`)
  process.exit(1)
}
console.log('check:size: every consumer within its budget')
