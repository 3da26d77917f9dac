/**
 * Bench: explanations on generated problems (test/support/generate.ts presets M and L).
 *
 * - M (1,000 members, ~800 slots): `Explain.explain` of a solved plan with 3 moves per slot,
 *   cold (compiling the problem and holding the plan in the rulebook's state included) and warm
 *   (the same problem and plan objects again), and the size of its JSON; and a hand-edited plan
 *   with every tenth assignment dropped (open slots: reasons with members, relaxations);
 * - L (10,000 members, ~8,000 slots): the one-off index (compile and state, paid by the first
 *   question) and then `Explain.candidates` for single slots (every member ranked, the first 3
 *   listed), median and maximum over a sample of filled and open slots.
 *
 * The plans come from `Solve.solve` (not timed here; `npm run bench` times the solver).
 *
 * Run: `npx tsx bench/explain.ts [--skip-l] [--slots N]`
 */
import { performance } from 'node:perf_hooks'
import * as E from 'fp-ts/lib/Either.js'
import { decodeProblem, Explain, Issue, Solve, type Plan, type Problem } from 'wendbaar'
import { preset, type PresetName } from '../test/support/generate.js'

const args = process.argv.slice(2)
const skipL = args.includes('--skip-l')
const slotsArg = args.indexOf('--slots')
const sampleSize = slotsArg >= 0 ? Number(args[slotsArg + 1]) : 50

const right = <A>(x: E.Either<ReadonlyArray<Issue.Issue>, A>): A => {
  if (E.isLeft(x)) throw new Error(Issue.render(x.left).join('\n'))
  return x.right
}

const time = <A>(f: () => A): { readonly value: A; readonly ms: number } => {
  const t = performance.now()
  const value = f()
  return { value, ms: performance.now() - t }
}

const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(1))

const load = (name: PresetName): { problem: Problem.ValidProblem; plan: Plan.Plan; solveMs: number } => {
  const problem = right(decodeProblem(preset(name, 1)))
  const solved = time(() => Solve.solve(problem, { seed: 1 }))
  return { problem, plan: solved.value, solveMs: solved.ms }
}

// ---- M: the whole plan explained -------------------------------------------------------------
{
  const { problem, plan, solveMs } = load('M')
  const slots = plan.assignments.length + plan.unfilled.length
  const cold = time(() => right(Explain.explain(problem, plan, { k: 3 })))
  const warm = time(() => right(Explain.explain(problem, plan, { k: 3 })))
  const json = JSON.stringify(Explain.encodeExplanation(cold.value))
  const moves = cold.value.assignments.reduce((n, a) => n + a.alternatives.length, 0)
  console.log(
    `M: ${problem.members.length} members, ${slots} slots (${plan.unfilled.length} open), solved in ${ms(
      solveMs,
    )} ms`,
  )
  console.log(`  explain, k = 3, cold (compile + state + explanation): ${ms(cold.ms)} ms`)
  console.log(`  explain, k = 3, warm (same problem and plan):          ${ms(warm.ms)} ms`)
  console.log(
    `  ${cold.value.assignments.length} assignments, ${moves} moves listed, JSON ${(
      json.length / 1e6
    ).toFixed(2)} MB`,
  )
  // a hand-edited plan: every tenth unpinned assignment dropped, so slots are open
  const pinned = new Set(problem.pinned.map((p) => p.slot as string))
  const edited = right(
    Solve.planOf(
      problem,
      plan.assignments.filter((a, i) => pinned.has(a.slot) || i % 10 !== 0),
    ),
  )
  const open = time(() => right(Explain.explain(problem, edited, { k: 3 })))
  const relaxations = open.value.unfilled.reduce((n, u) => n + u.relaxations.length, 0)
  console.log(
    `  explain a hand-edited plan (every tenth assignment dropped: ${edited.unfilled.length} open slots, ` +
      `${relaxations} relaxations checked and offered): ${ms(open.ms)} ms`,
  )
}

// ---- L: candidates for one slot --------------------------------------------------------------
if (!skipL) {
  const { problem, plan, solveMs } = load('L')
  const slots = [
    ...plan.assignments.map((a) => a.slot as string),
    ...plan.unfilled.map((u) => u.slot as string),
  ].sort()
  const step = Math.max(1, Math.floor(slots.length / sampleSize))
  const sample = slots.filter((_, i) => i % step === 0).slice(0, sampleSize)
  const first = sample[0] as string
  const index = time(() => right(Explain.candidates(problem, plan, first, 3)))
  const times = sample
    .map((s) => time(() => right(Explain.candidates(problem, plan, s, 3))).ms)
    .sort((a, b) => a - b)
  const median = times[Math.floor(times.length / 2)] ?? 0
  console.log(
    `L: ${problem.members.length} members, ${slots.length} slots (${
      plan.unfilled.length
    } open), solved in ${ms(solveMs)} ms`,
  )
  console.log(`  one-off index (compile + state) with the first candidates: ${ms(index.ms)} ms`)
  console.log(
    `  candidates for one slot, k = 3, ${times.length} slots: median ${ms(median)} ms, max ${ms(
      times[times.length - 1] ?? 0,
    )} ms`,
  )
}
