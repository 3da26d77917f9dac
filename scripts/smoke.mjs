#!/usr/bin/env node
// Tarball smoke test: pack wendbaar exactly as it would be published, install the tarball with
// its peer dependencies into an empty temporary project, and load it through both `import` and
// `require` (and type-check a TypeScript consumer of each kind). Each consumer decodes the
// built-in sample problem and prints a line. Any failure exits non-zero.
//
// Needs `npm run build` first. Usage: node scripts/smoke.mjs [--keep]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fail, installTarball, pack, requireBuild, run as runAs, tsc } from './tarball.mjs'

const keep = process.argv.includes('--keep')
const run = (cmd, args, cwd) => runAs('smoke', cmd, args, cwd)

requireBuild('smoke')

const work = mkdtempSync(join(tmpdir(), 'wendbaar-smoke-'))
let ok = false
try {
  // 1. Pack the package as npm would publish it.
  const { tarball, files } = pack('smoke', work)
  for (const needed of ['package.json', 'README.md', 'LICENSE', 'dist/index.d.ts', 'dist/index.d.cts']) {
    if (!files.includes(needed)) fail(`the tarball lacks ${needed}`)
  }
  for (const f of files) {
    if (/^(src|test|examples|bench|scripts|docs)\//.test(f)) fail(`the tarball should not ship ${f}`)
  }

  // 2. An empty project with the tarball and the peers at the versions we develop against.
  const app = join(work, 'app')
  installTarball('smoke', app, tarball)

  // 3. ESM consumer.
  writeFileSync(
    join(app, 'esm.mjs'),
    `import { decodeProblem, encodePlan, Issue, Sample, solve } from 'wendbaar'
import * as solver from 'wendbaar/solver'
const result = decodeProblem(Sample.sampleProblemJson)
if (result._tag !== 'Right') {
  console.error(Issue.render(result.left).join('\\n'))
  process.exit(1)
}
const p = result.right
const slots = p.requests.reduce((n, r) => n + r.slots.length, 0)
if (typeof solver.Model !== 'object') throw new Error('wendbaar/solver has no Model namespace')
console.log(\`ESM: decoded the sample: \${p.members.length} members, \${p.requests.length} requests, \${slots} slots; wendbaar/solver exports \${Object.keys(solver).sort().join(', ')}\`)
const plan = solve(p)
const json = encodePlan(plan)
console.log(\`ESM: solved the sample: \${plan.assignments.length} of \${slots} slots filled, score \${JSON.stringify(json.score.filled)} (bound \${JSON.stringify(json.bound?.filled ?? null)})\`)
`,
  )
  const esm = run('node', ['esm.mjs'], app)
  process.stdout.write(esm)

  // 4. CJS consumer.
  writeFileSync(
    join(app, 'cjs.cjs'),
    `const wendbaar = require('wendbaar')
const solver = require('wendbaar/solver')
const result = wendbaar.decodeProblem(wendbaar.Sample.sampleProblemJson)
if (result._tag !== 'Right') {
  console.error(wendbaar.Issue.render(result.left).join('\\n'))
  process.exit(1)
}
const p = result.right
if (typeof solver.Model !== 'object') throw new Error('wendbaar/solver has no Model namespace')
console.log(\`CJS: decoded the sample: \${p.members.length} members, \${p.requests.length} requests; first member \${p.members[0].name}\`)
const plan = wendbaar.Solve.solve(p)
console.log(\`CJS: solved the sample: \${plan.assignments.length} slots filled, first \${plan.assignments[0].slot} → \${plan.assignments[0].member}\`)
`,
  )
  const cjs = run('node', ['cjs.cjs'], app)
  process.stdout.write(cjs)
  for (const [label, out] of [['ESM', esm], ['CJS', cjs]]) {
    if (!/40 members, 8 requests/.test(out)) fail(`${label} consumer printed something unexpected: ${out.trim()}`)
  }

  // 5. TypeScript consumers (node16 resolution) type-check against the shipped declarations.
  writeFileSync(
    join(app, 'types.mts'),
    `import { decodeProblem, Sample, type Problem } from 'wendbaar'
import * as solver from 'wendbaar/solver'
const r = decodeProblem(Sample.sampleProblemJson)
export const n: number = r._tag === 'Right' ? r.right.members.length : 0
export type P = Problem.ValidProblem
export type M = solver.Model.Model
`,
  )
  writeFileSync(
    join(app, 'types.cts'),
    `import wendbaar = require('wendbaar')
import solver = require('wendbaar/solver')
const r = wendbaar.decodeProblem(wendbaar.Sample.sampleProblemJson)
export const n: number = r._tag === 'Right' ? r.right.members.length : 0
export type M = solver.Model.Model
`,
  )
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify(
      { compilerOptions: { module: 'node16', moduleResolution: 'node16', target: 'es2022', strict: true, noEmit: true, types: [] }, files: ['types.mts', 'types.cts'] },
      null,
      2,
    ),
  )
  tsc('smoke', ['-p', 'tsconfig.json'], app)
  console.log('TS: ESM and CJS consumers type-check against the shipped declarations')

  ok = true
  console.log('smoke: OK — the tarball installs and works through import and require')
} catch (e) {
  console.error(`smoke: FAILED — ${e instanceof Error ? e.message : String(e)}`)
  process.exitCode = 1
} finally {
  if (keep || !ok) console.log(`smoke: work folder kept at ${work}`)
  else rmSync(work, { recursive: true, force: true })
}
