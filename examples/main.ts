/**
 * The main example (`npm run example`): a (fictional) Dutch municipality's intake desk and pool,
 * end to end, on the built-in sample.
 *
 * 1. Intake — every request is classified by predictability and complexity; standard work goes
 *    to the standing teams, requests with open questions go back, and the rest get the role
 *    slots of a temporary pool team (`examples/classify.ts` shows this step in full).
 * 2. Staffing — the pool of forty is staffed onto those slots: a team per request, each person
 *    with why they were chosen in a few words (from `Explain`: pinned, the only one who
 *    qualifies, or what they bring and how far ahead of the next best they are), the slots left
 *    open with the reasons, the score against the solver's bound, and a short legend
 *    (`examples/staff.ts`; `examples/explain.ts` explains in full).
 */
import { decodeProblem, Explain, Intake, Issue, SampleRequests, solve } from 'wendbaar'
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
// #region why
/** Why a person was chosen, in a few words, from the plan's explanation. */
const why = (a: Explain.AssignmentExplanation): string => {
  if (a.forced === 'pin') return 'pinned'
  if (a.forced === 'only-candidate') return 'the only one who qualifies'
  const strengths = (['fit', 'preference', 'learning', 'continuity'] as const)
    .filter((k) => a.contribution[k] > 0)
    .sort((x, y) => a.contribution[y] - a.contribution[x])
    .slice(0, 2)
    .join(' + ')
  const next = a.alternatives[0]
  const lead =
    next === undefined || next.status === 'ineligible'
      ? 'nobody else qualifies'
      : next.status === 'blocked'
        ? 'the others are blocked'
        : next.delta.filled < 0
          ? `next best ${next.member} would leave a slot open`
          : `${(-next.delta.soft).toFixed(1)} ahead of ${next.member}`
  return `${strengths === '' ? '' : `${strengths}; `}${lead}`
}
const explained = Explain.explain(decoded.right, plan, { k: 1 })
if (explained._tag === 'Left') fail(Issue.render(explained.left))
const notes = new Map(explained.right.assignments.map((a) => [a.slot as string, why(a)]))
// #endregion why

console.log(`\n2. Staffing: the pool of ${people} people on the role slots of ${staffed.length} requests\n`)
console.log(formatStaffing(plan, decoded.right, notes))
console.log(
  [
    '',
    'Legend',
    '  fit          how well the person\'s qualities match the role, 0 to 1',
    '  h            hours per week the slot asks for',
    '  priority     how much a request counts, 1 to 5: the plan fills as much priority as it can',
    '  soft score   among plans that fill as much, the best on fit, preferences, learning, continuity,',
    '               diversity, rotation and balance (weighted; docs/scoring.md)',
    '  "n ahead of" how much the soft score would drop if the next best person took the slot',
  ].join('\n'),
)
