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
import type { Model, TermNames } from './Model.js'
import { compact } from './internal/compact.js'
import { evaluateCompact, normalise, violation, violationsCompact } from './internal/score.js'

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
 * One broken hard constraint, in words.
 *
 * @category model
 * @since 0.1.0
 */
export interface Violation {
  /** Discriminant. */
  readonly _tag: 'Violation'
  /** Which constraint is broken. */
  readonly kind: ViolationKind
  /** What breaks it, naming slots, members and groups by id. */
  readonly message: string
}

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
export const evaluate = (model: Model): ((edges: ReadonlyArray<number>) => ModelScore) => {
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
export const violations = (model: Model): ((edges: ReadonlyArray<number>) => ReadonlyArray<Violation>) => {
  const c = compact(model)
  return (edges) => {
    const out: Array<Violation> = []
    const seen = new Uint8Array(c.nEdges)
    edges.forEach((e, i) => {
      if (!Number.isInteger(e) || e < 0 || e >= c.nEdges)
        out.push(violation('edge', `entry ${i} (${String(e)}) is not an edge of the model`))
      else if (seen[e]) out.push(violation('edge', `edge ${e} is chosen twice`))
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
export const isValid = (model: Model): ((edges: ReadonlyArray<number>) => boolean) => {
  const v = violations(model)
  return (edges) => v(edges).length === 0
}

/**
 * Compares two scores lexicographically (filled, then soft): negative when `a` is worse,
 * positive when better, 0 when equal.
 *
 * @category utilities
 * @since 0.1.0
 */
export const compareScore = (
  a: { readonly filled: number; readonly soft: number },
  b: { readonly filled: number; readonly soft: number },
): number => (a.filled !== b.filled ? a.filled - b.filled : a.soft - b.soft)
