/**
 * The one evaluator of wendbaar: the score of any set of chosen edges of a {@link Model}, and
 * the hard constraints that set breaks. The solver's reported score, the plan's score and the
 * explanations all come from here, so they can never disagree.
 *
 * The score is DESIGN §7 lifted to the model:
 * - `filled` = Σ priority over slots with a chosen edge;
 * - `terms`, keyed by {@link TermNames}: each edge term summed over the chosen edges, then the
 *   category bonus (`categoryBonus` × Σ over groups of the number of distinct member categories
 *   serving it), the pair penalty (− Σ over groups of the weights of penalised pairs both
 *   serving it) and the overload penalty (− Σ over members of
 *   `overloadWeight · (max(0, base + peak − threshold) − max(0, base − threshold))`);
 * - `soft` = Σ terms, in that order.
 *
 * Sums run in a fixed order (ascending edge, slot, member index), so equal inputs give
 * bit-identical scores.
 *
 * @since 0.1.0
 */
import * as Ord from 'fp-ts/lib/Ord.js'
import type { TermNames, ValidModel } from './Model.js'
import { compact } from './internal/compact.js'
import { evaluateCompact, normalise, violationsCompact } from './internal/score.js'
import { compareWithin } from './internal/tolerance.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The score of a set of edges: `filled` first, then `soft` (compared lexicographically), with
 * `soft` broken down into its named, signed terms.
 *
 * @category model
 * @since 0.1.0
 */
export interface ModelScore {
  /** Σ priority over filled slots. */
  readonly filled: number
  /** Σ of the terms. */
  readonly soft: number
  /** Signed terms by name: the edge terms, then the category, pair (≤ 0) and overload (≤ 0) terms. */
  readonly terms: Readonly<Record<string, number>>
}

/**
 * The kinds of hard constraint a set of edges can break.
 *
 * - `edge`: an index that is not an edge of the model, or the same edge twice;
 * - `slot`: two edges on one slot;
 * - `capacity`: a member's load at a time point above its capacity;
 * - `group`: a member holding more slots of a group than its limit;
 * - `forced`: a forced edge missing;
 * - `forbidden`: a forbidden edge chosen;
 * - `conflict`: two conflicting members serving the same group.
 *
 * @category model
 * @since 0.1.0
 */
export type ViolationKind = 'slot' | 'edge' | 'capacity' | 'group' | 'forced' | 'forbidden' | 'conflict'

/**
 * One broken hard constraint: what breaks it as indices into the model (so an app can put it
 * in its own words) and a `message` naming slots, members and groups by id.
 *
 * - `edge`: entry `entry` of the list is not an edge of the model, or repeats one;
 * - `slot`: slot `slot` is filled by two edges (`members`);
 * - `forced` / `forbidden`: edge `edge` is missing / chosen;
 * - `capacity`: member `member` carries `load` at time point `point`, above `capacity`;
 * - `group`: member `member` holds `count` slots of group `group`, above `limit`;
 * - `conflict`: the conflicting `members` both serve group `group`.
 *
 * @category model
 * @since 0.1.0
 */
export type Violation =
  | ViolationOf<'edge', { readonly entry: number }>
  | ViolationOf<'slot', { readonly slot: number; readonly members: readonly [number, number] }>
  | ViolationOf<'forced' | 'forbidden', { readonly edge: number }>
  | ViolationOf<'capacity', { readonly member: number; readonly point: number; readonly load: number; readonly capacity: number }>
  | ViolationOf<'group', { readonly member: number; readonly group: number; readonly count: number; readonly limit: number }>
  | ViolationOf<'conflict', { readonly members: readonly [number, number]; readonly group: number }>

/**
 * A violation of kind `K` with its data `A`.
 *
 * @category model
 * @since 0.2.0
 */
export type ViolationOf<K extends ViolationKind, A> = {
  /** Discriminant. */
  readonly _tag: 'Violation'
  /** Which constraint is broken. */
  readonly kind: K
  /** What breaks it, naming slots, members and groups by id. */
  readonly message: string
} & A

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Scores a set of chosen edges (indices into `model.edges`, any order). Indices that are not
 * edges of the model are ignored, and an edge listed twice counts once; {@link violations}
 * reports both.
 *
 * @example
 * import { Evaluate } from 'wendbaar/solver'
 * const score = Evaluate.evaluate(model)([0, 3])
 * // score.filled, score.soft, score.terms.fit, …
 *
 * @category constructors
 * @since 0.1.0
 */
export const evaluate = (model: ValidModel): ((edges: ReadonlyArray<number>) => ModelScore) => {
  const c = compact(model)
  return (edges) => evaluateCompact(c, model.termNames, normalise(c, edges))
}

/**
 * Lists the hard constraints a set of chosen edges breaks (empty when the set is a valid
 * plan), in a fixed order: edge, slot, forced, forbidden, capacity, group, conflict.
 *
 * @category constructors
 * @since 0.1.0
 */
export const violations = (model: ValidModel): ((edges: ReadonlyArray<number>) => ReadonlyArray<Violation>) => {
  const c = compact(model)
  return (edges) => {
    const out: Array<Violation> = []
    const seen = new Uint8Array(c.nEdges)
    edges.forEach((e, i) => {
      if (!Number.isInteger(e) || e < 0 || e >= c.nEdges)
        out.push({ _tag: 'Violation', kind: 'edge', entry: i, message: `entry ${i} (${String(e)}) is not an edge of the model` })
      else if (seen[e]) out.push({ _tag: 'Violation', kind: 'edge', entry: i, message: `edge ${e} is chosen twice` })
      else seen[e] = 1
    })
    return out.concat(violationsCompact(c, model, normalise(c, edges)))
  }
}

/**
 * Whether a set of chosen edges is a valid plan (breaks no hard constraint).
 *
 * @category predicates
 * @since 0.1.0
 */
export const isValid = (model: ValidModel): ((edges: ReadonlyArray<number>) => boolean) => {
  const v = violations(model)
  return (edges) => v(edges).length === 0
}

/**
 * Compares two scores lexicographically — filled first, then soft — each equal within the
 * library's score tolerance (a relative 1e-9, so sums of the same terms in another order
 * compare equal): negative when `a` is worse, positive when better, 0 when equal.
 *
 * @category utilities
 * @since 0.1.0
 */
export const compareScore = (
  a: { readonly filled: number; readonly soft: number },
  b: { readonly filled: number; readonly soft: number },
): number => compareWithin(a.filled, b.filled) || compareWithin(a.soft, b.soft)

/**
 * The order of scores as an fp-ts `Ord` ({@link compareScore}: worse before better), e.g. for
 * `ReadonlyArray.sort(OrdScore)` or `Ord.max(OrdScore)`.
 *
 * @category instances
 * @since 0.2.0
 */
export const OrdScore: Ord.Ord<{ readonly filled: number; readonly soft: number }> = Ord.fromCompare((a, b) => {
  const d = compareScore(a, b)
  return d < 0 ? -1 : d > 0 ? 1 : 0
})
