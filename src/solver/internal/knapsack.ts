/**
 * The member subproblem as a plain 0/1 knapsack, when it is one (no overload penalty or pair
 * cost, one time-point range, integer hours, group limits out of reach — e.g. the generalized
 * assignment problem): solved exactly by a bound-and-bound search (value per hour order,
 * Dantzig bound), or past its cap by a DP over the integer room. Capacity is the rulebook's:
 * the room is the largest integer load within it by the one hours comparison.
 *
 * @internal
 * @since 0.1.0
 */
import type { Compact } from '../../model/internal/compact.js'
import type { State } from '../../model/internal/state.js'
import { HOURS_TOLERANCE, fitsHours, hoursLimit } from '../../kernel/internal/tolerance.js'
import type { BoundAndBound, DecomposeWork } from './work.js'

/** Largest DP table (items × capacity) the knapsack path takes on. */
const DP_CELLS = 1 << 20

/** Most nodes of the knapsack's bound-and-bound search before it hands over to the DP. */
const BB_CAP = 2000

/** A guard on the room's upward search: no capacity in hours comes near it. */
const ROOM_MAX = 1e9

/** The state of one work space's bound-and-bound search, shared by every call. */
interface KnapsackSearch {
  readonly w: DecomposeWork
  /** Items of this call. */
  n: number
  /** Where the best subset is written in `w.chosen`. */
  off: number
  /** The best value so far and its subset's size. */
  best: number
  bestLen: number
  /** Items taken on the current path (in `w.bbPick`). */
  depth: number
  /** Nodes visited; past {@link BB_CAP} the search gives up (`over`). */
  visits: number
  over: boolean
}

/**
 * Exact 0/1 knapsack over `w.items[0 ..< n]` (values `w.vals`, integer hours) with room `R`, by
 * depth-first search in order of value per hour (ties by edge id) pruned by the Dantzig bound.
 * Writes the best subset to `w.chosen[off ..]` and its value to `out`; returns its size, or −1
 * past {@link BB_CAP} nodes.
 */
export const boundAndBound = (c: Compact, w: DecomposeWork): BoundAndBound => {
  const ks: KnapsackSearch = { w, n: 0, off: 0, best: 0, bestLen: 0, depth: 0, visits: 0, over: false }
  return (nItems, R, offset, counter, out) => {
    ks.n = nItems
    ks.off = offset
    growOrder(w, nItems)
    sortByRatio(c, w, nItems)
    counter.steps += 2 * nItems
    prefixSums(w, nItems)
    ks.best = 0
    ks.bestLen = 0
    ks.depth = 0
    ks.visits = 0
    ks.over = false
    branch(ks, 0, 0, R)
    counter.steps += 2 * ks.visits
    if (ks.over) return -1
    out.value = ks.best
    return ks.bestLen
  }
}

/** Grows the search's per-item arrays to hold `n` items. */
const growOrder = (w: DecomposeWork, n: number): void => {
  if (w.bbOrder.length >= n) return
  w.bbOrder = new Int32Array(n)
  w.bbH = new Float64Array(n)
  w.bbV = new Float64Array(n)
  w.bbR = new Float64Array(n)
  w.bbPH = new Float64Array(n + 1)
  w.bbPV = new Float64Array(n + 1)
  w.bbPick = new Int32Array(n)
}

/** The items in `w.bbOrder` (hours `w.bbH`, values `w.bbV`) by value per hour, hours 0 first, ties by edge id (insertion sort). */
const sortByRatio = (c: Compact, w: DecomposeWork, n: number): void => {
  const items = w.items
  const vals = w.vals
  const ord = w.bbOrder
  const H = w.bbH
  const V = w.bbV
  const Q = w.bbR
  for (let j = 0; j < n; j++) {
    const e = items[j]!
    const h = c.edgeHours[e]!
    const v = vals[j]!
    const q = h === 0 ? Infinity : v / h
    let i = j
    while (i > 0 && (Q[i - 1]! < q || (Q[i - 1] === q && ord[i - 1]! > e))) {
      ord[i] = ord[i - 1]!
      H[i] = H[i - 1]!
      V[i] = V[i - 1]!
      Q[i] = Q[i - 1]!
      i--
    }
    ord[i] = e
    H[i] = h
    V[i] = v
    Q[i] = q
  }
}

/** Prefix sums of the sorted hours (`w.bbPH`) and values (`w.bbPV`). */
const prefixSums = (w: DecomposeWork, n: number): void => {
  const PH = w.bbPH
  const PV = w.bbPV
  PH[0] = 0
  PV[0] = 0
  for (let i = 0; i < n; i++) {
    PH[i + 1] = PH[i]! + w.bbH[i]!
    PV[i + 1] = PV[i]! + w.bbV[i]!
  }
}

/** The search node at sorted item i with value `val` and room left: records a better subset, prunes by the bound, takes item i, then leaves it. */
const branch = (ks: KnapsackSearch, i: number, val: number, room: number): void => {
  const w = ks.w
  if (++ks.visits > BB_CAP) {
    ks.over = true
    return
  }
  if (val > ks.best) {
    ks.best = val
    ks.bestLen = ks.depth
    for (let d = 0; d < ks.depth; d++) w.chosen[ks.off + d] = w.bbPick[d]!
  }
  if (i >= ks.n) return
  if (dantzigBound(w, ks.n, i, val, room) <= ks.best) return
  const h = w.bbH[i]!
  if (h <= room) {
    w.bbPick[ks.depth++] = w.bbOrder[i]!
    branch(ks, i + 1, val + w.bbV[i]!, room - h)
    ks.depth--
    if (ks.over) return
  }
  branch(ks, i + 1, val, room)
}

/** Dantzig's bound from sorted item i on: the items in order while they fit the room, then a fraction of the next. */
const dantzigBound = (w: DecomposeWork, n: number, i: number, val: number, room: number): number => {
  const PH = w.bbPH
  const PV = w.bbPV
  let a = i
  let b = n
  while (a < b) {
    const mid = (a + b + 1) >> 1
    if (PH[mid]! - PH[i]! <= room) a = mid
    else b = mid - 1
  }
  let ub = val + PV[a]! - PV[i]!
  if (a < n) ub += ((room - (PH[a]! - PH[i]!)) * w.bbV[a]!) / w.bbH[a]!
  return ub
}

/**
 * The member subproblem as a plain 0/1 knapsack, when it is one: no overload penalty, no pair
 * costs, every item on the same time-point range, integer hours and room, and no group limit
 * that the items could reach. Solves it exactly — by the bound-and-bound search, or past its
 * cap by a DP over the remaining capacity (ties kept by the first item order) — and writes the
 * chosen items to `w.chosen[off ..]`; returns the chosen count, or −1 when the subproblem is
 * not such a knapsack (or too large).
 */
export const knapsack = (
  c: Compact,
  st: State,
  m: number,
  n: number,
  w: DecomposeWork,
  off: number,
  counter: { steps: number },
  out: { value: number },
): number => {
  if (!isPlainKnapsack(c, st, n, w)) return -1
  const R = integerRoom(c, st, m, w.items[0]!)
  if (R === null) return -1
  if (R < 0) {
    out.value = 0
    return 0
  }
  // first a bound-and-bound search (items by value per hour, Dantzig bound); past its cap, the DP
  const bb = w.bb(n, R, off, counter, out)
  if (bb >= 0) return bb
  if ((R + 1) * n > DP_CELLS) return -1
  return knapsackDp(c, w, n, R, off, counter, out)
}

/** Whether the items form a plain knapsack: no pair cost, one time-point range, integer hours ≥ 0, every group's items under its remaining limit. */
const isPlainKnapsack = (c: Compact, st: State, n: number, w: DecomposeWork): boolean => {
  const items = w.items
  const pcs = w.pcs
  const e0 = items[0]!
  const lo = c.edgePointLo[e0]!
  const hi = c.edgePointHi[e0]!
  for (let i = 0; i < n; i++) {
    const e = items[i]!
    if (pcs[i] !== 0 || c.edgePointLo[e] !== lo || c.edgePointHi[e] !== hi || !Number.isInteger(c.edgeHours[e]!) || c.edgeHours[e]! < 0) return false
  }
  // group limits: every group's items must fit under its remaining limit
  for (let i = 0; i < n; i++) w.mgCount[c.edgeMemberGroup[items[i]!]!] = 0
  for (let i = 0; i < n; i++) {
    const k = c.edgeMemberGroup[items[i]!]!
    const cnt = ++w.mgCount[k]!
    if (st.mg[k]! + cnt > c.groupLimit[c.slotGroup[c.edgeSlot[items[i]!]!]!]!) return false
  }
  return true
}

/**
 * The largest integer room R of member m over edge e0's time points, with its peak load plus R
 * within capacity by the rulebook's hours comparison: −1 when none fits, null when the load is
 * not an integer (or the room not finite).
 */
const integerRoom = (c: Compact, st: State, m: number, e0: number): number | null => {
  const cap = c.memberCapacity[m]!
  let used = 0
  for (let p = c.edgePointLo[e0]!, hi = c.edgePointHi[e0]!; p < hi; p++) if (st.load[p]! > used) used = st.load[p]!
  let R = Math.floor(cap - used + HOURS_TOLERANCE)
  if (!Number.isFinite(R) || !Number.isInteger(used)) return null
  while (R >= 0 && !fitsHours(used + R, cap)) R--
  while (fitsHours(used + R + 1, cap) && R < ROOM_MAX) R++
  return R < 0 ? -1 : R
}

/** The knapsack by a DP over the integer room 0..R (ties kept by the first item order); writes the chosen items to `w.chosen[off ..]`, returns their count. */
const knapsackDp = (
  c: Compact,
  w: DecomposeWork,
  n: number,
  R: number,
  off: number,
  counter: { steps: number },
  out: { value: number },
): number => {
  const items = w.items
  const width = R + 1
  if (w.dpVal.length < width) w.dpVal = new Float64Array(width)
  if (w.dpTake.length < width * n) w.dpTake = new Uint8Array(width * n)
  const dp = w.dpVal
  const take = w.dpTake
  dp.fill(0, 0, width)
  counter.steps += n * width
  const vals = w.vals
  for (let i = 0; i < n; i++) {
    const h = c.edgeHours[items[i]!]!
    const v = vals[i]!
    const row = i * width
    take.fill(0, row, row + width)
    for (let r = R; r >= h; r--) {
      const nv = dp[r - h]! + v
      if (nv > dp[r]!) {
        dp[r] = nv
        take[row + r] = 1
      }
    }
  }
  out.value = dp[R]!
  let r = R
  let len = 0
  for (let i = n - 1; i >= 0; i--)
    if (take[i * width + r]) {
      w.chosen[off + len++] = items[i]!
      r -= c.edgeHours[items[i]!]!
    }
  return len
}

/**
 * An upper bound on member `m`'s best subset of `w.items[0 ..< n]` (values `w.vals`) under its
 * capacity over time at the state's loads, for a subproblem whose search hit its cap: the items
 * are split into groups that each share one time point (a piercing of their point ranges,
 * greedily by last point), and each group is bounded by the fractional knapsack at its point's
 * room (value per hour order). Every subset's items in one group fit that point's room, so the
 * sum over groups bounds it; the overload penalty, pair costs and group limits only lower a
 * subset's value and are left out. Uses `w.pOrd`, `w.pMark`, `w.pList`.
 *
 * @internal
 * @since 0.1.0
 */
export const pierceBound = (c: Compact, st: State, m: number, n: number, w: DecomposeWork, counter: { steps: number }): number => {
  const items = w.items
  const vals = w.vals
  const ord = w.pOrd
  const list = w.pList
  sortByLastPoint(c, w, n)
  w.pMark.fill(0, 0, n)
  const lim = hoursLimit(c.memberCapacity[m]!)
  let total = 0
  let steps = n
  for (let k = 0; k < n; k++) {
    const i0 = ord[k]!
    if (w.pMark[i0]) continue
    // the group of every unplaced item covering the first open item's last point
    const p = c.edgePointHi[items[i0]!]! - 1
    const len = pierceGroup(c, w, n, k, p)
    steps += (n - k) + len * len
    let room = lim - st.load[p]!
    for (let x = 0; x < len; x++) {
      const i = list[x]!
      const h = c.edgeHours[items[i]!]!
      if (h <= room) {
        total += vals[i]!
        room -= h
      } else {
        if (room > 0) total += (vals[i]! * room) / h
        break
      }
    }
  }
  counter.steps += steps
  return total
}

/** The item positions in `w.pOrd` by last time point (insertion sort, ties by position). */
const sortByLastPoint = (c: Compact, w: DecomposeWork, n: number): void => {
  const items = w.items
  const ord = w.pOrd
  for (let j = 0; j < n; j++) {
    const hj = c.edgePointHi[items[j]!]!
    let i = j
    while (i > 0 && c.edgePointHi[items[ord[i - 1]!]!]! > hj) {
      ord[i] = ord[i - 1]!
      i--
    }
    ord[i] = j
  }
}

/**
 * Marks every unmarked item from `w.pOrd[k]` on that covers time point p and lists it in
 * `w.pList` by value per hour (hours 0 first, ties by position); returns how many.
 */
const pierceGroup = (c: Compact, w: DecomposeWork, n: number, k: number, p: number): number => {
  const items = w.items
  const vals = w.vals
  const ord = w.pOrd
  const mark = w.pMark
  const list = w.pList
  let len = 0
  for (let q = k; q < n; q++) {
    const i = ord[q]!
    if (mark[i] || c.edgePointLo[items[i]!]! > p) continue
    mark[i] = 1
    // insert by value per hour (hours 0 first), ties by position
    const h = c.edgeHours[items[i]!]!
    const r = h === 0 ? Infinity : vals[i]! / h
    let x = len++
    while (x > 0) {
      const y = list[x - 1]!
      const hy = c.edgeHours[items[y]!]!
      const ry = hy === 0 ? Infinity : vals[y]! / hy
      if (ry > r || (ry === r && y < i)) break
      list[x] = y
      x--
    }
    list[x] = i
  }
  return len
}
