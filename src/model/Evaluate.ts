/**
 * The one evaluator of wendbaar: the score of any set of chosen edges of a
 * {@link Model.Model}, and the hard constraints that set breaks. The solver's reported score,
 * the plan's score and the explanations all come from here, so they can never disagree.
 *
 * The score is the [scoring model](../../docs/scoring.md#the-score) lifted to the generic model:
 * `filled` (the priority of the filled slots), then the edge terms, the category bonus, the pair
 * penalty and the overload penalty, summed in a fixed order so that equal inputs give
 * bit-identical scores. A {@link Violation} carries the indices and amounts that break the
 * constraint beside its message, so callers put it in their own words.
 *
 * @since 0.1.0
 * @module
 */
import * as Ord from 'fp-ts/lib/Ord.js'
import type { Levels, ModelScore, ValidModel, Violation } from './internal/types.js'
import { compactOf } from './internal/compact.js'
import { evaluateCompact, normalise, violationsCompact } from './internal/score.js'
import { compareWithin } from '../kernel/internal/tolerance.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

export type {
  ModelScore,
  Levels,
  ViolationKind,
  Violation,
  ViolationBase,
  EdgeViolation,
  SlotViolation,
  EdgeFlagViolation,
  CapacityViolation,
  GroupViolation,
  ConflictViolation,
} from './internal/types.js'
import { deepFreeze } from '../kernel/internal/freeze.js'


// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Scores a set of chosen edges (indices into `model.edges`, any order). Indices that are not
 * edges of the model are ignored, and an edge listed twice counts once; {@link violations}
 * reports both.
 *
 * From `examples/api.ts` (run in CI, its results checked):
 *
 * {@includeCode ../../examples/api.ts#evaluate}
 *
 * @category constructors
 * @since 0.1.0
 */
export const evaluate = (model: ValidModel): ((edges: ReadonlyArray<number>) => ModelScore) => {
  const c = compactOf(model)
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
  const c = compactOf(model)
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
 * @since 0.1.0
 */
export const OrdScore: Ord.Ord<Levels> = deepFreeze(Ord.fromCompare((a, b) => {
  const d = compareScore(a, b)
  return d < 0 ? -1 : d > 0 ? 1 : 0
}))
