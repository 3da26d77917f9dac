/**
 * An incremental partial assignment over a {@link Compact}: which edge fills each slot, the
 * member loads at their time points, the (member, group) and (group, category) counters and
 * each member's peak — with O(degree) feasibility tests and exact soft deltas for adding or
 * removing one edge.
 *
 * @internal
 * @since 0.1.0
 */
import type { Compact } from './compact.js'
import { adjIndex, overloadOf, withinCapacity } from './compact.js'

/**
 * A mutable partial assignment.
 *
 * @internal
 * @since 0.1.0
 */
export interface State {
  readonly c: Compact
  /** Edge filling each slot, or −1. */
  readonly slotEdge: Int32Array
  /** Load per (member, point), aligned with `c.memberPoints`. */
  readonly load: Float64Array
  /** Slots held per (member, group), aligned with `c.memberGroups`. */
  readonly mg: Int32Array
  /** Members serving per (group, category), aligned with `c.groupCats`. */
  readonly gc: Int32Array
  /** Peak load per member. */
  readonly peak: Float64Array
  /** Filled priority so far. */
  filled: number
  /** Soft value so far (incrementally maintained; the evaluator has the last word). */
  soft: number
  /** Number of filled slots. */
  size: number
}

/**
 * An empty assignment.
 *
 * @internal
 * @since 0.1.0
 */
export const emptyState = (c: Compact): State => ({
  c,
  slotEdge: new Int32Array(c.nSlots).fill(-1),
  load: new Float64Array(c.memberPoints.length),
  mg: new Int32Array(c.memberGroups.length),
  gc: new Int32Array(c.groupCats.length),
  peak: new Float64Array(c.nMembers),
  filled: 0,
  soft: 0,
  size: 0,
})

/**
 * Whether member `m` serves group `g` (holds one of its slots).
 *
 * @internal
 * @since 0.1.0
 */
export const serves = (st: State, m: number, g: number): boolean => {
  const k = adjIndex(st.c.memberGroupStart, st.c.memberGroups, m, g)
  return k >= 0 && st.mg[k]! > 0
}

/**
 * Whether edge `e` can be added without breaking a hard constraint (ignoring the slot being
 * filled already only if `ignoreSlot`).
 *
 * @internal
 * @since 0.1.0
 */
export const canAdd = (st: State, e: number): boolean => {
  const c = st.c
  if (c.edgeForbidden[e]) return false
  if (st.slotEdge[c.edgeSlot[e]!]! >= 0) return false
  return fits(st, e)
}

/**
 * Whether edge `e` fits the member's capacity, group limit and conflicts (slot occupancy and
 * the forbidden flag not checked).
 *
 * @internal
 * @since 0.1.0
 */
export const fits = (st: State, e: number): boolean => {
  const c = st.c
  const m = c.edgeMember[e]!
  const k = c.edgeMemberGroup[e]!
  const g = c.slotGroup[c.edgeSlot[e]!]!
  if (st.mg[k]! >= c.groupLimit[g]!) return false
  const h = c.edgeHours[e]!
  const cap = c.memberCapacity[m]!
  if (h > 0) for (let p = c.edgePointLo[e]!; p < c.edgePointHi[e]!; p++) if (!withinCapacity(st.load[p]! + h, cap)) return false
  if (st.mg[k] === 0) {
    for (let j = c.conflictStart[m]!; j < c.conflictStart[m + 1]!; j++) if (serves(st, c.conflictAdj[j]!, g)) return false
  }
  return true
}

/**
 * The change of soft value if edge `e` were added.
 *
 * @internal
 * @since 0.1.0
 */
export const addDelta = (st: State, e: number): number => {
  const c = st.c
  const m = c.edgeMember[e]!
  let d = c.edgeValue[e]!
  const gcK = c.edgeGroupCat[e]!
  if (gcK >= 0 && st.gc[gcK] === 0) d += c.categoryBonus
  if (st.mg[c.edgeMemberGroup[e]!] === 0) {
    const g = c.slotGroup[c.edgeSlot[e]!]!
    for (let j = c.pairStart[m]!; j < c.pairStart[m + 1]!; j++) if (serves(st, c.pairAdj[j]!, g)) d -= c.pairWeight[j]!
  }
  if (c.memberOverloadWeight[m]! > 0) {
    const h = c.edgeHours[e]!
    let np = st.peak[m]!
    for (let p = c.edgePointLo[e]!; p < c.edgePointHi[e]!; p++) if (st.load[p]! + h > np) np = st.load[p]! + h
    d -= overloadOf(c, m, np) - overloadOf(c, m, st.peak[m]!)
  }
  return d
}

/**
 * Adds edge `e` (caller checked {@link canAdd}); returns the soft delta applied.
 *
 * @internal
 * @since 0.1.0
 */
export const add = (st: State, e: number): number => {
  const c = st.c
  const d = addDelta(st, e)
  const m = c.edgeMember[e]!
  const s = c.edgeSlot[e]!
  st.slotEdge[s] = e
  const h = c.edgeHours[e]!
  let np = st.peak[m]!
  for (let p = c.edgePointLo[e]!; p < c.edgePointHi[e]!; p++) {
    const l = st.load[p]! + h
    st.load[p] = l
    if (l > np) np = l
  }
  st.peak[m] = np
  const k = c.edgeMemberGroup[e]!
  st.mg[k] = st.mg[k]! + 1
  const gcK = c.edgeGroupCat[e]!
  if (gcK >= 0) st.gc[gcK] = st.gc[gcK]! + 1
  st.filled += c.slotPriority[s]!
  st.soft += d
  st.size++
  return d
}

/**
 * Removes edge `e` (which must be in the assignment); returns the soft delta applied (≤ or ≥ 0).
 *
 * @internal
 * @since 0.1.0
 */
export const remove = (st: State, e: number): number => {
  const c = st.c
  const m = c.edgeMember[e]!
  const s = c.edgeSlot[e]!
  st.slotEdge[s] = -1
  const h = c.edgeHours[e]!
  for (let p = c.edgePointLo[e]!; p < c.edgePointHi[e]!; p++) st.load[p] = st.load[p]! - h
  const oldPeak = st.peak[m]!
  let np = 0
  for (let p = c.memberPointStart[m]!; p < c.memberPointStart[m + 1]!; p++) if (st.load[p]! > np) np = st.load[p]!
  st.peak[m] = np
  const k = c.edgeMemberGroup[e]!
  st.mg[k] = st.mg[k]! - 1
  const gcK = c.edgeGroupCat[e]!
  if (gcK >= 0) st.gc[gcK] = st.gc[gcK]! - 1
  // the delta of removing = −(delta of adding back to the reduced state)
  let d = -c.edgeValue[e]!
  if (gcK >= 0 && st.gc[gcK] === 0) d -= c.categoryBonus
  if (st.mg[k] === 0) {
    const g = c.slotGroup[s]!
    for (let j = c.pairStart[m]!; j < c.pairStart[m + 1]!; j++) if (serves(st, c.pairAdj[j]!, g)) d += c.pairWeight[j]!
  }
  d += overloadOf(c, m, oldPeak) - overloadOf(c, m, np)
  st.filled -= c.slotPriority[s]!
  st.soft += d
  st.size--
  return d
}

/**
 * The chosen edges, ascending.
 *
 * @internal
 * @since 0.1.0
 */
export const chosenEdges = (st: State): Int32Array => {
  const out = new Int32Array(st.size)
  let k = 0
  for (let s = 0; s < st.c.nSlots; s++) if (st.slotEdge[s]! >= 0) out[k++] = st.slotEdge[s]!
  return out.sort()
}
