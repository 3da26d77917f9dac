/**
 * The staffing plan of DESIGN §8: assignments, unfilled slots with the reasons that partition
 * the pool, the score with its seven terms, an upper bound, and solver counters.
 *
 * @since 0.1.0
 */
import type { MemberId, SlotId } from './Problem.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The rules that can keep a member out of a slot, in the order of §8: each member is counted
 * under the first one it fails.
 *
 * @category model
 * @since 0.1.0
 */
export type ReasonCode =
  | 'unit'
  | 'quality'
  | 'discipline'
  | 'excluded'
  | 'availability'
  | 'capacity'
  | 'taken'
  | 'free'

/**
 * The reason codes in their normative order.
 *
 * @category model
 * @since 0.1.0
 */
export const reasonOrder: ReadonlyArray<ReasonCode> = [
  'unit',
  'quality',
  'discipline',
  'excluded',
  'availability',
  'capacity',
  'taken',
  'free',
]

/**
 * One filled slot.
 *
 * @category model
 * @since 0.1.0
 */
export interface Assignment {
  /** The slot. */
  readonly slot: SlotId
  /** The member who fills it. */
  readonly member: MemberId
}

/**
 * How many pool members one rule ruled out for an unfilled slot, with the binding requirement.
 *
 * @category model
 * @since 0.1.0
 */
export interface Reason {
  /** The rule. */
  readonly constraint: ReasonCode
  /** Number of members counted under this rule and detail. */
  readonly count: number
  /** The binding requirement in words, e.g. `financial-acumen < 3`. */
  readonly detail: string
}

/**
 * A slot without a member, and why.
 *
 * @category model
 * @since 0.1.0
 */
export interface Unfilled {
  /** The slot. */
  readonly slot: SlotId
  /** Reasons in rule order, then by detail; their counts add up to the pool size. */
  readonly reasons: ReadonlyArray<Reason>
}

/**
 * The seven weighted, signed soft terms of §7.
 *
 * @category model
 * @since 0.1.0
 */
export interface Terms {
  /** Quality fit. */
  readonly fit: number
  /** Preferences. */
  readonly preference: number
  /** Development goals served. */
  readonly learning: number
  /** Previous pairs kept. */
  readonly continuity: number
  /** Distinct primary disciplines per team. */
  readonly diversity: number
  /** Repeated recent pairs (≤ 0). */
  readonly rotation: number
  /** Overload beyond comfort (≤ 0). */
  readonly balance: number
}

/**
 * A plan's score: compared lexicographically, first `filled`, then `soft`.
 *
 * @category model
 * @since 0.1.0
 */
export interface Score {
  /** Σ of the request priority over filled slots. */
  readonly filled: number
  /** Σ of the terms. */
  readonly soft: number
  /** The terms. */
  readonly terms: Terms
}

/**
 * An upper bound: `filled` bounds every valid plan, `soft` every valid plan that fills at least
 * as much as the plan it belongs to.
 *
 * @category model
 * @since 0.1.0
 */
export interface Bound {
  /** Upper bound on `filled`. */
  readonly filled: number
  /** Upper bound on `soft`. */
  readonly soft: number
}

/**
 * A staffing plan (§8).
 *
 * @category model
 * @since 0.1.0
 */
export interface Plan {
  /** Filled slots, sorted by slot id. */
  readonly assignments: ReadonlyArray<Assignment>
  /** Every unfilled slot, sorted by slot id. */
  readonly unfilled: ReadonlyArray<Unfilled>
  /** The score, as the evaluator computes it from `assignments`. */
  readonly score: Score
  /** An upper bound, or `null` when none is known. */
  readonly bound: Bound | null
  /** Solver counters (deterministic: steps, nodes, …; never wall-clock time). */
  readonly stats: Readonly<Record<string, number>>
}
