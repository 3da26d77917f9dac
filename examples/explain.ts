/**
 * Defensible staffing on the built-in sample, in Dutch or English:
 *
 * 1. one team explained — why each person, what it would cost to do without them, who would be
 *    next, and why someone else is not on a pinned slot;
 * 2. the open youth-care slot — who is not on it and why, what would fill it;
 * 3. the top three training and hours advices, each verified by solving again;
 * 4. a member leaves — the problem is replanned, solved again, and the change is told;
 * 5. the crisis team finishes and a follow-up arrives — with the outcome recorded (history), the
 *    next plan rotates the team instead of repeating it.
 *
 *   npx tsx examples/explain.ts [--lang nl|en]
 */
import * as E from 'fp-ts/lib/Either.js'
import {
  decodeProblem,
  Explain,
  Issue,
  IsoDate,
  Learn,
  Replan,
  Sample,
  Solve,
  WhatIf,
  type Plan,
  type Problem,
} from 'wendbaar'

function fail(lines: ReadonlyArray<string>): never {
  for (const line of lines) console.error(line)
  process.exit(1)
}

const right = <A>(x: E.Either<ReadonlyArray<Issue.Issue>, A>): A =>
  E.isLeft(x) ? fail(Issue.render(x.left)) : x.right

const argv = process.argv.slice(2)
const langArg = argv[0] === '--lang' ? argv[1] : argv.length === 0 ? 'en' : undefined
if ((langArg !== 'nl' && langArg !== 'en') || argv.length > 2)
  fail(['usage: npx tsx examples/explain.ts [--lang nl|en]'])
const lang: 'nl' | 'en' = langArg
const nl = lang === 'nl'
const say = (en: string, dutch: string): string => (nl ? dutch : en)
const print = (lines: ReadonlyArray<string>, indent = '   '): void => {
  for (const line of lines) console.log(`${indent}${line}`)
}
const heading = (n: number, en: string, dutch: string): void => console.log(`\n${n}. ${say(en, dutch)}\n`)

const problem = right(decodeProblem(Sample.sampleProblemJson))
const plan = Solve.solve(problem)
const names = new Map(problem.members.map((m) => [m.id as string, m.name]))
const who = (id: string): string => `${id} ${names.get(id) ?? ''}`.trim()

// ---- 1. one team -----------------------------------------------------------------------------
// #region team
const teamId = 'jeugdzorg-wachtlijsten'
const request = problem.requests.find((r) => r.id === teamId) as Problem.Request
heading(
  1,
  `Why this team? ${request.title} [${teamId}], priority ${request.priority}`,
  `Waarom dit team? ${request.title} [${teamId}], prioriteit ${request.priority}`,
)
for (const a of plan.assignments.filter((x) => x.slot.startsWith(`${teamId}/`))) {
  const why = right(Explain.assignment(problem, plan, a.slot))
  console.log(`   ${who(a.member)}`)
  print(Explain.toLines(why, lang), '     ')
}
// the pinned direction slot: the best alternative is blocked, not worse
const direction = right(Explain.assignment(problem, plan, `${teamId}/direction`))
const runnerUp = direction.alternatives[0]
if (runnerUp !== undefined)
  print(Explain.toLines(right(Explain.whyNot(problem, plan, runnerUp.member, `${teamId}/direction`)), lang))
// #endregion team

// ---- 2. the open slot ------------------------------------------------------------------------
// #region open
const openSlot = `${teamId}/content-youth-care`
heading(2, `The open youth-care slot`, `De open plek jeugdzorg`)
print(Explain.toLines(right(Explain.unfilled(problem, plan, openSlot)), lang))
// "ineligible" is proven: no valid plan can; it is never "this plan chose otherwise"
print(Explain.toLines(right(Explain.whyNot(problem, plan, 'm03', openSlot)), lang))
// #endregion open

// ---- 3. training and hours -------------------------------------------------------------------
// #region advice
heading(
  3,
  'What would fill it: the top three advices, each verified by solving again',
  'Wat de plek zou vullen: de drie beste adviezen, elk opnieuw ingepland',
)
const advice = right(WhatIf.trainingAdvice(problem, plan))
print(WhatIf.toLines(advice, lang))
// #endregion advice

// ---- 4. a member leaves ----------------------------------------------------------------------
// #region leaves
const leaver = 'm05'
const from = '2027-07-01' as IsoDate.IsoDate
heading(4, `${who(leaver)} leaves the pool on ${from}`, `${who(leaver)} verlaat de pool op ${from}`)
const replanned = right(Replan.replan(problem, plan, [Replan.memberLeaves(leaver, from)]))
const after = Solve.solve(replanned.problem)
print(Replan.toLines(replanned, lang))
print(Replan.toLines(Replan.diff(plan, after), lang))
print(Replan.toLines(Replan.disruption(replanned.problem, plan, after), lang))
// #endregion leaves

// ---- 5. the team finishes, the next plan rotates ---------------------------------------------
// #region learn
const followUp = 'jeugdzorg-vervolg'
heading(
  5,
  `The crisis team finished on ${request.period.to} and a follow-up arrives: with the outcome recorded, the next plan rotates`,
  `Het crisisteam is klaar op ${request.period.to} en er komt een vervolg: met de uitkomst vastgelegd rouleert het volgende plan`,
)
const team = after.assignments.filter((a) => a.slot.startsWith(`${teamId}/`))
const outcome: Learn.Outcome = {
  request: request.id,
  ended: request.period.to,
  ratings: team.map((a) => ({ slot: a.slot, member: a.member, rating: 'good' as const })),
}
const recorded = right(Learn.recordOutcome(replanned.problem, after, [outcome]))
print(Learn.toLines(recorded, lang))
// the finished request leaves, a follow-up with the same roles arrives (July to December)
const next: Problem.Request = {
  ...request,
  id: followUp as Problem.RequestId,
  title: say('Youth care waiting lists, follow-up', 'Wachtlijsten jeugdzorg, vervolg'),
  priority: 4,
  period: { from: '2027-07-01' as IsoDate.IsoDate, to: '2027-12-31' as IsoDate.IsoDate },
  slots: request.slots.map((s) => ({ ...s, id: s.id.replace(teamId, followUp) as Problem.SlotId })),
}
const changes = [Replan.requestCancelled(teamId), Replan.requestArrives(next)]
const rotated = Solve.solve(right(Replan.replan(recorded.problem, after, changes)).problem)
const same = Solve.solve(right(Replan.replan(replanned.problem, after, changes)).problem)
const crew = (p: Plan.Plan): string =>
  p.assignments
    .filter((a) => a.slot.startsWith(`${followUp}/`))
    .map((a) => `${a.slot.slice(followUp.length + 1)} ${a.member}`)
    .join(', ')
print([
  `${say('the follow-up without the outcome', 'het vervolg zonder de uitkomst')}: ${crew(same)}`,
  `${say('the follow-up with the outcome', 'het vervolg met de uitkomst')}: ${crew(rotated)}`,
  `${say('repeated pairs (rotation term)', 'herhaalde duo’s (rotatieterm)')}: ${
    same.score.terms.rotation
  } → ${rotated.score.terms.rotation}`,
])
print(Replan.toLines(Replan.diff(same, rotated), lang))
// #endregion learn
