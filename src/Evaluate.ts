/**
 * The one evaluator of wendbaar: the score of any set of chosen edges of a
 * {@link Model.Model}, and the hard constraints that set breaks. The solver's reported score,
 * the plan's score and the explanations all come from here, so they can never disagree.
 *
 * The score is the [scoring model](../docs/scoring.md#the-score) lifted to the generic model:
 * `filled` (the priority of the filled slots), then the edge terms, the category bonus, the pair
 * penalty and the overload penalty, summed in a fixed order so that equal inputs give
 * bit-identical scores. A {@link Violation} carries the indices and amounts that break the
 * constraint beside its message, so callers put it in their own words.
 *
 * @since 0.1.0
 * @module
 */
import * as Ord from 'fp-ts/lib/Ord.js'
import type { ValidModel } from './Model.js'
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
 * The two levels of a score, compared lexicographically: `filled` first, then `soft`.
 *
 * @category model
 * @since 0.2.0
 */
export interface Levels {
  /** Σ priority over filled slots. */
  readonly filled: number
  /** The soft score. */
  readonly soft: number
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
  | EdgeViolation
  | SlotViolation
  | EdgeFlagViolation
  | CapacityViolation
  | GroupViolation
  | ConflictViolation

/**
 * What every violation carries.
 *
 * @category model
 * @since 0.2.0
 */
export interface ViolationBase<K extends ViolationKind> {
  /** Discriminant. */
  readonly _tag: 'Violation'
  /** Which constraint is broken. */
  readonly kind: K
  /** What breaks it, naming slots, members and groups by id. */
  readonly message: string
}

/**
 * An entry of the list that is not an edge of the model, or repeats one.
 *
 * @category model
 * @since 0.2.0
 */
export interface EdgeViolation extends ViolationBase<'edge'> {
  /** Position of the entry in the list. */
  readonly entry: number
}

/**
 * A slot filled twice.
 *
 * @category model
 * @since 0.2.0
 */
export interface SlotViolation extends ViolationBase<'slot'> {
  /** The slot index. */
  readonly slot: number
  /** The two members filling it. */
  readonly members: readonly [number, number]
}

/**
 * A forced edge missing, or a forbidden edge chosen.
 *
 * @category model
 * @since 0.2.0
 */
export interface EdgeFlagViolation extends ViolationBase<'forced' | 'forbidden'> {
  /** The edge index. */
  readonly edge: number
}

/**
 * A member's load above its capacity at a time point.
 *
 * @category model
 * @since 0.2.0
 */
export interface CapacityViolation extends ViolationBase<'capacity'> {
  /** The member index. */
  readonly member: number
  /** The time point. */
  readonly point: number
  /** The member's load there. */
  readonly load: number
  /** The member's capacity. */
  readonly capacity: number
}

/**
 * A member holding more slots of a group than its limit.
 *
 * @category model
 * @since 0.2.0
 */
export interface GroupViolation extends ViolationBase<'group'> {
  /** The member index. */
  readonly member: number
  /** The group index. */
  readonly group: number
  /** Slots of the group the member holds. */
  readonly count: number
  /** The group's limit. */
  readonly limit: number
}

/**
 * Two conflicting members serving one group.
 *
 * @category model
 * @since 0.2.0
 */
export interface ConflictViolation extends ViolationBase<'conflict'> {
  /** The two members (`a < b`). */
  readonly members: readonly [number, number]
  /** The group index. */
  readonly group: number
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
export const compareScore = (a: Levels, b: Levels): number => compareWithin(a.filled, b.filled) || compareWithin(a.soft, b.soft)

/**
 * The order of scores as an fp-ts `Ord` ({@link compareScore}: worse before better), e.g. for
 * `ReadonlyArray.sort(OrdScore)` or `Ord.max(OrdScore)`.
 *
 * @category instances
 * @since 0.2.0
 */
export const OrdScore: Ord.Ord<Levels> = Ord.fromCompare((a, b) => {
  const d = compareScore(a, b)
  return d < 0 ? -1 : d > 0 ? 1 : 0
})
