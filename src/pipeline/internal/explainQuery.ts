/**
 * The questions of the `Explain` module on a plan's context: ids checked into indices, and the
 * answers assembled from the state's moves, terms and open slots.
 *
 * @internal
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type { NonEmptyArray } from 'fp-ts/lib/NonEmptyArray.js'
import { compareScore } from '../../model/Evaluate.js'
import type {
  AssignmentExplanation,
  Explanation,
  PlanLike,
  UnfilledExplanation,
  ValidMove,
  WhyNot,
} from './explainModel.js'
import { issue, type Issue } from '../../kernel/Issue.js'
import type { Terms } from '../../staffing/Plan.js'
import type { MemberId, SlotId, ValidProblem } from '../Problem.js'
import { bestMoves, moveOf, reevaluated, toMove } from './explainMove.js'
import { contextOf, type Ctx, holderOf, memberId, slotId } from './explainState.js'
import { contributions, forcedOf, loadOf, marginalOf } from './explainTerms.js'
import { openSlot } from './explainUnfilled.js'

/** An answer, or the issues with their paths. @internal */
export type Result<A> = E.Either<NonEmptyArray<Issue>, A>

/** One issue. @internal */
export const fail = <A>(path: string, code: Issue['code'], message: string): Result<A> =>
  E.left([issue(path, code, message)])

/** The `k` of the options: an integer ≥ 0, 3 when absent. */
export const kOf = (k: unknown, path: string): Result<number> =>
  k === undefined
    ? E.right(3)
    : typeof k === 'number' && Number.isSafeInteger(k) && k >= 0
    ? E.right(k)
    : fail(path, 'range', 'expected an integer >= 0')

/** The context of a plan, and the index of a slot id. */
export const withSlot = (
  problem: ValidProblem,
  plan: PlanLike,
  slot: string,
): Result<{ ctx: Ctx; s: number }> =>
  E.chain((ctx: Ctx): Result<{ ctx: Ctx; s: number }> => {
    const s = ctx.compiled.slotIndex.get(slot as SlotId)
    return s === undefined
      ? fail('slot', 'reference', `unknown slot ${JSON.stringify(slot)}`)
      : E.right({ ctx, s })
  })(contextOf(problem, plan, 'plan'))

/** The context, a member index and a slot index. */
export const withPair = (
  problem: ValidProblem,
  plan: PlanLike,
  member: string,
  slot: string,
): Result<{ ctx: Ctx; m: number; s: number }> =>
  E.chain(({ ctx, s }: { ctx: Ctx; s: number }): Result<{ ctx: Ctx; m: number; s: number }> => {
    const m = ctx.compiled.memberIndex.get(member as MemberId)
    return m === undefined
      ? fail('member', 'reference', `unknown member ${JSON.stringify(member)}`)
      : E.right({ ctx, m, s })
  })(withSlot(problem, plan, slot))

/** One assignment explained. @internal */
export const assignmentAt = (
  ctx: Ctx,
  s: number,
  k: number,
  terms: ReadonlyMap<number, Terms>,
): AssignmentExplanation => {
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

/** One open slot explained. @internal */
export const unfilledAt = (ctx: Ctx, s: number, k: number): UnfilledExplanation => ({
  _tag: 'UnfilledExplanation',
  slot: slotId(ctx, s),
  ...openSlot(ctx, s),
  candidates: bestMoves(ctx, s, k),
})

/** The whole plan explained, by slot id. @internal */
export const explainAt = (ctx: Ctx, k: number): Explanation => {
  const terms = contributions(ctx)
  const assignments: Array<AssignmentExplanation> = []
  const open: Array<UnfilledExplanation> = []
  for (let s = 0; s < ctx.c.nSlots; s++)
    if (holderOf(ctx, s) >= 0) assignments.push(assignmentAt(ctx, s, k, terms))
    else open.push(unfilledAt(ctx, s, k))
  return { _tag: 'Explanation', assignments, unfilled: open }
}

/** Why member `m` is not on slot `s`; a valid move's delta re-evaluated from scratch. @internal */
export const whyNotAt = (ctx: Ctx, m: number, s: number): WhyNot => {
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
      return {
        ...ids,
        answer: compareScore(delta, { filled: 0, soft: 0 }) < 0 ? 'worse' : 'notWorse',
        move: moved,
      }
    }
  }
}
