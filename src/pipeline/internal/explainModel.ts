/**
 * The data of explanations — contributions, loads, moves and what blocks them, candidates,
 * answers to "why not", reasons with their members, relaxations — for the `Explain` namespace,
 * which re-exports them, and its internals, which build them.
 *
 * @since 0.1.0
 */
import type { Levels } from '../../model/Evaluate.js'
import type { IsoDate, Period } from '../../kernel/IsoDate.js'
import type { ReasonCode, Terms } from '../../staffing/Plan.js'
import type { MemberId, QualityLevel, RequestId, SlotId } from '../Problem.js'


// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A plan as the explanations read it: its assignments (a `Plan.Plan` from `Solve.solve` or
 * `Solve.planOf` is one).
 *
 * @category model
 * @since 0.1.0
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
 * @since 0.1.0
 */
export type Forced = 'pin' | 'only-candidate' | null

/**
 * A member's load in the plan: the slot hours active at each date where the load is above 0
 * (the dates where one of the member's candidate slots starts), the peak, and the lines to
 * read it against.
 *
 * @category model
 * @since 0.1.0
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
 * @since 0.1.0
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
 * @since 0.1.0
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
 * @since 0.1.0
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
 * @since 0.1.0
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
 * @since 0.1.0
 */
export type Move = ValidMove | BlockedMove | IneligibleMove

/**
 * Why one assignment: its share of each score term (the shares of all assignments add up to
 * the plan's terms), the score change if it alone were removed, whether it was forced, the
 * member's load, and the best moves of other members onto the slot.
 *
 * @category model
 * @since 0.1.0
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
 * @since 0.1.0
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
 * @since 0.1.0
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
 * @since 0.1.0
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
 * @since 0.1.0
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
 * @since 0.1.0
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
 * @since 0.1.0
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
 * @since 0.1.0
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
 * @since 0.1.0
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
 * @since 0.1.0
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
 * @since 0.1.0
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
 * @since 0.1.0
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
 * @since 0.1.0
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
 * @since 0.1.0
 */
export interface Options {
  /** Moves listed per slot (an integer ≥ 0; default 3). */
  readonly k?: number
}

