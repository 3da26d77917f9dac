/**
 * The quick start (`npx tsx examples/quick-start.ts [problem.json]`): a problem file in, the
 * teams out — decode, solve, read the plan, encode it.
 *
 * Reads `examples/sample-problem.json` (or the file given), decodes it, staffs it and prints
 * each request's team, the slots left open with the reasons, and the score against the bound.
 * It then shows what a bad input gives: the same problem with one member broken, decoded into
 * readable issues. The marked regions of this file are the code samples of docs/quick-start.md.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
// #region imports
import { decodeProblem, encodePlan, Issue, solve } from 'wendbaar'
// #endregion imports

const file = process.argv[2] ?? fileURLToPath(new URL('./sample-problem.json', import.meta.url))

// #region decode
const json: unknown = JSON.parse(readFileSync(file, 'utf8'))
const decoded = decodeProblem(json)
if (decoded._tag === 'Left') {
  // every issue at once, each with its JSON path: "members[3].capacity: … (range)"
  console.error(Issue.render(decoded.left).join('\n'))
  process.exit(1)
}
const problem = decoded.right // a ValidProblem: defaults filled in, ids sorted
// #endregion decode

// #region solve
const plan = solve(problem, { seed: 1 })
// #endregion solve

// #region read
const name = new Map(problem.members.map((m) => [m.id, m.name]))
const holder = new Map(plan.assignments.map((a) => [a.slot, a.member]))
for (const request of problem.requests) {
  console.log(`${request.title} (${request.id}), ${request.period.from} – ${request.period.to}`)
  for (const slot of request.slots) {
    const member = holder.get(slot.id)
    const role = slot.discipline === null ? slot.role : `${slot.role} (${slot.discipline})`
    console.log(`  ${role.padEnd(32)} ${String(slot.hours).padStart(2)} h/week  ${member === undefined ? '— open —' : name.get(member)}`)
  }
}
for (const open of plan.unfilled) {
  console.log(`\nOpen: ${open.slot}. Why nobody in the pool of ${problem.members.length} can take it:`)
  for (const reason of open.reasons) console.log(`  ${String(reason.count).padStart(2)} × ${reason.constraint}: ${reason.detail}`)
}
const { score, bound, status, gap } = plan
console.log(`\nFilled priority ${score.filled}, soft score ${score.soft.toFixed(2)} (${status})`)
if (bound !== null && gap !== null)
  console.log(`Bound: priority ${bound.filled}, soft ${bound.soft.toFixed(2)}; gap ${(100 * gap.soft).toFixed(1)} % on soft`)
// #endregion read

// #region encode
const planJson = JSON.stringify(encodePlan(plan), null, 2) // store it, send it, diff it
// #endregion encode
console.log(`\nThe plan JSON is ${planJson.split('\n').length} lines; its first assignment: ${JSON.stringify(plan.assignments[0])}`)

// #region issues
// The same problem with one member broken: a capacity of 0 and a level of 7 (the scale is 0..5).
const members = (json as { members: ReadonlyArray<Record<string, unknown>> }).members
const broken = {
  ...(json as object),
  members: members.map((m, i) => (i === 0 ? { ...m, capacity: 0, qualities: { leadership: 7 } } : m)),
}
const result = decodeProblem(broken)
if (result._tag === 'Left') console.log(['\nA broken input gives every issue with its path:', ...Issue.render(result.left)].join('\n  '))
// #endregion issues
