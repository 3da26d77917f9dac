/**
 * `npx tsx bench/exact.ts [--seeds N] [--effort N] [--members M --slots S]` — the exact mode on
 * small problems: for seeded generated S problems (test/support/generate.ts, 40 members / ~40
 * slots, compiled to the solver model) and for random domain-like models
 * (test/support/modelArb.ts), one line per instance with the solve time, whether it was proven
 * optimal, the score, the bound and the search counters; then a summary.
 */
import * as E from 'fp-ts/lib/Either.js'
import { compile } from '../src/pipeline/Compile.js'
import { decodeProblem } from '../src/pipeline/Problem.js'
import type { ValidModel } from '../src/model/Model.js'
import { solveModel } from '../src/solver/Solver.js'
import { preset } from '../test/support/generate.js'
import { domainLikeModel } from '../test/support/modelArb.js'
import { edgeList } from '../src/model/Model.js'

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? Number(process.argv[i + 1]) : fallback
}
const seeds = arg('seeds', 8)
const effort = arg('effort', 20_000_000)
const members = arg('members', 40)
const slots = arg('slots', 40)

interface Line {
  readonly name: string
  readonly ms: number
  readonly optimal: boolean
}
const lines: Array<Line> = []

const run = (name: string, model: ValidModel): void => {
  const t0 = performance.now()
  const sol = solveModel({ exact: true, effort })(model)
  const ms = performance.now() - t0
  const b = sol.bound
  const gap = b === null || sol.score.filled < b.filled ? NaN : (b.soft - sol.score.soft) / Math.max(1, Math.abs(b.soft))
  lines.push({ name, ms, optimal: sol.optimal })
  console.log(
    [
      name.padEnd(10),
      `slots ${String(model.slots.length).padStart(3)}`,
      `members ${String(model.members.length).padStart(3)}`,
      `edges ${String(edgeList(model).length).padStart(5)}`,
      `${ms.toFixed(0).padStart(6)} ms`,
      sol.optimal ? 'optimal' : 'open   ',
      `filled ${sol.score.filled}/${b?.filled ?? '–'}`,
      `soft ${sol.score.soft.toFixed(3)}/${b?.soft.toFixed(3) ?? '–'}`,
      Number.isNaN(gap) ? '' : `gap ${(100 * gap).toFixed(2)} %`,
      `nodes ${sol.stats.nodes}`,
      `steps ${sol.stats.steps}`,
    ].join('  '),
  )
}

for (let seed = 1; seed <= seeds; seed++) {
  const d = decodeProblem(preset('S', seed))
  if (E.isLeft(d)) {
    console.log(`S${seed}: the generated problem does not decode`)
    continue
  }
  run(`S${seed}`, compile(d.right).model)
}
for (let seed = 1; seed <= seeds; seed++) run(`random${seed}`, domainLikeModel(seed, members, slots))

const proven = lines.filter((l) => l.optimal)
const sorted = proven.map((l) => l.ms).sort((a, b) => a - b)
console.log(
  `\n${proven.length}/${lines.length} proven optimal with effort ${effort}` +
    (sorted.length > 0 ? `; proven in median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms, max ${sorted[sorted.length - 1]!.toFixed(0)} ms` : ''),
)
