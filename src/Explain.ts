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
import { compareScore, type Levels } from './Evaluate.js'
import type { IsoDate, Period } from './IsoDate.js'
import { issue, type Issue } from './Issue.js'
import type { ReasonCode, Terms } from './Plan.js'
import type { MemberId, QualityLevel, RequestId, SlotId, ValidProblem } from './Problem.js'
import { bestMoves, candidatesOf, moveOf, reevaluated, toMove } from './internal/explainMove.js'
import { contextOf, type Ctx, holderOf, memberId, slotId } from './internal/explainState.js'
import { contributions, forcedOf, loadOf, marginalOf } from './internal/explainTerms.js'
import { applyRelaxation, openSlot } from './internal/explainUnfilled.js'
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
  readonly assignments: ReadonlyArray<{ readonly slot: string; readonly member: string }>
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
  readonly points: ReadonlyArray<{ readonly date: IsoDate; readonly hours: number }>
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
  | { readonly _tag: 'pin'; readonly member: MemberId; readonly slot: SlotId }
  | { readonly _tag: 'apart'; readonly member: MemberId; readonly slots: ReadonlyArray<SlotId> }

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
  readonly counts: { readonly valid: number; readonly blocked: number; readonly ineligible: number }
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
  /** Who could take the slot then (the nearest, at most ten). */
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

type Result<A> = E.Either<NonEmptyArray<Issue>, A>

const fail = <A>(path: string, code: Issue['code'], message: string): Result<A> => E.left([issue(path, code, message)])

/** The `k` of the options: an integer ≥ 0, 3 when absent. */
const kOf = (k: unknown, path: string): Result<number> =>
  k === undefined ? E.right(3) : typeof k === 'number' && Number.isSafeInteger(k) && k >= 0 ? E.right(k) : fail(path, 'range', 'expected an integer >= 0')

/** The context of a plan, and the index of a slot id. */
const withSlot = (problem: ValidProblem, plan: PlanLike, slot: string): Result<{ ctx: Ctx; s: number }> =>
  E.chain((ctx: Ctx): Result<{ ctx: Ctx; s: number }> => {
    const s = ctx.compiled.slotIndex.get(slot as SlotId)
    return s === undefined ? fail('slot', 'reference', `unknown slot ${JSON.stringify(slot)}`) : E.right({ ctx, s })
  })(contextOf(problem, plan, 'plan'))

/** The context, a member index and a slot index. */
const withPair = (problem: ValidProblem, plan: PlanLike, member: string, slot: string): Result<{ ctx: Ctx; m: number; s: number }> =>
  E.chain(({ ctx, s }: { ctx: Ctx; s: number }): Result<{ ctx: Ctx; m: number; s: number }> => {
    const m = ctx.compiled.memberIndex.get(member as MemberId)
    return m === undefined ? fail('member', 'reference', `unknown member ${JSON.stringify(member)}`) : E.right({ ctx, m, s })
  })(withSlot(problem, plan, slot))

const assignmentAt = (ctx: Ctx, s: number, k: number, terms: ReadonlyMap<number, Terms>): AssignmentExplanation => {
  const m = holderOf(ctx, s)
  return {
    _tag: 'AssignmentExplanation',
    slot: slotId(ctx, s),
    member: memberId(ctx, m),
    contribution: terms.get(s) as Terms,
    marginal: marginalOf(ctx, s),
    forced: forcedOf(ctx, s),
    load: loadOf(ctx, m),
    alternatives: bestMoves(ctx, s, k, m),
  }
}

const unfilledAt = (ctx: Ctx, s: number, k: number): UnfilledExplanation => ({
  _tag: 'UnfilledExplanation',
  slot: slotId(ctx, s),
  ...openSlot(ctx, s),
  candidates: bestMoves(ctx, s, k),
})

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
export const explain = (problem: ValidProblem, plan: PlanLike, options: Options = {}): Result<Explanation> =>
  E.chain((k: number) =>
    E.map((ctx: Ctx): Explanation => {
      const terms = contributions(ctx)
      const assignments: Array<AssignmentExplanation> = []
      const open: Array<UnfilledExplanation> = []
      for (let s = 0; s < ctx.c.nSlots; s++)
        if (holderOf(ctx, s) >= 0) assignments.push(assignmentAt(ctx, s, k, terms))
        else open.push(unfilledAt(ctx, s, k))
      return { _tag: 'Explanation', assignments, unfilled: open }
    })(contextOf(problem, plan, 'plan')),
  )(kOf(options.k, 'options.k'))

/**
 * Explains one assignment of the plan: its contribution to each term, its marginal value,
 * whether it was forced, the member's load and the `k` best moves of other members onto the
 * slot. An unknown or open slot is an issue at `slot`.
 *
 * @category constructors
 * @since 0.2.0
 */
export const assignment = (problem: ValidProblem, plan: PlanLike, slot: string, options: Options = {}): Result<AssignmentExplanation> =>
  E.chain((k: number) =>
    E.chain(({ ctx, s }: { ctx: Ctx; s: number }) =>
      holderOf(ctx, s) < 0
        ? fail<AssignmentExplanation>('slot', 'reference', `slot ${slot} is open in the plan (see Explain.unfilled)`)
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
export const unfilled = (problem: ValidProblem, plan: PlanLike, slot: string, options: Options = {}): Result<UnfilledExplanation> =>
  E.chain((k: number) =>
    E.chain(({ ctx, s }: { ctx: Ctx; s: number }) =>
      holderOf(ctx, s) >= 0
        ? fail<UnfilledExplanation>('slot', 'reference', `slot ${slot} is filled in the plan (see Explain.assignment)`)
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
export const move = (problem: ValidProblem, plan: PlanLike, member: string, slot: string): Result<Move> =>
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
export const candidates = (problem: ValidProblem, plan: PlanLike, slot: string, k?: number): Result<Candidates> =>
  E.chain((n: number) => E.map(({ ctx, s }: { ctx: Ctx; s: number }) => candidatesOf(ctx, s, n))(withSlot(problem, plan, slot)))(
    k === undefined ? E.right(problem.members.length) : kOf(k, 'k'),
  )

/**
 * Why a member is not on a slot ({@link WhyNot}): assigned, ineligible (proven: no valid plan
 * can), blocked, worse or not worse — the move's delta re-evaluated from scratch by the
 * evaluator. Unknown ids are issues at `member` and `slot`.
 *
 * @category constructors
 * @since 0.2.0
 */
export const whyNot = (problem: ValidProblem, plan: PlanLike, member: string, slot: string): Result<WhyNot> =>
  E.map(({ ctx, m, s }: { ctx: Ctx; m: number; s: number }): WhyNot => {
    const x = moveOf(ctx, m, s)
    const ids = { _tag: 'WhyNot' as const, member: memberId(ctx, m), slot: slotId(ctx, s) }
    switch (x.kind) {
      case 'held':
        return { ...ids, answer: 'assigned', move: null }
      case 'ineligible':
        return { ...ids, answer: 'ineligible', move: toMove(ctx, x) }
      case 'blocked':
        return { ...ids, answer: 'blocked', move: toMove(ctx, x) }
      case 'valid': {
        const delta = reevaluated(ctx, x.slot, x.edge, x.leaves)
        const moved: ValidMove = { ...(toMove(ctx, x) as ValidMove), delta }
        return { ...ids, answer: compareScore(delta, { filled: 0, soft: 0 }) < 0 ? 'worse' : 'notWorse', move: moved }
      }
    }
  })(withPair(problem, plan, member, slot))

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
export const apply = (problem: ValidProblem, relaxation: Relaxation): Result<ValidProblem> =>
  applyRelaxation(problem, relaxation)

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

const encodeTerms = (t: Terms): unknown => ({
  fit: t.fit,
  preference: t.preference,
  learning: t.learning,
  continuity: t.continuity,
  diversity: t.diversity,
  rotation: t.rotation,
  balance: t.balance,
})

const encodeLevels = (d: Levels): unknown => ({ filled: d.filled, soft: d.soft })

/**
 * Encodes a move as JSON: `{ member, slot, status }`, then `delta` and `displaced` (valid),
 * `blockedBy` as `{ kind: 'pin', member, slot }` or `{ kind: 'apart', member, slots }`
 * (blocked), or `constraint` and `detail` (ineligible).
 *
 * @category codecs
 * @since 0.2.0
 */
export const encodeMove = (x: Move): unknown => {
  const head = { member: x.member, slot: x.slot, status: x.status }
  switch (x.status) {
    case 'valid':
      return { ...head, delta: encodeLevels(x.delta), displaced: [...x.displaced] }
    case 'blocked':
      return {
        ...head,
        blockedBy: x.blockedBy.map((b) =>
          b._tag === 'pin' ? { kind: 'pin', member: b.member, slot: b.slot } : { kind: 'apart', member: b.member, slots: [...b.slots] },
        ),
      }
    case 'ineligible':
      return { ...head, constraint: x.constraint, detail: x.detail }
  }
}

/**
 * Encodes a relaxation as JSON: `{ kind, … }` with the fields of its kind (`hours`: slot,
 * from, to; `quality`: member, quality, from, to; `unit`: request, unit; `exclusion`: request,
 * member; `availability`: member, from, to (windows), days; `move`: member, leaves, delta),
 * then `members`.
 *
 * @category codecs
 * @since 0.2.0
 */
export const encodeRelaxation = (x: Relaxation): unknown => {
  const members = [...x.members]
  switch (x._tag) {
    case 'hours':
      return { kind: x._tag, slot: x.slot, from: x.from, to: x.to, members }
    case 'quality':
      return { kind: x._tag, member: x.member, quality: x.quality, from: x.from, to: x.to, members }
    case 'unit':
      return { kind: x._tag, request: x.request, unit: x.unit, members }
    case 'exclusion':
      return { kind: x._tag, request: x.request, member: x.member, members }
    case 'availability':
      return { kind: x._tag, member: x.member, from: { ...x.from }, to: { ...x.to }, days: x.days, members }
    case 'move':
      return { kind: x._tag, member: x.member, leaves: [...x.leaves], delta: encodeLevels(x.delta), members }
  }
}

/**
 * Encodes one assignment's explanation as JSON: `{ slot, member, contribution, marginal,
 * forced, load, alternatives }`.
 *
 * @category codecs
 * @since 0.2.0
 */
export const encodeAssignment = (x: AssignmentExplanation): unknown => ({
  slot: x.slot,
  member: x.member,
  contribution: encodeTerms(x.contribution),
  marginal: encodeLevels(x.marginal),
  forced: x.forced,
  load: {
    member: x.load.member,
    committed: x.load.committed,
    capacity: x.load.capacity,
    comfort: x.load.comfort,
    peak: x.load.peak,
    points: x.load.points.map((p) => ({ date: p.date, hours: p.hours })),
  },
  alternatives: x.alternatives.map(encodeMove),
})

/**
 * Encodes an unfilled slot's explanation as JSON: `{ slot, reasons: [{ constraint, count,
 * detail, members }], relaxations, candidates }`.
 *
 * @category codecs
 * @since 0.2.0
 */
export const encodeUnfilled = (x: UnfilledExplanation): unknown => ({
  slot: x.slot,
  reasons: x.reasons.map((r) => ({ constraint: r.constraint, count: r.count, detail: r.detail, members: [...r.members] })),
  relaxations: x.relaxations.map(encodeRelaxation),
  candidates: x.candidates.map(encodeMove),
})

/**
 * Encodes a whole explanation as JSON: `{ assignments: [{ slot, member, contribution,
 * marginal, forced, alternatives }], unfilled: [{ slot, reasons, relaxations, candidates }] }`
 * (the load is left to {@link encodeAssignment}). Keys in a fixed order, so the text is
 * byte-stable.
 *
 * @category codecs
 * @since 0.2.0
 */
export const encodeExplanation = (x: Explanation): unknown => ({
  assignments: x.assignments.map((a) => ({
    slot: a.slot,
    member: a.member,
    contribution: encodeTerms(a.contribution),
    marginal: encodeLevels(a.marginal),
    forced: a.forced,
    alternatives: a.alternatives.map(encodeMove),
  })),
  unfilled: x.unfilled.map(encodeUnfilled),
})

/**
 * Encodes a ranking as JSON: `{ slot, holder, counts: { valid, blocked, ineligible }, moves }`.
 *
 * @category codecs
 * @since 0.2.0
 */
export const encodeCandidates = (x: Candidates): unknown => ({
  slot: x.slot,
  holder: x.holder,
  counts: { valid: x.counts.valid, blocked: x.counts.blocked, ineligible: x.counts.ineligible },
  moves: x.moves.map(encodeMove),
})

/**
 * Encodes an answer of {@link whyNot} as JSON: `{ member, slot, answer, move }`.
 *
 * @category codecs
 * @since 0.2.0
 */
export const encodeWhyNot = (x: WhyNot): unknown => ({
  member: x.member,
  slot: x.slot,
  answer: x.answer,
  move: x.move === null ? null : encodeMove(x.move),
})

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
