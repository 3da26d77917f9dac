/**
 * The data of learning — ratings, outcomes, the learning policy, the evidence ledger and what
 * recording an outcome returns — for the `Learn` namespace, which re-exports it.
 *
 * @since 0.1.0
 */
import type { IsoDate } from '../../kernel/IsoDate.js'
import {
  type HistoryEntry,
  type MemberId,
  type QualityLevel,
  type RequestId,
  type SlotId,
  type ValidProblem,
} from '../Problem.js'
import { deepFreeze } from '../../kernel/internal/freeze.js'

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
export const ratings: ReadonlyArray<Rating> = deepFreeze(['good', 'fair', 'poor'])

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

