/**
 * The staffing plan: assignments, unfilled slots with the reasons that partition the pool, the
 * score with its seven terms, an upper bound, and solver counters. Its JSON form is in the
 * [scoring reference](../../docs/scoring.md#the-plan-json).
 *
 * @since 0.1.0
 * @module
 */
import * as t from 'io-ts'
import type { MemberId, SlotId } from './Problem.js'
import { deepFreeze } from '../kernel/internal/freeze.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The rules that can keep a member out of a slot, in the order the plan uses: each member is counted
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
export const reasonOrder: ReadonlyArray<ReasonCode> = deepFreeze([
  'unit',
  'quality',
  'discipline',
  'excluded',
  'availability',
  'capacity',
  'taken',
  'free',
])

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
 * The seven weighted, signed soft terms (see the
 * [scoring reference](../../docs/scoring.md#the-score)).
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
 * The names of the seven soft terms, in the order the plan lists them.
 *
 * @category model
 * @since 0.1.0
 */
export const termNames: ReadonlyArray<keyof Terms> = Object.freeze([
  'fit',
  'preference',
  'learning',
  'continuity',
  'diversity',
  'rotation',
  'balance',
])

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
 * What the solver knows of a plan: `optimal` when it proved that no valid plan scores better
 * (its bound equals its score), `feasible` otherwise — every plan breaks no hard constraint.
 *
 * @category model
 * @since 0.1.0
 */
export type Status = 'optimal' | 'feasible'

/**
 * How far the plan may be from the optimum, relative to the bound: `filled` is
 * `(bound.filled − score.filled) / max(1, |bound.filled|)` and `soft` likewise (0 when proven
 * optimal). An upper estimate: the optimum may be closer than the bound says.
 *
 * @category model
 * @since 0.1.0
 */
export interface Gap {
  /** Relative gap on `filled`, ≥ 0. */
  readonly filled: number
  /** Relative gap on `soft` (among plans at least as filled), ≥ 0. */
  readonly soft: number
}

/**
 * The solver's counters: deterministic work, never wall-clock time.
 *
 * @category model
 * @since 0.1.0
 */
export interface Stats {
  /** Branch-and-bound edges banned by probing at the root. */
  readonly banned: number
  /** Slots the final completion pass filled (0 for a plan straight from the search). */
  readonly completed: number
  /** Whether the exact search ran. */
  readonly exact: boolean
  /** Improving moves and kicks the search committed. */
  readonly improvements: number
  /** Slots the exact search found every filled-optimal plan must fill. */
  readonly mandatory: number
  /** Branch-and-bound nodes (0 without the exact search). */
  readonly nodes: number
  /** Work done, in steps (≈ candidate edges examined). */
  readonly steps: number
}

/**
 * The counters of a plan no solver made (a hand-edited one): all zero.
 *
 * @category constructors
 * @since 0.1.0
 */
export const noStats: Stats = Object.freeze({
  banned: 0,
  completed: 0,
  exact: false,
  improvements: 0,
  mandatory: 0,
  nodes: 0,
  steps: 0,
})

/**
 * A staffing plan: assignments, unfilled slots with their reasons, the score, the bound and
 * what the solver knows of it. The JSON form is described in the
 * [scoring guide](../../docs/scoring.md).
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
  /** `optimal` when proven (then `bound` equals `score`), else `feasible`. */
  readonly status: Status
  /** The relative gap to the bound, or `null` when no bound is known. */
  readonly gap: Gap | null
  /** Solver counters (deterministic: steps, nodes, …; never wall-clock time). */
  readonly stats: Stats
}

/**
 * A plan's standing against its bound.
 *
 * @category model
 * @since 0.1.0
 */
export interface Standing {
  /** `optimal` when proven. */
  readonly status: Status
  /** The relative gap, or `null` without a bound. */
  readonly gap: Gap | null
}

/**
 * A plan in JSON, as {@link encodePlan} writes it and {@link PlanCodec} reads it: the fields of
 * a {@link Plan}, as plain data in the format's key order (see the
 * [scoring reference](../../docs/scoring.md#the-plan-json)).
 *
 * @category model
 * @since 0.1.0
 */
export interface PlanJson {
  /** The assignments, sorted by slot id. */
  readonly assignments: ReadonlyArray<AssignmentJson>
  /** The open slots with their reasons, sorted by slot id. */
  readonly unfilled: ReadonlyArray<UnfilledJson>
  /** The score. */
  readonly score: Score
  /** The bound, or `null` without one. */
  readonly bound: Bound | null
  /** `optimal` when proven. */
  readonly status: Status
  /** The relative gap, or `null` without a bound. */
  readonly gap: Gap | null
  /** The solver's counters, keys sorted. */
  readonly stats: Stats
}

/**
 * An assignment in JSON: plain string ids.
 *
 * @category model
 * @since 0.1.0
 */
export interface AssignmentJson {
  /** The slot id. */
  readonly slot: string
  /** The member id. */
  readonly member: string
}

/**
 * An open slot in JSON: a plain slot id and the reasons.
 *
 * @category model
 * @since 0.1.0
 */
export interface UnfilledJson {
  /** The slot id. */
  readonly slot: string
  /** Reasons in rule order, then by detail. */
  readonly reasons: ReadonlyArray<Reason>
}

/**
 * The status and gap of a score against a bound (`null`: none known): `optimal` exactly when
 * the bound equals the score on both levels.
 *
 * @category constructors
 * @since 0.1.0
 */
export const statusOf = (score: Bound, bound: Bound | null): Standing => {
  if (bound === null) return { status: 'feasible', gap: null }
  const rel = (b: number, x: number): number => Math.max(0, b - x) / Math.max(1, Math.abs(b))
  const gap = { filled: rel(bound.filled, score.filled), soft: rel(bound.soft, score.soft) }
  return { status: gap.filled === 0 && gap.soft === 0 ? 'optimal' : 'feasible', gap }
}

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

const idCodec = <A extends string>(name: string): t.Type<A, string, unknown> =>
  new t.Type<A, string, unknown>(
    name,
    (u): u is A => typeof u === 'string' && u.length > 0,
    (u, c) =>
      typeof u === 'string' && u.length > 0
        ? t.success(u as A)
        : t.failure(u, c, `expected a non-empty ${name}`),
    (a) => a,
  )

const finite = new t.Type<number, number, unknown>(
  'FiniteNumber',
  (u): u is number => typeof u === 'number' && Number.isFinite(u),
  (u, c) =>
    typeof u === 'number' && Number.isFinite(u)
      ? t.success(u)
      : t.failure(u, c, 'expected a finite number'),
  (a) => a,
)

const count = new t.Type<number, number, unknown>(
  'Count',
  (u): u is number => typeof u === 'number' && Number.isInteger(u) && u >= 0,
  (u, c) =>
    typeof u === 'number' && Number.isInteger(u) && u >= 0
      ? t.success(u)
      : t.failure(u, c, 'expected an integer >= 0'),
  (a) => a,
)

const statsShape = t.type({
  banned: count,
  completed: count,
  exact: t.boolean,
  improvements: count,
  mandatory: count,
  nodes: count,
  steps: count,
})
const statKeys = new Set(Object.keys(statsShape.props))
/** The counters, with no key the plan JSON does not define. */
const StatsCodec: t.Type<Stats, Stats, unknown> = t.readonly(
  t.refinement(statsShape, (s) => Object.keys(s).every((k) => statKeys.has(k)), 'Stats'),
)

/**
 * io-ts codec of one assignment `{ slot, member }`.
 *
 * @category codecs
 * @since 0.1.0
 */
export const AssignmentCodec: t.Type<Assignment, AssignmentJson, unknown> = t.readonly(
  t.type({ slot: idCodec<SlotId>('SlotId'), member: idCodec<MemberId>('MemberId') }),
  'Assignment',
)

/**
 * io-ts codec of a {@link ReasonCode}.
 *
 * @category codecs
 * @since 0.1.0
 */
export const ReasonCodeCodec: t.Type<ReasonCode, ReasonCode, unknown> = t.keyof(
  {
    unit: null,
    quality: null,
    discipline: null,
    excluded: null,
    availability: null,
    capacity: null,
    taken: null,
    free: null,
  },
  'ReasonCode',
)

/**
 * io-ts codec of one reason `{ constraint, count, detail }`.
 *
 * @category codecs
 * @since 0.1.0
 */
export const ReasonCodec: t.Type<Reason, Reason, unknown> = t.readonly(
  t.type({ constraint: ReasonCodeCodec, count, detail: t.string }),
  'Reason',
)

/**
 * io-ts codec of one unfilled slot `{ slot, reasons }`.
 *
 * @category codecs
 * @since 0.1.0
 */
export const UnfilledCodec: t.Type<Unfilled, UnfilledJson, unknown> = t.readonly(
  t.type({ slot: idCodec<SlotId>('SlotId'), reasons: t.readonlyArray(ReasonCodec) }),
  'Unfilled',
)

/**
 * io-ts codec of the seven terms.
 *
 * @category codecs
 * @since 0.1.0
 */
export const TermsCodec: t.Type<Terms, Terms, unknown> = t.readonly(
  t.type({
    fit: finite,
    preference: finite,
    learning: finite,
    continuity: finite,
    diversity: finite,
    rotation: finite,
    balance: finite,
  }),
  'Terms',
)

/**
 * io-ts codec of a score `{ filled, soft, terms }`.
 *
 * @category codecs
 * @since 0.1.0
 */
export const ScoreCodec: t.Type<Score, Score, unknown> = t.readonly(
  t.type({ filled: finite, soft: finite, terms: TermsCodec }),
  'Score',
)

/**
 * io-ts codec of a bound `{ filled, soft }`.
 *
 * @category codecs
 * @since 0.1.0
 */
export const BoundCodec: t.Type<Bound, Bound, unknown> = t.readonly(
  t.type({ filled: finite, soft: finite }),
  'Bound',
)

/**
 * io-ts codec of a whole plan: the shape and number ranges; it does not check the plan
 * against a problem. Its `encode` is {@link encodePlan}.
 *
 * @category codecs
 * @since 0.1.0
 */
export const PlanCodec: t.Type<Plan, PlanJson, unknown> = new t.Type<Plan, PlanJson, unknown>(
  'Plan',
  (u): u is Plan => shape.is(u),
  (u, c) => shape.validate(u, c),
  (plan) => encodePlan(plan),
)

const shape: t.Type<Plan, PlanJson, unknown> = t.readonly(
  t.type({
    assignments: t.readonlyArray(AssignmentCodec),
    unfilled: t.readonlyArray(UnfilledCodec),
    score: ScoreCodec,
    bound: t.union([BoundCodec, t.null]),
    status: t.keyof({ optimal: null, feasible: null }),
    gap: t.union([t.readonly(t.type({ filled: finite, soft: finite })), t.null]),
    stats: StatsCodec,
  }),
  'Plan',
)

const encodeTerms = (x: Terms): Terms => ({
  fit: x.fit,
  preference: x.preference,
  learning: x.learning,
  continuity: x.continuity,
  diversity: x.diversity,
  rotation: x.rotation,
  balance: x.balance,
})

/**
 * Encodes a plan as its JSON form: plain data with keys in exactly the format's order
 * (`assignments`, `unfilled`, `score` with `filled`, `soft`, `terms` in the order fit,
 * preference, learning, continuity, diversity, rotation, balance; `bound`, `status`, `gap`,
 * `stats` with its keys sorted), so `JSON.stringify` of the result is byte-stable.
 *
 * @category codecs
 * @since 0.1.0
 */
export const encodePlan = (plan: Plan): PlanJson => ({
  assignments: plan.assignments.map((a) => ({ slot: a.slot, member: a.member })),
  unfilled: plan.unfilled.map((u) => ({
    slot: u.slot,
    reasons: u.reasons.map((r) => ({ constraint: r.constraint, count: r.count, detail: r.detail })),
  })),
  score: { filled: plan.score.filled, soft: plan.score.soft, terms: encodeTerms(plan.score.terms) },
  bound: plan.bound === null ? null : { filled: plan.bound.filled, soft: plan.bound.soft },
  status: plan.status,
  gap: plan.gap === null ? null : { filled: plan.gap.filled, soft: plan.gap.soft },
  stats: {
    banned: plan.stats.banned,
    completed: plan.stats.completed,
    exact: plan.stats.exact,
    improvements: plan.stats.improvements,
    mandatory: plan.stats.mandatory,
    nodes: plan.stats.nodes,
    steps: plan.stats.steps,
  },
})
