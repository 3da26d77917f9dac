/**
 * The work space of the member decomposition (decompose.ts): its multipliers, the arrays every
 * call reuses (no allocation per call), and the penalised pairs that may share a group.
 *
 * @internal
 * @since 0.1.0
 */
import type { Compact } from '../../model/internal/compact.js'

/**
 * A knapsack search bound to one work space: `(n, room, offset, counter, out) → size or −1`.
 *
 * @internal
 */
export type BoundAndBound = (n: number, R: number, off: number, counter: { steps: number }, out: { value: number }) => number

/**
 * Multipliers of the decomposition.
 *
 * @internal
 * @since 0.1.0
 */
export interface SlotMultipliers {
  /** Per slot. */
  readonly u: Float64Array
  /** Per (group, category) (soft only). */
  readonly sigma: Float64Array
  /** On `filled ≥ F` (soft only). */
  lambda: number
  /** Per {@link pairGroups} entry, in `[0, weight]` (soft only). */
  readonly mu: Float64Array
  /**
   * Slots every plan with `filled ≥ F` must fill (or null): their constraint is an equality, so
   * their multiplier may be negative, and a node leaving one without a feasible edge is infeasible.
   */
  free: Uint8Array | null
}

/**
 * Scratch space and outputs of {@link decompose}.
 *
 * @internal
 * @since 0.1.0
 */
export interface DecomposeWork {
  /** Per slot: how many members chose it in the last call (open slots only). */
  readonly chosenBy: Int32Array
  /** Per slot: how many still-feasible edges it has (open slots only). */
  readonly feasible: Int32Array
  /** Per (group, category): 1 when the bound took `max(0, B − σ)` for it. */
  readonly catUsed: Uint8Array
  /** Per (group, category): how many chosen edges took σ. */
  readonly catCount: Int32Array
  /** Σ priority of the chosen edges (with repetitions). */
  chosenPriority: number
  /** Per member: its chosen edges, `chosen[chosenStart[m] ..]`, `chosenLen[m]` of them. */
  readonly chosen: Int32Array
  readonly chosenLen: Int32Array
  // private scratch
  readonly items: Int32Array
  readonly vals: Float64Array
  /** Per item: the pair penalties its member pays on joining the item's group (soft only). */
  readonly pcs: Float64Array
  readonly suffix: Float64Array
  readonly pick: Int32Array
  readonly catMark: Int32Array
  stamp: number
  /** The (pair, group) triples of {@link pairGroups}. */
  readonly pg: PairGroups
  /** Per (member, group): the multipliers of its open pairs there (soft only). */
  readonly mgCost: Float64Array
  /** Per (member, group): the call's stamp when the member's chosen edges join the group. */
  readonly joined: Int32Array
  /**
   * The last full call's feasible edges per member (`cacheEdges[cacheStart[m] ..
   * cacheStart[m + 1]]`), with their fixed pair costs and whether joining their group is new
   * (`feasible` stays as that call left it): a call with `reuse` at the same state skips the
   * feasibility tests.
   */
  readonly cacheEdges: Int32Array
  readonly cacheStart: Int32Array
  readonly cachePc: Float64Array
  readonly cacheJoin: Uint8Array
  cacheSoft: boolean
  cacheValid: boolean
  /** {@link optimiseSlots}'s copies of the best multipliers. */
  readonly bestU: Float64Array
  readonly bestSigma: Float64Array
  readonly bestMu: Float64Array
  /** Knapsack scratch: per (member, group) item counts, the DP row and its take bits (grown on demand). */
  readonly mgCount: Int32Array
  dpVal: Float64Array
  dpTake: Uint8Array
  bbOrder: Int32Array
  bbH: Float64Array
  bbV: Float64Array
  bbPH: Float64Array
  bbPV: Float64Array
  bbPick: Int32Array
  bbR: Float64Array
  bb: BoundAndBound
  /** {@link pierceBound}'s scratch: items by last point, placed marks, one group's items. */
  readonly pOrd: Int32Array
  readonly pMark: Uint8Array
  readonly pList: Int32Array
}

/**
 * The penalised pairs that may share a group: for every pair `a < b` with a positive weight and
 * every group both have candidate slots in, the two (member, group) indices and the weight;
 * then likewise every conflicting pair, with weight `Infinity` (its multiplier is unbounded).
 *
 * @internal
 * @since 0.1.0
 */
export interface PairGroups {
  readonly ka: Int32Array
  readonly kb: Int32Array
  readonly weight: Float64Array
}

/**
 * Lists the {@link PairGroups} of a compact model (pairs in member order, groups ascending).
 *
 * @internal
 * @since 0.1.0
 */
export const pairGroups = (c: Compact): PairGroups => {
  const ka: Array<number> = []
  const kb: Array<number> = []
  const weight: Array<number> = []
  const add = (a: number, b: number, wt: number): void => {
    let i = c.memberGroupStart[a]!
    let k = c.memberGroupStart[b]!
    const ie = c.memberGroupStart[a + 1]!
    const ke = c.memberGroupStart[b + 1]!
    while (i < ie && k < ke) {
      const ga = c.memberGroups[i]!
      const gb = c.memberGroups[k]!
      if (ga < gb) i++
      else if (gb < ga) k++
      else {
        ka.push(i++)
        kb.push(k++)
        weight.push(wt)
      }
    }
  }
  for (let a = 0; a < c.nMembers; a++)
    for (let j = c.pairStart[a]!; j < c.pairStart[a + 1]!; j++) {
      const b = c.pairAdj[j]!
      const wt = c.pairWeight[j]!
      if (b > a && wt > 0) add(a, b, wt)
    }
  // a conflicting pair never shares a group: 0 ≤ ν·(1 − joins a − joins b) for any ν ≥ 0
  for (let a = 0; a < c.nMembers; a++)
    for (let j = c.conflictStart[a]!; j < c.conflictStart[a + 1]!; j++) {
      const b = c.conflictAdj[j]!
      if (b > a) add(a, b, Infinity)
    }
  return { ka: Int32Array.from(ka), kb: Int32Array.from(kb), weight: Float64Array.from(weight) }
}
