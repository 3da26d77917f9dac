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
import * as O from 'fp-ts/lib/Option.js'
import type * as t from 'io-ts'
import type { Language } from '../classify/Assessment.js'
import * as Eligibility from '../staffing/Eligibility.js'
import {
  array,
  check,
  codec,
  isoDate,
  keyed,
  literal,
  nonEmptyString,
  number,
  object,
  optional,
  required,
  struct,
  uniqueArray,
  type Result,
} from '../classify/internal/classifyCodec.js'
import type { IsoDate } from '../kernel/IsoDate.js'
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
  type RequestId,
  type SlotId,
  type ValidProblem,
} from './Problem.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * How an assignment went.
 *
 * @category model
 * @since 0.1.0
 */
export type Rating = 'good' | 'fair' | 'poor'

/**
 * The ratings, best first.
 *
 * @category model
 * @since 0.1.0
 */
export const ratings: ReadonlyArray<Rating> = ['good', 'fair', 'poor']

/**
 * The rating of one assignment of a finished request.
 *
 * @category model
 * @since 0.1.0
 */
export interface Rated {
  /** The slot. */
  readonly slot: SlotId
  /** The member who filled it (the plan must say so). */
  readonly member: MemberId
  /** How it went. */
  readonly rating: Rating
}

/**
 * How a finished request went.
 *
 * @category model
 * @since 0.1.0
 */
export interface Outcome {
  /** The request. */
  readonly request: RequestId
  /** The day the work ended. */
  readonly ended: IsoDate
  /** Ratings of its assignments, one per slot at most, sorted by slot id (unrated ones count for history only). */
  readonly ratings: ReadonlyArray<Rated>
}

/**
 * Evidence points earned per rating.
 *
 * @category model
 * @since 0.1.0
 */
export interface Points {
  /** Points for `good`, ≥ 0. */
  readonly good: number
  /** Points for `fair`, ≥ 0. */
  readonly fair: number
  /** Points for `poor`, ≥ 0. */
  readonly poor: number
}

/**
 * How evidence turns into levels: the points each rating earns for every quality the slot's
 * role asks for, and the evidence that makes one level.
 *
 * @category model
 * @since 0.1.0
 */
export interface LearningPolicy {
  /** Points per rating. */
  readonly points: Points
  /** Evidence per level, > 0. */
  readonly threshold: number
}

/**
 * The evidence a member has built up for one quality since its last level-up.
 *
 * @category model
 * @since 0.1.0
 */
export interface EvidenceEntry {
  /** The member. */
  readonly member: MemberId
  /** The quality. */
  readonly quality: string
  /** Points, > 0 (an account at zero is left out). */
  readonly points: number
}

/**
 * The evidence ledger: one entry per (member, quality) with points, sorted by member, then
 * quality.
 *
 * @category model
 * @since 0.1.0
 */
export interface Evidence {
  /** The entries. */
  readonly entries: ReadonlyArray<EvidenceEntry>
}

/**
 * A quality level that rose.
 *
 * @category model
 * @since 0.1.0
 */
export interface LevelUp {
  /** The member. */
  readonly member: MemberId
  /** The quality. */
  readonly quality: string
  /** The level before. */
  readonly from: QualityLevel
  /** The level after (at most 5). */
  readonly to: QualityLevel
}

/**
 * A development goal that was reached (and dropped from the member's goals).
 *
 * @category model
 * @since 0.1.0
 */
export interface GoalReached {
  /** The member. */
  readonly member: MemberId
  /** The quality of the goal. */
  readonly quality: string
}

/**
 * The result of {@link recordOutcome}.
 *
 * @category model
 * @since 0.1.0
 */
export interface Recorded {
  /** Discriminant. */
  readonly _tag: 'Recorded'
  /** The next problem: history added, levels raised, reached goals dropped. */
  readonly problem: ValidProblem
  /** The evidence ledger after the outcomes. */
  readonly evidence: Evidence
  /** The history entries added, sorted by request id. */
  readonly history: ReadonlyArray<HistoryEntry>
  /** The levels that rose, sorted by member, then quality. */
  readonly levelUps: ReadonlyArray<LevelUp>
  /** The goals reached, sorted by member, then quality. */
  readonly goalsReached: ReadonlyArray<GoalReached>
}

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

/**
 * The JSON form of an {@link Outcome}.
 *
 * @category codecs
 * @since 0.1.0
 */
export interface OutcomeJson {
  /** The request id. */
  readonly request: string
  /** `YYYY-MM-DD`. */
  readonly ended: string
  /** The ratings. */
  readonly ratings: ReadonlyArray<{
    /** The slot id. */
    readonly slot: string
    /** The member id. */
    readonly member: string
    /** `good`, `fair` or `poor`. */
    readonly rating: Rating
  }>
}

const decodeRatedAt = (u: unknown, path: string): Result<Rated> =>
  keyed((o: Readonly<Record<string, unknown>>) =>
    E.map(
      (r: { slot: string; member: string; rating: Rating }): Rated => ({
        slot: r.slot as SlotId,
        member: r.member as MemberId,
        rating: r.rating,
      }),
    )(
      struct({
        slot: required(nonEmptyString)(o, 'slot', path),
        member: required(nonEmptyString)(o, 'member', path),
        rating: required(literal(ratings))(o, 'rating', path),
      }),
    ),
  )(object('rating', ['slot', 'member', 'rating'])(u, path))

/**
 * Decodes an outcome at a JSON path: shape, a real end date, ratings `good | fair | poor`, at
 * most one rating per slot (a second one is a `duplicate`). Ratings come out sorted by slot.
 *
 * @category codecs
 * @since 0.1.0
 */
export const decodeOutcomeAt = (u: unknown, path: string): E.Either<NonEmptyArray<Issue>, Outcome> =>
  keyed((o: Readonly<Record<string, unknown>>) =>
    E.map(
      (r: { request: string; ended: IsoDate; ratings: ReadonlyArray<Rated> }): Outcome => ({
        request: r.request as RequestId,
        ended: r.ended,
        ratings: [...r.ratings].sort((a, b) => compareIds(a.slot, b.slot)),
      }),
    )(
      struct({
        request: required(nonEmptyString)(o, 'request', path),
        ended: required(isoDate)(o, 'ended', path),
        ratings: required(uniqueArray(decodeRatedAt, 'slot', 'rating for slot'))(o, 'ratings', path),
      }),
    ),
  )(object('outcome', ['request', 'ended', 'ratings'])(u, path))

/**
 * Decodes one untrusted outcome, returning every issue with its path.
 *
 * @category codecs
 * @since 0.1.0
 */
export const decodeOutcome = (u: unknown): E.Either<NonEmptyArray<Issue>, Outcome> => decodeOutcomeAt(u, '')

/**
 * Decodes an untrusted list of outcomes; issue paths start at `outcomes` (`outcomes[1].ended`),
 * the same paths {@link recordOutcome} reports.
 *
 * @category codecs
 * @since 0.1.0
 */
export const decodeOutcomes = (u: unknown): E.Either<NonEmptyArray<Issue>, ReadonlyArray<Outcome>> =>
  array(decodeOutcomeAt)(u, 'outcomes')

/**
 * Encodes an outcome as JSON.
 *
 * @category codecs
 * @since 0.1.0
 */
export const encodeOutcome = (x: Outcome): OutcomeJson => ({
  request: x.request,
  ended: x.ended,
  ratings: x.ratings.map((r) => ({ slot: r.slot, member: r.member, rating: r.rating })),
})

/**
 * The io-ts codec of an {@link Outcome}.
 *
 * @category codecs
 * @since 0.1.0
 */
export const OutcomeCodec: t.Type<Outcome, OutcomeJson, unknown> = codec(
  'Outcome',
  decodeOutcomeAt,
  encodeOutcome,
)

/**
 * The JSON form of a {@link LearningPolicy}; absent fields take the values of
 * {@link defaultLearningPolicy}.
 *
 * @category codecs
 * @since 0.1.0
 */
export interface LearningPolicyJson {
  /** Points per rating, each ≥ 0. */
  readonly points?: {
    /** Points for `good`. */
    readonly good?: number
    /** Points for `fair`. */
    readonly fair?: number
    /** Points for `poor`. */
    readonly poor?: number
  }
  /** Evidence per level, > 0. */
  readonly threshold?: number
}

const nonNegative = number('a number ≥ 0', (n) => n >= 0)
const positive = number('a number > 0', (n) => n > 0)
const zero = (n: number): number => (n === 0 ? 0 : n)

const decodePointsAt = (u: unknown, path: string): Result<Points> =>
  keyed((o: Readonly<Record<string, unknown>>) =>
    E.map(
      (r: { good: O.Option<number>; fair: O.Option<number>; poor: O.Option<number> }): Points => ({
        good: zero(O.getOrElse(() => defaultLearningPolicy.points.good)(r.good)),
        fair: zero(O.getOrElse(() => defaultLearningPolicy.points.fair)(r.fair)),
        poor: zero(O.getOrElse(() => defaultLearningPolicy.points.poor)(r.poor)),
      }),
    )(
      struct({
        good: optional(nonNegative)(o, 'good', path),
        fair: optional(nonNegative)(o, 'fair', path),
        poor: optional(nonNegative)(o, 'poor', path),
      }),
    ),
  )(object('points', ['good', 'fair', 'poor'])(u, path))

/**
 * Decodes a learning policy at a JSON path, filling in the defaults; collects every issue.
 *
 * @category codecs
 * @since 0.1.0
 */
export const decodeLearningPolicyAt = (
  u: unknown,
  path: string,
): E.Either<NonEmptyArray<Issue>, LearningPolicy> =>
  keyed((o: Readonly<Record<string, unknown>>) =>
    E.map(
      (r: { points: O.Option<Points>; threshold: O.Option<number> }): LearningPolicy => ({
        points: O.getOrElse(() => defaultLearningPolicy.points)(r.points),
        threshold: O.getOrElse(() => defaultLearningPolicy.threshold)(r.threshold),
      }),
    )(
      struct({
        points: optional(decodePointsAt)(o, 'points', path),
        threshold: optional(positive)(o, 'threshold', path),
      }),
    ),
  )(object('learning policy', ['points', 'threshold'])(u, path))

/**
 * Decodes an untrusted learning policy, filling in the defaults.
 *
 * @category codecs
 * @since 0.1.0
 */
export const decodeLearningPolicy = (u: unknown): E.Either<NonEmptyArray<Issue>, LearningPolicy> =>
  decodeLearningPolicyAt(u, '')

/**
 * Encodes a learning policy as JSON, every field explicit.
 *
 * @category codecs
 * @since 0.1.0
 */
export const encodeLearningPolicy = (p: LearningPolicy): Required<LearningPolicyJson> => ({
  points: { good: p.points.good, fair: p.points.fair, poor: p.points.poor },
  threshold: p.threshold,
})

/**
 * The io-ts codec of a {@link LearningPolicy}.
 *
 * @category codecs
 * @since 0.1.0
 */
export const LearningPolicyCodec: t.Type<LearningPolicy, Required<LearningPolicyJson>, unknown> = codec(
  'LearningPolicy',
  decodeLearningPolicyAt,
  encodeLearningPolicy,
)

/**
 * The JSON form of the {@link Evidence} ledger.
 *
 * @category codecs
 * @since 0.1.0
 */
export interface EvidenceJson {
  /** The entries. */
  readonly entries: ReadonlyArray<{
    /** The member id. */
    readonly member: string
    /** The quality. */
    readonly quality: string
    /** Points, > 0. */
    readonly points: number
  }>
}

const decodeEntryAt = (u: unknown, path: string): Result<EvidenceEntry> =>
  keyed((o: Readonly<Record<string, unknown>>) =>
    E.map(
      (r: { member: string; quality: string; points: number }): EvidenceEntry => ({
        member: r.member as MemberId,
        quality: r.quality,
        points: r.points,
      }),
    )(
      struct({
        member: required(nonEmptyString)(o, 'member', path),
        quality: required(nonEmptyString)(o, 'quality', path),
        points: required(positive)(o, 'points', path),
      }),
    ),
  )(object('evidence entry', ['member', 'quality', 'points'])(u, path))

const byMemberQuality = (
  a: { member: string; quality: string },
  b: { member: string; quality: string },
): number => compareIds(a.member, b.member) || compareIds(a.quality, b.quality)

/**
 * Decodes an evidence ledger at a JSON path: entries with a member, a quality and points
 * `> 0`, at most one per (member, quality) (a second is a `duplicate`); sorted.
 *
 * @category codecs
 * @since 0.1.0
 */
export const decodeEvidenceAt = (u: unknown, path: string): E.Either<NonEmptyArray<Issue>, Evidence> =>
  keyed((o: Readonly<Record<string, unknown>>) =>
    E.chain((entries: ReadonlyArray<EvidenceEntry>) => {
      const seen = new Set<string>()
      const dups: Array<Issue> = []
      entries.forEach((x, i) => {
        const key = JSON.stringify([x.member, x.quality])
        if (seen.has(key))
          dups.push(
            issue(
              field(field(path, 'entries'), i),
              'duplicate',
              `a second entry for member "${x.member}" and quality "${x.quality}"`,
            ),
          )
        seen.add(key)
      })
      return check(dups, { entries: [...entries].sort(byMemberQuality) })
    })(required(array(decodeEntryAt))(o, 'entries', path)),
  )(object('evidence', ['entries'])(u, path))

/**
 * Decodes an untrusted evidence ledger, returning every issue with its path.
 *
 * @category codecs
 * @since 0.1.0
 */
export const decodeEvidence = (u: unknown): E.Either<NonEmptyArray<Issue>, Evidence> =>
  decodeEvidenceAt(u, '')

/**
 * Encodes an evidence ledger as JSON.
 *
 * @category codecs
 * @since 0.1.0
 */
export const encodeEvidence = (x: Evidence): EvidenceJson => ({
  entries: x.entries.map((e) => ({ member: e.member, quality: e.quality, points: e.points })),
})

/**
 * The io-ts codec of the {@link Evidence} ledger.
 *
 * @category codecs
 * @since 0.1.0
 */
export const EvidenceCodec: t.Type<Evidence, EvidenceJson, unknown> = codec(
  'Evidence',
  decodeEvidenceAt,
  encodeEvidence,
)

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * The default learning policy: `good` earns 1 point, `fair` 0.5, `poor` 0, and 3 points make
 * a level — three good assignments in a role that asks for a quality raise it by one.
 *
 * @category constructors
 * @since 0.1.0
 */
export const defaultLearningPolicy: LearningPolicy = Object.freeze({
  points: Object.freeze({ good: 1, fair: 0.5, poor: 0 }),
  threshold: 3,
})

/**
 * The empty evidence ledger.
 *
 * @category constructors
 * @since 0.1.0
 */
export const emptyEvidence: Evidence = Object.freeze({ entries: Object.freeze([]) })

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
  const ix = Eligibility.index(problem)

  // history: one entry per finished request with a team
  const requestOf = new Map<string, string>(
    problem.requests.flatMap((r) => r.slots.map((s) => [s.id as string, r.id as string])),
  )
  const teams = new Map<string, Set<string>>()
  for (const a of plan.assignments) {
    const r = requestOf.get(a.slot)
    if (r === undefined) continue
    teams.set(r, (teams.get(r) ?? new Set()).add(a.member))
  }
  const sorted = [...outcomes].sort((x, y) => compareIds(x.request, y.request))
  const history: Array<HistoryEntry> = sorted.flatMap((x) => {
    const members = [...(teams.get(x.request) ?? [])].sort(compareIds)
    return members.length === 0 ? [] : [{ request: x.request, members, ended: x.ended }]
  })

  // evidence: every rating credits each quality of the slot's role
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
  credits.sort(
    (a, b) => byMemberQuality(a, b) || compareIds(a.request, b.request) || compareIds(a.slot, b.slot),
  )
  const ledger = new Map<string, EvidenceEntry>(
    inputs.right.evidence.entries.map((e) => [JSON.stringify([e.member, e.quality]), e]),
  )
  const touched = new Map<string, { member: MemberId; quality: string; points: number }>()
  for (const c of credits) {
    const key = JSON.stringify([c.member, c.quality])
    const acc = touched.get(key) ?? {
      member: c.member,
      quality: c.quality,
      points: ledger.get(key)?.points ?? 0,
    }
    touched.set(key, { ...acc, points: acc.points + c.points })
  }

  // levels: one per full threshold, at most to 5; the remainder carries on
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
  levelUps.sort(byMemberQuality)

  // the next problem, through the one decoder
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
  const base = encodeProblem(problem) as Readonly<Record<string, unknown>>
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
