/**
 * The main example (`npm run example`): a (fictional) Dutch municipality's intake desk and pool,
 * end to end, on the built-in sample.
 *
 * 1. Intake — every request is classified by predictability and complexity; standard work goes
 *    to the standing teams, requests with open questions go back, and the rest get the role
 *    slots of a temporary pool team (`examples/classify.ts` shows this step in full).
 * 2. Staffing — the pool of forty is staffed onto those slots: a team per request, the slots
 *    left open with the reasons, and the score against the solver's bound
 *    (`examples/staff.ts`).
 */
import { decodeProblem, Intake, Issue, SampleRequests, solve } from 'wendbaar'
import { score, table } from './classify.js'
import { formatStaffing } from './staff.js'

function fail(lines: ReadonlyArray<string>): never {
  console.error(lines.join('\n'))
  process.exit(1)
}

// #region main
const intake = Intake.run(SampleRequests.sampleIntakeJson)
if (intake._tag === 'Left') fail(Issue.render(intake.left))
const { standard, unclassified, staffed, problem } = intake.right
const decoded = decodeProblem(problem)
if (decoded._tag === 'Left') fail(Issue.render(decoded.left))
const plan = solve(decoded.right, { seed: 1 })
// #endregion main

const byId = <A extends { readonly request: { readonly id: string } }>(a: A, b: A) =>
  a.request.id < b.request.id ? -1 : a.request.id > b.request.id ? 1 : 0

const people = decoded.right.members.length
const requests = standard.length + unclassified.length + staffed.length
console.log(`1. Intake: ${requests} requests at the desk, classified by predictability (P) and complexity (C)\n`)
console.log(
  table(
    ['request', 'title', 'mode', 'P', 'C', 'what happens'],
    [
      ...staffed.map((s) => ({ ...s, next: `pool team of ${s.slots.length} roles` })),
      ...standard.map((s) => ({ ...s, next: 'standing team' })),
      ...unclassified.map((s) => ({
        ...s,
        next: `answer first: ${s.classification.unanswered.map((q) => q.indicator).join(', ')}`,
      })),
    ]
      .sort(byId)
      .map((r) => [
        r.request.id,
        r.request.title,
        r.classification.mode + (r.classification.borderline === null ? '' : ' (borderline)'),
        score(r.classification.predictability),
        score(r.classification.complexity),
        r.next,
      ]),
  ),
)
console.log(`\n2. Staffing: the pool of ${people} people on the role slots of ${staffed.length} requests\n`)
console.log(formatStaffing(plan, decoded.right))
