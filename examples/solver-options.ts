/**
 * The solver's options on the built-in sample (`npx tsx examples/solver-options.ts`): effort
 * and seed, determinism, an injected clock with a time limit, a warm start, the exact search
 * switched off, checked options — and what a plan says about itself (status, bound, gap,
 * counters). The marked regions of this file are the code samples of docs/solver.md.
 */
// #region imports
import { decodeProblem, Issue, type Plan, Sample, Solve, solve } from 'wendbaar'
// #endregion imports

const decoded = decodeProblem(Sample.sampleProblemJson)
if (decoded._tag === 'Left') {
  console.error(Issue.render(decoded.left).join('\n'))
  process.exit(1)
}
const problem = decoded.right
const slots = problem.requests.reduce((n, r) => n + r.slots.length, 0)
const line = (label: string, plan: Plan.Plan): string =>
  `${label.padEnd(34)} filled ${plan.score.filled}, soft ${plan.score.soft.toFixed(2)}, ${plan.status}` +
  (plan.gap === null ? '' : `, gap ${(100 * plan.gap.soft).toFixed(2)} %`) +
  `, ${plan.stats.steps.toLocaleString('en')} steps`

console.log(`The sample: ${problem.members.length} people, ${slots} slots\n`)

// #region effort
const quick = solve(problem, { effort: 200_000, seed: 1 }) // a small budget, in steps
const full = solve(problem, { seed: 1 }) // the default budget
// #endregion effort
console.log(line('effort 200,000 steps', quick))
console.log(line('default effort', full))

// #region determinism
const again = solve(problem, { seed: 1 })
const same = JSON.stringify(again) === JSON.stringify(full) // true: same problem, same options
const other = solve(problem, { seed: 2 }) // another seed may find another plan of equal worth
// #endregion determinism
console.log(line('seed 2', other))
console.log(`same problem and options, same plan: ${same}`)

// #region clock
// The library never reads the clock itself: pass one in to stop the search early.
const timed = solve(problem, { clock: () => performance.now(), timeLimit: 2_000 })
// #endregion clock
console.log(line('clock with a 2 s limit', timed))

// #region warm-start
// Start from an earlier plan (a previous run, a planner's draft): its valid assignments seed the search.
const warm = solve(problem, { effort: 200_000, initial: full.assignments })
// #endregion warm-start
console.log(line('warm start from the full plan', warm))

// #region heuristic-only
const heuristic = solve(problem, { exact: false }) // no branch and bound: a plan and a bound, not a proof
// #endregion heuristic-only
console.log(line('exact search off', heuristic))

// #region status
if (full.status === 'optimal') {
  console.log('Proven: no valid plan fills more priority, or scores higher at the same priority.')
} else if (full.bound !== null && full.gap !== null) {
  console.log(`At most ${full.bound.filled - full.score.filled} priority and ${(100 * full.gap.soft).toFixed(1)} % soft score from the optimum.`)
}
const { steps, exact, nodes, improvements, completed } = full.stats // work counters, never time
// #endregion status
console.log(`Counters: exact search ${exact ? 'ran' : 'did not run'}, ${nodes} nodes, ${improvements} improvements, ${completed} completed, ${steps.toLocaleString('en')} steps`)

// #region checked
// Options from a form or a config file: check them first instead of falling back to defaults.
const checked = Solve.solveEither(problem, { effort: -5, timeLimit: 1_000 })
if (checked._tag === 'Left') console.log(Issue.render(checked.left).join('\n'))
// effort: must be an integer ≥ 0 (steps); the default is used (range)
// timeLimit: needs a clock; ignored (range)
// #endregion checked
