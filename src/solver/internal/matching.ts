/**
 * The assignment core: models in which every member has room for one slot at most and no
 * team term couples the choices are weighted bipartite matchings, solved here exactly by
 * shortest augmenting paths (the Hungarian method with Jonker–Volgenant's row reduction).
 *
 * A member has room for one slot when, in the state of the forced edges, adding any one of
 * its usable edges leaves no room for any other: all of them in one group of limit 1, or all
 * covering a common time point with the two smallest hours together over the member's
 * capacity. Both are asked of the rulebook's {@link State} (its `block` on the tightest pair),
 * never re-derived. With only such members, no category bonus, pair penalty, overload or
 * conflict, a plan is a matching of slots to members over the edges the forced state can
 * take, worth Σ (priority, value) lexicographically — which the matching maximises.
 *
 * Each slot is one row; each member, and a private "unfilled" column per slot, is a column.
 * Costs are lexicographic pairs (−priority, −value), the unfilled column (0, 0); potentials
 * keep every reduced cost ≥ 0 and 0 on the matched pairs, so each slot's Dijkstra search
 * finds the best augmenting path. Slots whose best member is free at the start take it
 * directly (row reduction); the searches do the rest. Deterministic (slots in index order,
 * ties to the lower column), effort counted in steps (one per reduced cost or heap change).
 * The augmenting row reduction and the searches live in matchingAugment.ts.
 *
 * @internal
 * @since 0.1.0
 */
import type { Compact } from '../../model/internal/compact.js'
import { type State, NEG } from '../../model/internal/state.js'
import { type Matching, TOL, augmentingRowReduction, shortestAugmentingPaths } from './matchingAugment.js'

/**
 * Whether a model is an assignment core: no team terms (category bonus, pair penalties,
 * overload), no conflicts, and every member with room for one slot at most beside the forced
 * edges of `forced` (the state holding exactly them).
 *
 * @internal
 * @since 0.1.0
 */
export const isAssignmentCore = (c: Compact, forced: State): boolean => {
  if (!uncoupled(c)) return false
  for (let m = 0; m < c.nMembers; m++) if (!roomForOne(c, forced, m)) return false
  return true
}

/**
 * Whether no team term or conflict couples the members' choices (no category bonus, pair
 * penalty, overload weight or conflict): the cheap first test of {@link isAssignmentCore}.
 *
 * @internal
 * @since 0.1.0
 */
export const uncoupled = (c: Compact): boolean => {
  if (c.categoryBonus !== 0 || c.pairWeight.length > 0 || c.conflictAdj.length > 0) return false
  for (let m = 0; m < c.nMembers; m++) if (c.memberOverloadWeight[m] !== 0) return false
  return true
}

/**
 * Whether member `m` has room for one of its usable edges at most: it holds a forced edge
 * already and none of its edges fits besides, or all its usable edges share one group of
 * limit 1, or all cover a common time point and the two with the fewest hours do not fit
 * together — the state says so for that tightest pair.
 */
const roomForOne = (c: Compact, st: State, m: number): boolean => {
  let first = -1
  let second = -1
  let sameGroup = true
  let lo = -1
  let hi = Number.MAX_SAFE_INTEGER
  let usable = 0
  for (let k = c.memberEdgeStart[m]!, end = c.memberEdgeStart[m + 1]!; k < end; k++) {
    const e = c.memberEdges[k]!
    if (st.block(e) !== 'none') continue
    usable++
    if (first >= 0 && c.slotGroup[c.edgeSlot[e]!] !== c.slotGroup[c.edgeSlot[first]!]) sameGroup = false
    if (c.edgePointLo[e]! > lo) lo = c.edgePointLo[e]!
    if (c.edgePointHi[e]! < hi) hi = c.edgePointHi[e]!
    const h = c.edgeHours[e]!
    if (first < 0 || h < c.edgeHours[first]!) {
      second = first
      first = e
    } else if (second < 0 || h < c.edgeHours[second]!) second = e
  }
  if (usable <= 1) return true
  if (st.assigned[m]! > 0) return false
  const common = lo < hi
  if (!sameGroup && !common) return false
  // the tightest pair: once `first` is in, is `second` kept out by the group limit or capacity?
  st.add(first)
  const why = st.limits(second)
  st.remove(c.edgeSlot[first]!)
  return (why === 'group' && sameGroup) || (why === 'capacity' && common)
}

/**
 * What {@link assignmentCore} returns: the chosen edge per slot (−1: unfilled), and whether the
 * matching is complete (optimal) or was cut short by the budget (optimal over the slots it
 * reached, a warm start for the rest).
 *
 * @internal
 * @since 0.1.0
 */
export interface CoreResult {
  readonly slotEdge: Int32Array
  readonly complete: boolean
}

/**
 * Solves an assignment core (see {@link isAssignmentCore}) exactly, starting from `st` (the state
 * of the forced edges, which it fills); steps are added to `counter`, and the search stops
 * (incomplete) once they pass `budget`.
 *
 * @internal
 * @since 0.1.0
 */
export const assignmentCore = (c: Compact, st: State, budget: number, counter: { steps: number }): CoreResult => {
  const mt = matchingOf(c, st)
  counter.steps += c.nEdges
  const free = reduceRows(mt, st)
  counter.steps += mt.edgeOf.length
  const pending = counter.steps > budget ? free : augmentingRowReduction(mt, free, counter)
  const complete = shortestAugmentingPaths(mt, pending, budget, counter)
  commitMatching(mt, st)
  return { slotEdge: st.slotEdge, complete }
}

/** The empty matching of the open slots of `st` over their usable edges, potentials at zero. */
const matchingOf = (c: Compact, st: State): Matching => {
  const S = c.nSlots
  const M = c.nMembers
  const C = M + S // members, then one "unfilled" column per slot
  // the usable edges of each open slot, as CSR: member and value
  const start = new Int32Array(S + 1)
  const edgeOf: Array<number> = []
  for (let s = 0; s < S; s++) {
    if (st.slotEdge[s]! < 0)
      for (let k = c.slotEdgeStart[s]!, end = c.slotEdgeStart[s + 1]!; k < end; k++) {
        const e = c.slotEdges[k]!
        if (st.block(e) === 'none') edgeOf.push(e)
      }
    start[s + 1] = edgeOf.length
  }
  const E = edgeOf.length
  const col = new Int32Array(E)
  const costB = new Float64Array(E)
  for (let k = 0; k < E; k++) {
    const e = edgeOf[k]!
    col[k] = c.edgeMember[e]!
    costB[k] = -c.edgeValue[e]!
  }
  return {
    c,
    S,
    M,
    start,
    edgeOf,
    col,
    costB,
    uA: new Float64Array(S),
    uB: new Float64Array(S),
    vA: new Float64Array(C),
    vB: new Float64Array(C),
    rowCol: new Int32Array(S).fill(-1),
    colRow: new Int32Array(C).fill(-1),
    rowEdge: new Int32Array(S).fill(-1),
  }
}

/**
 * Row reduction: each open slot's best edge, taken when its member is free; a slot without a
 * usable edge takes its unfilled column. Returns the slots left free, in order.
 */
const reduceRows = (mt: Matching, st: State): Array<number> => {
  const { c, S, M, start, col, costB, uA, uB, rowCol, colRow, rowEdge } = mt
  const free: Array<number> = []
  for (let s = 0; s < S; s++) {
    if (st.slotEdge[s]! >= 0) continue
    let best = -1
    for (let k = start[s]!; k < start[s + 1]!; k++) if (best < 0 || costB[k]! < costB[best]! - TOL) best = k
    if (best < 0) {
      // no usable edge: the slot stays unfilled
      rowCol[s] = M + s
      colRow[M + s] = s
      continue
    }
    uA[s] = -c.slotPriority[s]!
    uB[s] = costB[best]!
    const m = col[best]!
    if (colRow[m]! < 0) {
      rowCol[s] = m
      colRow[m] = s
      rowEdge[s] = best
    } else free.push(s)
  }
  return free
}

/** Adds the matching's member edges to `st`, each asked of the state. */
const commitMatching = (mt: Matching, st: State): void => {
  for (let s = 0; s < mt.S; s++) {
    const k = mt.rowEdge[s]!
    if (mt.rowCol[s]! < 0 || mt.rowCol[s]! >= mt.M || k < 0) continue
    const e = mt.edgeOf[k]!
    if (st.slotEdge[s]! < 0 && st.evalAdd(e) !== NEG) st.add(e)
  }
}
