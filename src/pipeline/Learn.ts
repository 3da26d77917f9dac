/**
 * Learning from finished work: record how each request went, remember who worked together,
 * and let people grow.
 *
 * An {@link Outcome} says when a request ended and how each assignment on it went (`good`,
 * `fair` or `poor`). {@link recordOutcome} turns outcomes into the next problem:
 * - every finished request with a team becomes a history entry (its members from the plan,
 *   its end date from the outcome), so the rotation term sees who worked together;
 * - every rating adds evidence, under the {@link LearningPolicy}, to the member's account for
 *   each quality the slot's role asks for;
 * - a quality's level rises by one for every full threshold of evidence (at most to 5), and a
 *   development goal for a quality that rose is reached and dropped.
 *
 * The evidence ledger ({@link Evidence}) is plain data the app stores between calls. Pure and
 * deterministic: outcomes are processed in request-id order, ratings in slot-id order. See the
 * replanning guide (`docs/replanning.md`) for an example.
 *
 * @since 0.1.0
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { NonEmptyArray } from 'fp-ts/lib/NonEmptyArray.js'
import type { Language } from '../classify/Assessment.js'
import * as Eligibility from '../staffing/Eligibility.js'
import { field, issue, type Issue } from '../kernel/Issue.js'
import type { Plan } from '../staffing/Plan.js'
import {
  compareIds,
  decodeProblem,
  encodeProblem,
  HistoryEntryCodec,
  MemberCodec,
  type HistoryEntry,
  type Member,
  type MemberId,
  type QualityLevel,
  type ValidProblem,
} from './Problem.js'
import { type Evidence, type EvidenceEntry, type GoalReached, type LearningPolicy, type LevelUp, type Outcome, type Recorded } from './internal/learnModel.js'
import { decodeEvidenceAt, decodeLearningPolicyAt, defaultLearningPolicy, emptyEvidence, encodeEvidence, encodeLearningPolicy } from './internal/learnCodecs.js'
import { byMemberQuality } from './internal/learnCodecs.js'

export type { Rating, Rated, Outcome, Points, LearningPolicy, EvidenceEntry, Evidence, LevelUp, GoalReached, Recorded } from './internal/learnModel.js'
export { ratings } from './internal/learnModel.js'
export type { OutcomeJson, LearningPolicyJson, EvidenceJson } from './internal/learnCodecs.js'
export { decodeOutcomeAt, decodeOutcome, decodeOutcomes, encodeOutcome, OutcomeCodec, decodeLearningPolicyAt, decodeLearningPolicy, encodeLearningPolicy, LearningPolicyCodec, decodeEvidenceAt, decodeEvidence, encodeEvidence, EvidenceCodec, defaultLearningPolicy, emptyEvidence } from './internal/learnCodecs.js'

// -------------------------------------------------------------------------------------
// combinators
// -------------------------------------------------------------------------------------

/**
 * Evidence this close to a whole number of thresholds counts as reaching it (sums of
 * fractional points such as 0.1 drift by far less).
 */
const EVIDENCE_TOLERANCE = 1e-9

const MAX_LEVEL = 5

/** Checks the outcomes against the problem and the plan; issues at `outcomes[i]…`. */
const checkOutcomes = (
  problem: ValidProblem,
  plan: Plan,
  outcomes: ReadonlyArray<Outcome>,
): ReadonlyArray<Issue> => {
  const ix = Eligibility.index(problem)
  const held = new Map<string, string>(plan.assignments.map((a) => [a.slot, a.member]))
  const seen = new Set<string>()
  const issues: Array<Issue> = []
  outcomes.forEach((x, i) => {
    const path = field('outcomes', i)
    const request = ix.requestById.get(x.request)
    if (request === undefined)
      issues.push(issue(field(path, 'request'), 'reference', `unknown request ${JSON.stringify(x.request)}`))
    else if (seen.has(x.request))
      issues.push(
        issue(
          field(path, 'request'),
          'duplicate',
          `a second outcome for request ${JSON.stringify(x.request)}`,
        ),
      )
    seen.add(x.request)
    x.ratings.forEach((r, j) => {
      const at = field(field(path, 'ratings'), j)
      const entry = ix.slotById.get(r.slot)
      const member = ix.memberById.get(r.member)
      if (entry === undefined)
        issues.push(issue(field(at, 'slot'), 'reference', `unknown slot ${JSON.stringify(r.slot)}`))
      else if (request !== undefined && entry.request.id !== request.id)
        issues.push(
          issue(
            field(at, 'slot'),
            'conflict',
            `slot ${JSON.stringify(r.slot)} belongs to request ${JSON.stringify(
              entry.request.id,
            )}, not ${JSON.stringify(x.request)}`,
          ),
        )
      if (member === undefined)
        issues.push(issue(field(at, 'member'), 'reference', `unknown member ${JSON.stringify(r.member)}`))
      if (entry !== undefined && member !== undefined && held.get(r.slot) !== r.member)
        issues.push(
          issue(
            at,
            'conflict',
            `the plan does not assign ${JSON.stringify(r.member)} to ${JSON.stringify(r.slot)}`,
          ),
        )
    })
  })
  return issues
}

/** The validated policy and evidence, or their issues at `policy…` and `evidence…`. */
const checkInputs = (
  policy: LearningPolicy,
  evidence: Evidence,
): E.Either<NonEmptyArray<Issue>, { policy: LearningPolicy; evidence: Evidence }> => {
  const p = decodeLearningPolicyAt(encodeLearningPolicy(policy), 'policy')
  const e = decodeEvidenceAt(encodeEvidence(evidence), 'evidence')
  if (E.isRight(p) && E.isRight(e)) return E.right({ policy: p.right, evidence: e.right })
  const [first, ...rest] = [...(E.isLeft(p) ? p.left : []), ...(E.isLeft(e) ? e.left : [])]
  return E.left([first as Issue, ...rest])
}

/** One rating's points for one quality, with the keys that order the sums. */
interface Credit {
  readonly member: MemberId
  readonly quality: string
  readonly request: string
  readonly slot: string
  readonly points: number
}

/**
 * Records finished requests: appends history, accumulates evidence, raises levels and drops
 * reached goals, and returns the next problem with the new ledger.
 *
 * - Each outcome's request gets a history entry with its team — the members the plan assigns
 *   to the request's slots — and the outcome's end date (no entry when the plan left the
 *   request without anyone). The request itself stays in the problem: cancel it with
 *   `Replan.replan` to stop staffing it.
 * - Each rating earns `policy.points[rating]` for every quality the slot's role asks for
 *   (every role quality has a weight > 0), added to the member's evidence for that quality.
 * - When a member's evidence for a quality reaches `policy.threshold`, the level rises by one
 *   for each full threshold, at most to 5, and the evidence restarts from the remainder
 *   (3.5 points at threshold 3: one level, 0.5 left). At level 5 there is nothing left to
 *   learn and the evidence is let go. Accounts that no outcome touches are left as they are.
 * - A development goal (a quality in the member's `goals`) is reached when its level rises,
 *   and dropped from the goals.
 *
 * Fails with every issue found, each at its path: an outcome for an unknown request or a
 * second outcome for one (`outcomes[0].request`), a rating naming an unknown slot or member,
 * a slot of another request, or a member the plan does not assign to that slot
 * (`outcomes[1].ratings[0]`); an invalid policy or evidence (`policy.threshold`,
 * `evidence.entries[2].points`). Pure and deterministic: outcomes are taken in request-id
 * order and ratings in slot-id order, so the order of the input does not matter.
 *
 * @category combinators
 * @since 0.1.0
 */
export const recordOutcome = (
  problem: ValidProblem,
  plan: Plan,
  outcomes: ReadonlyArray<Outcome>,
  policy: LearningPolicy = defaultLearningPolicy,
  evidence: Evidence = emptyEvidence,
): E.Either<NonEmptyArray<Issue>, Recorded> => {
  const inputs = checkInputs(policy, evidence)
  const [first, ...rest] = [
    ...checkOutcomes(problem, plan, outcomes),
    ...(E.isLeft(inputs) ? inputs.left : []),
  ]
  if (first !== undefined) return E.left([first, ...rest])
  if (E.isLeft(inputs)) return inputs
  const { threshold, points } = inputs.right.policy
  const sorted = [...outcomes].sort((x, y) => compareIds(x.request, y.request))
  const history = historyOf(problem, plan, sorted)
  const ledger = new Map<string, EvidenceEntry>(
    inputs.right.evidence.entries.map((e) => [JSON.stringify([e.member, e.quality]), e]),
  )
  const touched = accounts(creditsOf(problem, sorted, points), ledger)
  const levelUps = raiseLevels(problem, touched, threshold, ledger)
  const { members, goalsReached } = grownMembers(problem, levelUps)
  const base = encodeProblem(problem)
  const next = decodeProblem({
    ...base,
    members: members.map((m) => MemberCodec.encode(m)),
    history: [...problem.history, ...history].map((h) => HistoryEntryCodec.encode(h)),
  })
  return E.map(
    (p: ValidProblem): Recorded => ({
      _tag: 'Recorded',
      problem: p,
      evidence: { entries: [...ledger.values()].sort(byMemberQuality) },
      history,
      levelUps,
      goalsReached,
    }),
  )(next)
}

/** One history entry per finished request with a team (the plan's members on its slots). */
const historyOf = (problem: ValidProblem, plan: Plan, sorted: ReadonlyArray<Outcome>): Array<HistoryEntry> => {
  const requestOf = new Map<string, string>(
    problem.requests.flatMap((r) => r.slots.map((s) => [s.id as string, r.id as string])),
  )
  const teams = new Map<string, Set<string>>()
  for (const a of plan.assignments) {
    const r = requestOf.get(a.slot)
    if (r === undefined) continue
    teams.set(r, (teams.get(r) ?? new Set()).add(a.member))
  }
  return sorted.flatMap((x) => {
    const members = [...(teams.get(x.request) ?? [])].sort(compareIds)
    return members.length === 0 ? [] : [{ request: x.request, members, ended: x.ended }]
  })
}

/** Every rating's points for each quality of the slot's role, in summing order. */
const creditsOf = (
  problem: ValidProblem,
  sorted: ReadonlyArray<Outcome>,
  points: LearningPolicy['points'],
): Array<Credit> => {
  const ix = Eligibility.index(problem)
  const credits: Array<Credit> = []
  for (const x of sorted)
    for (const r of x.ratings) {
      const role = ix.roleById.get((ix.slotById.get(r.slot) as Eligibility.SlotEntry).slot.role)
      for (const q of role?.qualities ?? [])
        credits.push({
          member: r.member,
          quality: q.quality,
          request: x.request,
          slot: r.slot,
          points: points[r.rating],
        })
    }
  return credits.sort(
    (a, b) => byMemberQuality(a, b) || compareIds(a.request, b.request) || compareIds(a.slot, b.slot),
  )
}

/** A (member, quality) account the outcomes touch, with its evidence so far. */
interface Account {
  readonly member: MemberId
  readonly quality: string
  readonly points: number
}

/** The touched accounts: the ledger's points plus the credits, by `[member, quality]` key. */
const accounts = (credits: ReadonlyArray<Credit>, ledger: ReadonlyMap<string, EvidenceEntry>): Map<string, Account> => {
  const touched = new Map<string, Account>()
  for (const c of credits) {
    const key = JSON.stringify([c.member, c.quality])
    const acc = touched.get(key) ?? {
      member: c.member,
      quality: c.quality,
      points: ledger.get(key)?.points ?? 0,
    }
    touched.set(key, { ...acc, points: acc.points + c.points })
  }
  return touched
}

/** One level per full threshold, at most to 5; the remainder carries on in the ledger. */
const raiseLevels = (
  problem: ValidProblem,
  touched: ReadonlyMap<string, Account>,
  threshold: number,
  ledger: Map<string, EvidenceEntry>,
): Array<LevelUp> => {
  const ix = Eligibility.index(problem)
  const levelUps: Array<LevelUp> = []
  for (const [key, acc] of touched) {
    const member = ix.memberById.get(acc.member) as Member
    const from = Eligibility.level(member, acc.quality)
    const rises = Math.min(
      MAX_LEVEL - from,
      Math.max(0, Math.floor(acc.points / threshold + EVIDENCE_TOLERANCE)),
    )
    const to = (from + rises) as QualityLevel
    const left = to === MAX_LEVEL ? 0 : acc.points - rises * threshold
    if (rises > 0) levelUps.push({ member: acc.member, quality: acc.quality, from, to })
    if (left > EVIDENCE_TOLERANCE) ledger.set(key, { member: acc.member, quality: acc.quality, points: left })
    else ledger.delete(key)
  }
  return levelUps.sort(byMemberQuality)
}

/** The members with their raised levels, and the development goals those reach (dropped). */
const grownMembers = (
  problem: ValidProblem,
  levelUps: ReadonlyArray<LevelUp>,
): { readonly members: ReadonlyArray<Member>; readonly goalsReached: Array<GoalReached> } => {
  const raised = new Map<string, Array<LevelUp>>()
  for (const u of levelUps) raised.set(u.member, [...(raised.get(u.member) ?? []), u])
  const goalsReached: Array<GoalReached> = []
  const members = problem.members.map((m) => {
    const ups = raised.get(m.id)
    if (ups === undefined) return m
    const qualities = Object.create(null) as Record<string, QualityLevel>
    for (const k of Object.keys(m.qualities)) qualities[k] = m.qualities[k] as QualityLevel
    for (const u of ups) qualities[u.quality] = u.to
    const reached = new Set(ups.map((u) => u.quality).filter((q) => m.goals.includes(q)))
    for (const q of [...reached].sort(compareIds)) goalsReached.push({ member: m.id, quality: q })
    return { ...m, qualities, goals: m.goals.filter((g) => !reached.has(g)) }
  })
  return { members, goalsReached }
}

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`

/**
 * Readable lines, in Dutch (`nl`) or English (`en`), for a {@link Recorded} result: a
 * summary, then one line per history entry added, level that rose and goal reached.
 *
 * @category utilities
 * @since 0.1.0
 */
export const toLines = (x: Recorded, lang: Language): ReadonlyArray<string> => {
  const nl = lang === 'nl'
  const head = nl
    ? `${plural(x.history.length, 'team', 'teams')} vastgelegd, ${plural(
        x.levelUps.length,
        'niveau',
        'niveaus',
      )} omhoog, ${plural(x.goalsReached.length, 'ontwikkeldoel', 'ontwikkeldoelen')} bereikt`
    : `${plural(x.history.length, 'team', 'teams')} recorded, ${plural(
        x.levelUps.length,
        'level',
        'levels',
      )} up, ${plural(x.goalsReached.length, 'goal', 'goals')} reached`
  return [
    head,
    ...x.history.map((h) =>
      nl
        ? `historie: ${h.request}, afgerond ${h.ended}: ${h.members.join(', ')}`
        : `history: ${h.request}, ended ${h.ended}: ${h.members.join(', ')}`,
    ),
    ...x.levelUps.map((u) => `${u.member}: ${u.quality} ${u.from} → ${u.to}`),
    ...x.goalsReached.map((g) =>
      nl
        ? `${g.member} heeft het ontwikkeldoel ${g.quality} bereikt`
        : `${g.member} reached the goal ${g.quality}`,
    ),
  ]
}
