/**
 * Bench: replanning after a member leaves a 1,000-member problem (the M preset of
 * test/support/generate.ts, seeds 1..N): the plan is solved, the member holding the most slots
 * leaves on the day the earliest request starts, and the replanned problem is solved twice —
 * cold (default options) and warm (the old plan as `initial`, a tenth of the effort). It
 * reports each solve's time, the warm/cold time ratio, both scores, and the disruption (the
 * changed assignments beyond those the change itself forces).
 *
 *   npx tsx bench/replan.ts [--seeds N]
 */
import { performance } from 'node:perf_hooks'
import * as E from 'fp-ts/lib/Either.js'
import { decodeProblem, Evaluate, Issue, Replan, Solve, Solver, type Plan } from 'wendbaar'
import { preset } from '../test/support/generate.js'

const args = process.argv.slice(2)
const seedsArg = args.indexOf('--seeds')
const seeds = seedsArg >= 0 ? Number(args[seedsArg + 1]) : 3

const right = <A>(x: E.Either<ReadonlyArray<Issue.Issue>, A>): A => {
  if (E.isLeft(x)) throw new Error(Issue.render(x.left).join('\n'))
  return x.right
}
const timed = <A>(f: () => A): { readonly value: A; readonly ms: number } => {
  const t = performance.now()
  const value = f()
  return { value, ms: performance.now() - t }
}
const fmt = (x: number): string => x.toFixed(0).padStart(7)

console.log('seed  cold ms  warm ms  warm/cold  cold filled/soft        warm filled/soft        changed cold/warm  forced  beyond cold/warm')
const ratios: Array<number> = []
let warmAtLeast = 0
let warmFewer = 0
for (let seed = 1; seed <= seeds; seed++) {
  const problem = right(decodeProblem(preset('M', seed)))
  const plan = Solve.solve(problem)
  // the member with the most assignments leaves when the first request starts
  const count = new Map<string, number>()
  for (const a of plan.assignments) count.set(a.member, (count.get(a.member) ?? 0) + 1)
  const leaver = [...count].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0]
  const from = [...problem.requests].map((r) => r.period.from).sort()[0]!
  const next = right(Replan.replan(problem, plan, [Replan.memberLeaves(leaver, from)])).problem
  const cold = timed((): Plan.Plan => Solve.solve(next))
  const warm = timed((): Plan.Plan =>
    Solve.solve(next, { initial: plan.assignments, effort: Math.floor(Solver.defaultEffort / 10) }),
  )
  const dc = Replan.disruption(next, plan, cold.value)
  const dw = Replan.disruption(next, plan, warm.value)
  const ratio = warm.ms / cold.ms
  ratios.push(ratio)
  if (Evaluate.compareScore(warm.value.score, cold.value.score) >= 0) warmAtLeast++
  if (dw.beyond <= dc.beyond) warmFewer++
  console.log(
    `${String(seed).padStart(4)} ${fmt(cold.ms)}  ${fmt(warm.ms)}  ${ratio.toFixed(2).padStart(9)}  ` +
      `${`${cold.value.score.filled} / ${cold.value.score.soft.toFixed(2)}`.padEnd(22)}  ` +
      `${`${warm.value.score.filled} / ${warm.value.score.soft.toFixed(2)}`.padEnd(22)}  ` +
      `${`${dc.changed} / ${dw.changed}`.padStart(17)}  ${String(dc.forced).padStart(6)}  ${`${dc.beyond} / ${dw.beyond}`.padStart(16)}`,
  )
}
const sorted = [...ratios].sort((a, b) => a - b)
console.log(
  `replan (M, ${seeds} seeds): median warm/cold time ${sorted[Math.floor(sorted.length / 2)]!.toFixed(2)} (target ≤ 0.25); ` +
    `warm score ≥ cold in ${warmAtLeast}/${seeds}; warm changes beyond the forced ≤ cold in ${warmFewer}/${seeds}`,
)
