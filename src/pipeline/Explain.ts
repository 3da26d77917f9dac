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
 * they are optimal. See the [explanations guide](../../docs/explanations.md).
 *
 * @since 0.1.0
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { NonEmptyArray } from 'fp-ts/lib/NonEmptyArray.js'
import type { Language } from '../classify/Assessment.js'
import type { Issue } from '../kernel/Issue.js'
import type { ValidProblem } from './Problem.js'
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
import { type AssignmentExplanation, type Candidates, type Explanation, type Move, type Options, type PlanLike, type Relaxation, type UnfilledExplanation, type WhyNot } from './internal/explainModel.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

export type {
  PlanLike,
  Forced,
  Load,
  Blocker,
  ValidMove,
  BlockedMove,
  IneligibleMove,
  Move,
  AssignmentExplanation,
  Candidates,
  WhyNot,
  ReasonMembers,
  HoursRelaxation,
  QualityRelaxation,
  UnitRelaxation,
  ExclusionRelaxation,
  AvailabilityRelaxation,
  MoveRelaxation,
  Relaxation,
  UnfilledExplanation,
  Explanation,
  Options,
} from './internal/explainModel.js'

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
 * From `examples/api.ts` (run in CI, its results checked):
 *
 * {@includeCode ../../examples/api.ts#explain}
 *
 * @category constructors
 * @since 0.1.0
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
 * @since 0.1.0
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
 * @since 0.1.0
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
 * @since 0.1.0
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
 * @since 0.1.0
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
 * @since 0.1.0
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
 * @since 0.1.0
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
 * @since 0.1.0
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
