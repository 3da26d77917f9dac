/**
 * Why a plan is as it is, in figures that come from the one evaluator: for every assignment
 * what it contributes to each score term, what removing it would cost, whether it was forced,
 * the member's load over time and who would be next; for any member and slot, the move that
 * would put the member there and what it would cost or what blocks it; for an unfilled slot,
 * the people behind each reason and the single changes that would let someone fill it.
 *
 * - {@link explain} explains a whole plan (JSON: {@link encodeExplanation});
 * - {@link assignment}, {@link move}, {@link candidates}, {@link whyNot} and {@link unfilled}
 *   answer one question each;
 * - {@link apply} applies a {@link Relaxation} to the problem;
 * - {@link toLines} says any of it in Dutch or English.
 *
 * A move's `delta` is the plan's score after the move minus before, as the evaluator scores
 * them; "ineligible" always means that no valid plan can put the member on the slot, never
 * that this plan chose otherwise. Plans may be hand-edited (`Solve.planOf`): nothing assumes
 * they are optimal. See the [explanations guide](../docs/explanations.md).
 *
 * @since 0.2.0
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { NonEmptyArray } from 'fp-ts/lib/NonEmptyArray.js'
import type { Language } from './Assessment.js'
import type { Levels } from './Evaluate.js'
import type { IsoDate, Period } from './IsoDate.js'
import type { Issue } from './Issue.js'
import type { ReasonCode, Terms } from './Plan.js'
import type { MemberId, QualityLevel, RequestId, SlotId, ValidProblem } from './Problem.js'
import { candidatesOf, moveOf, toMove } from './internal/explainMove.js'
import {
  assignmentAt,
  explainAt,
  fail,
  kOf,
  unfilledAt,
  whyNotAt,
  withPair,
  withSlot,
} from './internal/explainQuery.js'
import { contextOf, type Ctx, holderOf } from './internal/explainState.js'
import { contributions } from './internal/explainTerms.js'
import { applyRelaxation } from './internal/explainUnfilled.js'
import {
  assignmentLines,
  candidatesLines,
  explanationLines,
  moveLine,
  relaxationLine,
  unfilledLines,
  whyNotLines,
} from './internal/explainWords.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A plan as the explanations read it: its assignments (a `Plan.Plan` from `Solve.solve` or
 * `Solve.planOf` is one).
 *
 * @category model
 * @since 0.2.0
 */
export interface PlanLike {
  /** The plan's (slot, member) pairs. */
  readonly assignments: ReadonlyArray<{
    /** The slot id. */
    readonly slot: string
    /** The member id. */
    readonly member: string
  }>
}

/**
 * Why an assignment could not have been otherwise: the pair is pinned, or the member is the
 * only one eligible with room for the slot; `null` when neither.
 *
 * @category model
 * @since 0.2.0
 */
export type Forced = 'pin' | 'only-candidate' | null

/**
 * A member's load in the plan: the slot hours active at each date where the load is above 0
 * (the dates where one of the member's candidate slots starts), the peak, and the lines to
 * read it against.
 *
 * @category model
 * @since 0.2.0
 */
export interface Load {
  /** The member. */
  readonly member: MemberId
  /** Hours per week already taken outside the plan. */
  readonly committed: number
  /** Hours per week. */
  readonly capacity: number
  /** The comfort line, `comfort · capacity` hours per week: above it (with `committed`) the balance term bites. */
  readonly comfort: number
  /** The largest slot hours active on one date (0 when the member serves nowhere). */
  readonly peak: number
  /** Slot hours active from each date on, where above 0, by date. */
  readonly points: ReadonlyArray<{
    /** The date. */
    readonly date: IsoDate
    /** Slot hours per week active from that date. */
    readonly hours: number
  }>
}

/**
 * What blocks a move that no set of the member's own assignments can clear: a pin (`member`
 * is pinned on `slot`: the slot's holder, or the moving member on a slot it would have to
 * leave), or an `apart` partner serving the request (`member`, on `slots`).
 *
 * @category model
 * @since 0.2.0
 */
export type Blocker =
  | {
      /** A pin. */
      readonly _tag: 'pin'
      /** The pinned member. */
      readonly member: MemberId
      /** The slot it is pinned on. */
      readonly slot: SlotId
    }
  | {
      /** An `apart` partner. */
      readonly _tag: 'apart'
      /** The partner serving the request. */
      readonly member: MemberId
      /** The partner's slots on the request. */
      readonly slots: ReadonlyArray<SlotId>
    }

/**
 * "m takes s" is possible: the slot's holder leaves it, `displaced` are the slots the member
 * leaves (the smallest set that keeps the plan valid), and `delta` is the score after minus
 * before, as the evaluator scores both plans. The holder's own move is valid with delta 0.
 *
 * @category model
 * @since 0.2.0
 */
export interface ValidMove {
  /** Discriminant. */
  readonly _tag: 'Move'
  /** The move can be made. */
  readonly status: 'valid'
  /** The member who takes the slot. */
  readonly member: MemberId
  /** The slot. */
  readonly slot: SlotId
  /** The score change, after − before. */
  readonly delta: Levels
  /** The slots the member leaves, left open, sorted by id. */
  readonly displaced: ReadonlyArray<SlotId>
}

/**
 * "m takes s" is blocked: no set of the member's own assignments makes the plan valid.
 *
 * @category model
 * @since 0.2.0
 */
export interface BlockedMove {
  /** Discriminant. */
  readonly _tag: 'Move'
  /** The move cannot be made in this plan. */
  readonly status: 'blocked'
  /** The member. */
  readonly member: MemberId
  /** The slot. */
  readonly slot: SlotId
  /** What blocks it. */
  readonly blockedBy: ReadonlyArray<Blocker>
}

/**
 * The member may never fill the slot: the first rule it fails (in the order of an unfilled
 * slot's reasons) and its detail. No valid plan puts the member there.
 *
 * @category model
 * @since 0.2.0
 */
export interface IneligibleMove {
  /** Discriminant. */
  readonly _tag: 'Move'
  /** No valid plan can. */
  readonly status: 'ineligible'
  /** The member. */
  readonly member: MemberId
  /** The slot. */
  readonly slot: SlotId
  /** The first rule the member fails: `unit`, `quality`, `discipline`, `excluded`, `availability` or `capacity`. */
  readonly constraint: ReasonCode
  /** The binding requirement in words, e.g. `leadership < 3`. */
  readonly detail: string
}

/**
 * A member taking a slot: valid (with its delta), blocked (with what blocks it) or ineligible
 * (with the rule).
 *
 * @category model
 * @since 0.2.0
 */
export type Move = ValidMove | BlockedMove | IneligibleMove

/**
 * Why one assignment: its share of each score term (the shares of all assignments add up to
 * the plan's terms), the score change if it alone were removed, whether it was forced, the
 * member's load, and the best moves of other members onto the slot.
 *
 * @category model
 * @since 0.2.0
 */
export interface AssignmentExplanation {
  /** Discriminant. */
  readonly _tag: 'AssignmentExplanation'
  /** The slot. */
  readonly slot: SlotId
  /** Its member. */
  readonly member: MemberId
  /** The assignment's share of each of the seven terms. */
  readonly contribution: Terms
  /** The score change if this assignment alone were removed (after − before). */
  readonly marginal: Levels
  /** Pinned, the only candidate, or `null`. */
  readonly forced: Forced
  /** The member's load over time. */
  readonly load: Load
  /** The first moves of other members onto the slot, as {@link candidates} ranks them. */
  readonly alternatives: ReadonlyArray<Move>
}

/**
 * Every member ranked for one slot: valid moves by delta (filled, then soft, descending; then
 * member id), then blocked moves (by member id), then ineligible members, nearest first
 * (fewest failing requirements, then most free hours, then member id). `moves` holds the first
 * `k`; `counts` counts them all.
 *
 * @category model
 * @since 0.2.0
 */
export interface Candidates {
  /** Discriminant. */
  readonly _tag: 'Candidates'
  /** The slot. */
  readonly slot: SlotId
  /** Its member in the plan, or `null` when it is open. */
  readonly holder: MemberId | null
  /** How many members fall in each group. */
  readonly counts: {
    /** Members with a valid move (the holder included). */
    readonly valid: number
    /** Members whose move is blocked. */
    readonly blocked: number
    /** Members who may never fill the slot. */
    readonly ineligible: number
  }
  /** The first `k` of the ranking. */
  readonly moves: ReadonlyArray<Move>
}

/**
 * Why a member is not on a slot: `assigned` (it is), `ineligible` (no valid plan can: the
 * rule and its detail), `blocked` (this plan's pins or `apart` pairs stand in the way),
 * `worse` (the move would lower the score) or `notWorse` (the move would not lower it: a tie,
 * or an improvement this plan missed — possible in a hand-edited or unproven plan).
 *
 * @category model
 * @since 0.2.0
 */
export interface WhyNot {
  /** Discriminant. */
  readonly _tag: 'WhyNot'
  /** The answer. */
  readonly answer: 'assigned' | 'ineligible' | 'blocked' | 'worse' | 'notWorse'
  /** The member. */
  readonly member: MemberId
  /** The slot. */
  readonly slot: SlotId
  /** The move that would put the member there (`null` when assigned); its delta is re-evaluated from scratch. */
  readonly move: Move | null
}

/**
 * One reason of an unfilled slot (as the plan gives it) with the members counted under it,
 * nearest first (fewest failing requirements, then most free hours, then id), at most ten.
 *
 * @category model
 * @since 0.2.0
 */
export interface ReasonMembers {
  /** The rule. */
  readonly constraint: ReasonCode
  /** How many members it counts. */
  readonly count: number
  /** The binding requirement in words. */
  readonly detail: string
  /** The nearest members it counts (at most ten). */
  readonly members: ReadonlyArray<MemberId>
}

/**
 * The slot's hours cut from `from` to `to`: the named members could then take it.
 *
 * @category model
 * @since 0.2.0
 */
export interface HoursRelaxation {
  /** Discriminant. */
  readonly _tag: 'hours'
  /** The slot. */
  readonly slot: SlotId
  /** Its hours now. */
  readonly from: number
  /** Its hours after the cut. */
  readonly to: number
  /** Who could take the slot then. */
  readonly members: ReadonlyArray<MemberId>
}

/**
 * A member's quality raised from level `from` to `to`.
 *
 * @category model
 * @since 0.2.0
 */
export interface QualityRelaxation {
  /** Discriminant. */
  readonly _tag: 'quality'
  /** The member. */
  readonly member: MemberId
  /** The quality. */
  readonly quality: string
  /** The level now. */
  readonly from: QualityLevel
  /** The level needed. */
  readonly to: QualityLevel
  /** Who could take the slot then (the member). */
  readonly members: ReadonlyArray<MemberId>
}

/**
 * The request's unit dropped, so members of any unit may serve it.
 *
 * @category model
 * @since 0.2.0
 */
export interface UnitRelaxation {
  /** Discriminant. */
  readonly _tag: 'unit'
  /** The request. */
  readonly request: RequestId
  /** Its unit now. */
  readonly unit: string
  /** Who could take the slot then (the nearest ones checked, at most six). */
  readonly members: ReadonlyArray<MemberId>
}

/**
 * A member's exclusion from the request dropped.
 *
 * @category model
 * @since 0.2.0
 */
export interface ExclusionRelaxation {
  /** Discriminant. */
  readonly _tag: 'exclusion'
  /** The request. */
  readonly request: RequestId
  /** The excluded member. */
  readonly member: MemberId
  /** Who could take the slot then (the member). */
  readonly members: ReadonlyArray<MemberId>
}

/**
 * A member's availability window `from` extended by `days` days to `to`, covering the request.
 *
 * @category model
 * @since 0.2.0
 */
export interface AvailabilityRelaxation {
  /** Discriminant. */
  readonly _tag: 'availability'
  /** The member. */
  readonly member: MemberId
  /** The window now. */
  readonly from: Period
  /** The window extended. */
  readonly to: Period
  /** Days added. */
  readonly days: number
  /** Who could take the slot then (the member). */
  readonly members: ReadonlyArray<MemberId>
}

/**
 * A member's hours freed by leaving the named assignments: the move "member takes the slot".
 * It changes the plan, not the problem ({@link apply} returns the problem as it is).
 *
 * @category model
 * @since 0.2.0
 */
export interface MoveRelaxation {
  /** Discriminant. */
  readonly _tag: 'move'
  /** The member. */
  readonly member: MemberId
  /** The slots the member leaves, sorted by id. */
  readonly leaves: ReadonlyArray<SlotId>
  /** The score change of the move, after − before. */
  readonly delta: Levels
  /** Who could take the slot then (the member). */
  readonly members: ReadonlyArray<MemberId>
}

/**
 * A single change that would let at least one named member take an unfilled slot.
 *
 * @category model
 * @since 0.2.0
 */
export type Relaxation =
  | HoursRelaxation
  | QualityRelaxation
  | UnitRelaxation
  | ExclusionRelaxation
  | AvailabilityRelaxation
  | MoveRelaxation

/**
 * Why a slot is open: the plan's reasons with the members behind them, the single changes that
 * would fill it (kinds in the order hours, quality, unit, exclusion, availability, move; the
 * smallest first within a kind, at most three per kind), and the first candidates.
 *
 * @category model
 * @since 0.2.0
 */
export interface UnfilledExplanation {
  /** Discriminant. */
  readonly _tag: 'UnfilledExplanation'
  /** The slot. */
  readonly slot: SlotId
  /** The reasons in the plan's order, each with its members. */
  readonly reasons: ReadonlyArray<ReasonMembers>
  /** Single changes that would let a named member take the slot. */
  readonly relaxations: ReadonlyArray<Relaxation>
  /** The first moves of the slot's ranking ({@link candidates}). */
  readonly candidates: ReadonlyArray<Move>
}

/**
 * A whole plan explained: every assignment and every unfilled slot, by slot id.
 *
 * @category model
 * @since 0.2.0
 */
export interface Explanation {
  /** Discriminant. */
  readonly _tag: 'Explanation'
  /** Every assignment, by slot id. */
  readonly assignments: ReadonlyArray<AssignmentExplanation>
  /** Every unfilled slot, by slot id. */
  readonly unfilled: ReadonlyArray<UnfilledExplanation>
}

/**
 * Options of the explanations: `k`, the number of moves listed per slot (default 3).
 *
 * @category model
 * @since 0.2.0
 */
export interface Options {
  /** Moves listed per slot (an integer ≥ 0; default 3). */
  readonly k?: number
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Explains a whole plan: every assignment ({@link assignment}) and every unfilled slot
 * ({@link unfilled}), by slot id, with `k` moves per slot (default 3). The plan may be one from
 * `Solve.solve` or a hand-edited one from `Solve.planOf`; an assignment naming an unknown slot
 * or member, or a plan that breaks a hard constraint, is an issue at its path
 * (`plan.assignments[2].member`). The problem is compiled once and kept with it, so further
 * questions on the same problem and plan objects are fast.
 *
 * @example
 * import { decodeProblem, Explain, Sample, solve } from 'wendbaar'
 * const problem = decodeProblem(Sample.sampleProblemJson)
 * if (problem._tag === 'Right') {
 *   const why = Explain.explain(problem.right, solve(problem.right))
 *   if (why._tag === 'Right') JSON.stringify(Explain.encodeExplanation(why.right))
 * }
 *
 * @category constructors
 * @since 0.2.0
 */
export const explain = (
  problem: ValidProblem,
  plan: PlanLike,
  options: Options = {},
): E.Either<NonEmptyArray<Issue>, Explanation> =>
  E.chain((k: number) => E.map((ctx: Ctx) => explainAt(ctx, k))(contextOf(problem, plan, 'plan')))(
    kOf(options.k, 'options.k'),
  )

/**
 * Explains one assignment of the plan: its contribution to each term, its marginal value,
 * whether it was forced, the member's load and the `k` best moves of other members onto the
 * slot. An unknown or open slot is an issue at `slot`.
 *
 * @category constructors
 * @since 0.2.0
 */
export const assignment = (
  problem: ValidProblem,
  plan: PlanLike,
  slot: string,
  options: Options = {},
): E.Either<NonEmptyArray<Issue>, AssignmentExplanation> =>
  E.chain((k: number) =>
    E.chain(({ ctx, s }: { ctx: Ctx; s: number }) =>
      holderOf(ctx, s) < 0
        ? fail<AssignmentExplanation>(
            'slot',
            'reference',
            `slot ${slot} is open in the plan (see Explain.unfilled)`,
          )
        : E.right(assignmentAt(ctx, s, k, contributions(ctx))),
    )(withSlot(problem, plan, slot)),
  )(kOf(options.k, 'options.k'))

/**
 * Explains one unfilled slot: the plan's reasons with the members behind each, the
 * relaxations that would fill it, and its first `k` candidates. A filled or unknown slot is an
 * issue at `slot`.
 *
 * @category constructors
 * @since 0.2.0
 */
export const unfilled = (
  problem: ValidProblem,
  plan: PlanLike,
  slot: string,
  options: Options = {},
): E.Either<NonEmptyArray<Issue>, UnfilledExplanation> =>
  E.chain((k: number) =>
    E.chain(({ ctx, s }: { ctx: Ctx; s: number }) =>
      holderOf(ctx, s) >= 0
        ? fail<UnfilledExplanation>(
            'slot',
            'reference',
            `slot ${slot} is filled in the plan (see Explain.assignment)`,
          )
        : E.right(unfilledAt(ctx, s, k)),
    )(withSlot(problem, plan, slot)),
  )(kOf(options.k, 'options.k'))

/**
 * The move "member takes slot" on the plan: valid (its delta and the slots the member leaves),
 * blocked (what blocks it), or ineligible (the first rule the member fails). The holder's own
 * move is valid with delta 0.
 *
 * @category constructors
 * @since 0.2.0
 */
export const move = (
  problem: ValidProblem,
  plan: PlanLike,
  member: string,
  slot: string,
): E.Either<NonEmptyArray<Issue>, Move> =>
  E.map(({ ctx, m, s }: { ctx: Ctx; m: number; s: number }) => toMove(ctx, moveOf(ctx, m, s)))(
    withPair(problem, plan, member, slot),
  )

/**
 * Every member ranked for a slot (see {@link Candidates}), the first `k` listed (default:
 * all). The first candidate other than the holder is the best alternative to it.
 *
 * @category constructors
 * @since 0.2.0
 */
export const candidates = (
  problem: ValidProblem,
  plan: PlanLike,
  slot: string,
  k?: number,
): E.Either<NonEmptyArray<Issue>, Candidates> =>
  E.chain((n: number) =>
    E.map(({ ctx, s }: { ctx: Ctx; s: number }) => candidatesOf(ctx, s, n))(withSlot(problem, plan, slot)),
  )(k === undefined ? E.right(problem.members.length) : kOf(k, 'k'))

/**
 * Why a member is not on a slot ({@link WhyNot}): assigned, ineligible (proven: no valid plan
 * can), blocked, worse or not worse — the move's delta re-evaluated from scratch by the
 * evaluator. Unknown ids are issues at `member` and `slot`.
 *
 * @category constructors
 * @since 0.2.0
 */
export const whyNot = (
  problem: ValidProblem,
  plan: PlanLike,
  member: string,
  slot: string,
): E.Either<NonEmptyArray<Issue>, WhyNot> =>
  E.map(({ ctx, m, s }: { ctx: Ctx; m: number; s: number }) => whyNotAt(ctx, m, s))(
    withPair(problem, plan, member, slot),
  )

/**
 * Applies a relaxation to the problem (read back by the problem decoder, so the result is a
 * valid problem): the slot's hours cut, the quality raised, the request's unit dropped, the
 * exclusion dropped, the availability window extended. A move changes the plan, not the
 * problem: the problem comes back as it is. Ids the problem does not hold are issues at
 * `relaxation.member`, `relaxation.request` or `relaxation.slot`.
 *
 * @category combinators
 * @since 0.2.0
 */
export const apply = (
  problem: ValidProblem,
  relaxation: Relaxation,
): E.Either<NonEmptyArray<Issue>, ValidProblem> => applyRelaxation(problem, relaxation)

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

export {
  encodeAssignment,
  encodeCandidates,
  encodeExplanation,
  encodeMove,
  encodeRelaxation,
  encodeUnfilled,
  encodeWhyNot,
} from './internal/explainJson.js'

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/**
 * Readable lines, in Dutch (`nl`) or English (`en`), for any result of this module: an
 * assignment (who, pinned or chosen, the contribution per term, the cost of doing without,
 * the load and who is next), a move, a ranking, a why-not answer, an open slot (the reasons
 * with names, what would fill it, the nearest candidates), a relaxation, or a whole plan. Ids
 * are shown as they are; numbers with at most two decimals.
 *
 * @category utilities
 * @since 0.2.0
 */
export const toLines = (
  x: Explanation | AssignmentExplanation | UnfilledExplanation | Candidates | WhyNot | Move | Relaxation,
  lang: Language,
): ReadonlyArray<string> => {
  switch (x._tag) {
    case 'Explanation':
      return explanationLines(x, lang)
    case 'AssignmentExplanation':
      return assignmentLines(x, lang)
    case 'UnfilledExplanation':
      return unfilledLines(x, lang)
    case 'Candidates':
      return candidatesLines(x, lang)
    case 'WhyNot':
      return whyNotLines(x, lang)
    case 'Move':
      return [moveLine(x, lang)]
    default:
      return [relaxationLine(x, lang)]
  }
}
