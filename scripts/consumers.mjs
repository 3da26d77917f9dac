#!/usr/bin/env node
// Consumers of the packed tarball, as users meet the package: pack wendbaar as it would be
// published, install it with its peers in an empty project, then
//   (a) type-check the README's TypeScript code blocks (taken from README.md now, so the README
//       stays the source of truth) in a strict TypeScript project with `module` and
//       `moduleResolution` set to `nodenext`;
//   (b) `require('wendbaar')` and `require('wendbaar/solver')` from CommonJS and check what a
//       function of each returns;
//   (c) bundle an `import` of `wendbaar` (and one of `wendbaar/solver`) for the browser with
//       esbuild, run each bundle in an empty `vm` context (no Node globals at all), check its
//       result and print its size.
// Any failure exits 1.
//
// Needs `npm run build` first. Usage: node scripts/consumers.mjs [--keep]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runInNewContext } from 'node:vm'
import { gzipSync } from 'node:zlib'
import { fail, installTarball, pack, requireBuild, root, run, tsc, versionOf } from './tarball.mjs'

const label = 'consumers'
const keep = process.argv.includes('--keep')

requireBuild(label)

/** The ```ts blocks of README.md, in order. */
const readmeSnippets = () => {
  const blocks = [...readFileSync(join(root, 'README.md'), 'utf8').matchAll(/^```ts\r?\n([\s\S]*?)^```/gm)].map((m) => m[1])
  if (blocks.length === 0) fail('README.md has no ```ts code blocks to check')
  return blocks
}

// ---- (a) TypeScript, nodenext ----------------------------------------------------------------

const typescriptConsumer = (app) => {
  const snippets = readmeSnippets()
  const files = snippets.map((code, i) => {
    const file = `readme-${i + 1}.ts`
    // `export {}` keeps each snippet a module of its own, whatever it imports.
    writeFileSync(join(app, file), `${code}\nexport {}\n`)
    return file
  })
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify(
      {
        compilerOptions: {
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          lib: ['es2022'],
          types: ['node'],
          strict: true,
          noEmit: true,
          skipLibCheck: false,
        },
        files,
      },
      null,
      2,
    ),
  )
  tsc(label, ['-p', 'tsconfig.json'], app)
  console.log(`TS (nodenext, strict): the README's ${files.length} TypeScript blocks type-check against the shipped declarations`)
}

// Two members, two slots of 4 hours; a (capacity 5) can take only one of them. Edges by (slot,
// member): 0 = a→s0 (value 10), 1 = b→s0 (3), 2 = a→s1 (10), 3 = b→s1 (1). The best solution
// fills both: a→s1 + b→s0, value 13.
const member = (id, capacity) => ({ id, capacity, category: -1, base: 0, threshold: capacity, overloadWeight: 0 })
const slot = (id) => ({ id, priority: 1, group: 0, from: 0, to: 0 })
const tinyModel = {
  timePoints: 1,
  slots: [slot('s0'), slot('s1')],
  members: [member('a', 5), member('b', 8)],
  groups: [{ id: 'g', limit: 2 }],
  edges: [
    { member: 0, slot: 0, hours: 4, terms: [10] },
    { member: 1, slot: 0, hours: 4, terms: [3] },
    { member: 0, slot: 1, hours: 4, terms: [10] },
    { member: 1, slot: 1, hours: 4, terms: [1] },
  ],
  termNames: { edge: ['value'], category: 'category', pair: 'pair', overload: 'overload' },
  forced: [],
  forbidden: [],
  conflicts: [],
  pairPenalties: [],
  categoryBonus: 0,
}

// ---- (b) CommonJS require -------------------------------------------------------------------

const commonjsConsumer = (app) => {
  writeFileSync(
    join(app, 'consumer.cjs'),
    `const assert = require('node:assert/strict')
const { Classification } = require('wendbaar')
const { Solver } = require('wendbaar/solver')

// wendbaar: the README's assessment is agile work.
const c = Classification.classify(Classification.defaultClassificationPolicy)({
  precedent: 1, procedure: 1, outcomeClarity: 2, stability: 1,
  disciplines: 4, stakeholders: 4, politicalSensitivity: 3, interdependence: 3, budgetImpact: 2,
})
assert.equal(c.mode, 'agile')
console.log('CJS: require("wendbaar"): Classification.classify → ' + c.mode)

// wendbaar/solver: two members, two slots; the best solution is a→s1 + b→s0 (edges [1, 2], value 13).
const decoded = Solver.decodeModel(${JSON.stringify(tinyModel)})
assert.equal(decoded._tag, 'Right', JSON.stringify(decoded.left))
const solution = Solver.solveModel({ seed: 1 })(decoded.right)
assert.deepEqual(solution.edges, [1, 2])
assert.equal(solution.score.filled, 2)
assert.equal(solution.score.soft, 13)
assert.equal(solution.optimal, true)
console.log('CJS: require("wendbaar/solver"): Solver.solveModel → edges ' + JSON.stringify(solution.edges) + ', filled ' + solution.score.filled + ', soft ' + solution.score.soft + ', optimal')
`,
  )
  process.stdout.write(run(label, process.execPath, ['consumer.cjs'], app))
}

// ---- (c) browser bundle ---------------------------------------------------------------------

const browserConsumer = async (app) => {
  // esbuild comes with the build tools (tsup, vite); take the copy in the repository's node_modules.
  const esbuild = createRequire(join(root, 'package.json'))('esbuild')
  const bundles = [
    {
      name: 'wendbaar',
      entry: 'browser-main.js',
      code: `import { decodeProblem, Sample, solve } from 'wendbaar'
const decoded = decodeProblem(Sample.sampleProblemJson)
if (decoded._tag !== 'Right') throw new Error('the sample does not decode')
const plan = solve(decoded.right, { seed: 1 })
globalThis.result = { members: decoded.right.members.length, filled: plan.assignments.length }
`,
      expect: { members: 40, filled: 39 },
    },
    {
      name: 'wendbaar/solver',
      entry: 'browser-solver.js',
      code: `import { Solver } from 'wendbaar/solver'
const decoded = Solver.decodeModel(${JSON.stringify(tinyModel)})
if (decoded._tag !== 'Right') throw new Error('the model does not decode')
const solution = Solver.solveModel({ seed: 1 })(decoded.right)
globalThis.result = { edges: solution.edges, filled: solution.score.filled, soft: solution.score.soft }
`,
      expect: { edges: [1, 2], filled: 2, soft: 13 },
    },
  ]
  for (const b of bundles) {
    writeFileSync(join(app, b.entry), b.code)
    const built = await esbuild.build({
      absWorkingDir: app,
      entryPoints: [b.entry],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
      minify: true,
      write: false,
      logLevel: 'error',
    })
    const js = built.outputFiles[0].text
    // An empty context: no process, require, console, timers — only the language's built-ins.
    const context = {}
    runInNewContext(js, context, { filename: `${b.entry} (bundled)` })
    const got = JSON.stringify(context.result)
    if (got !== JSON.stringify(b.expect)) fail(`the browser bundle of ${b.name} gave ${got}, expected ${JSON.stringify(b.expect)}`)
    const kb = (n) => `${(n / 1024).toFixed(1)} kB`
    const bytes = Buffer.byteLength(js)
    console.log(`browser: esbuild ${esbuild.version} --bundle --platform=browser --minify, import of ${b.name}: ${kb(bytes)} (${kb(gzipSync(js).length)} gzipped); runs in an empty vm context → ${got}`)
  }
}

// ---- main -----------------------------------------------------------------------------------

const work = mkdtempSync(join(tmpdir(), 'wendbaar-consumers-'))
let ok = false
try {
  const { tarball } = pack(label, work)
  const app = join(work, 'app')
  installTarball(label, app, tarball, 'module', [`@types/node@${versionOf('@types/node')}`])
  typescriptConsumer(app)
  commonjsConsumer(app)
  await browserConsumer(app)
  ok = true
  console.log('consumers: OK — the tarball type-checks (nodenext), loads through require, and bundles and runs for the browser')
} catch (e) {
  console.error(`consumers: FAILED — ${e instanceof Error ? e.message : String(e)}`)
  process.exitCode = 1
} finally {
  if (keep || !ok) console.log(`consumers: work folder kept at ${work}`)
  else rmSync(work, { recursive: true, force: true })
}
