/**
 * The codecs of learning's data (outcomes, the learning policy, the evidence ledger), with
 * every issue at its path, and the defaults — for the `Learn` namespace, which re-exports them.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type { NonEmptyArray } from 'fp-ts/lib/NonEmptyArray.js'
import * as O from 'fp-ts/lib/Option.js'
import type * as t from 'io-ts'
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
} from '../../classify/internal/classifyCodec.js'
import type { IsoDate } from '../../kernel/IsoDate.js'
import { field, issue, type Issue } from '../../kernel/Issue.js'
import {
  compareIds,
  type MemberId,
  type RequestId,
  type SlotId,
  } from '../Problem.js'
import { type Evidence, type EvidenceEntry, type LearningPolicy, type Outcome, type Points, type Rated, type Rating, ratings } from './learnModel.js'

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

/** Evidence entries in (member, quality) order. @internal */
export const byMemberQuality = (
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

