/**
 * The member subproblems of the decomposition bound (decompose.ts): each member's feasible
 * edges at the node (cached between calls at the same node), its items of positive value at
 * the multipliers, its best subset — by the knapsack when it is one (knapsack.ts), else by a
 * depth-first search best first, pruned by the sum of the remaining values and capped — and
 * the record of its choice for the subgradient.
 *
 * @internal
 * @since 0.1.0
 */
import { type Compact, overloadOf } from '../../model/internal/compact.js'
import type { State } from '../../model/internal/state.js'
import { knapsack, pierceBound } from './knapsack.js'
import type { DecomposeWork, SlotMultipliers } from './work.js'

/** Most search nodes per member and call; beyond, the member adds an upper bound instead (see {@link searchMember}). */
const DFS_CAP = 4096

/**
 * One call of the decomposition bound (decompose.ts): its inputs, the bound as it adds up,
 * and the member search's state.
 *
 * @internal
 * @since 0.1.0
 */
export interface Relaxation {
  readonly c: Compact
  readonly st: State
  readonly closed: Uint8Array
  readonly x: SlotMultipliers
  readonly soft: boolean
  readonly w: DecomposeWork
  readonly counter: { steps: number }
  /** This call's stamp (`w.stamp`). */
  readonly stamp: number
  /** Whether the feasible edges cached by the previous call are reused. */
  readonly cached: boolean
  /** The multiplier of `filled ≥ F` (0 for the filled bound). */
  readonly lambda: number
  /** The bound so far. */
  total: number
  /** Entries written to the feasible-edge cache so far. */
  nc: number
  // ---- the member's subset search
  /** The member searched and its item count (`w.items[0 ..< n]`). */
  m: number
  n: number
  /** Its overload at the state's peak, and whether its overload counts (soft, a weight). */
  over0: number
  hasOver: boolean
  /** The best subset value found and its size (in `w.chosen[off ..]`). */
  best: number
  bestLen: number
  /** Items on the current path (in `w.pick`), and nodes visited. */
  depth: number
  visits: number
  /** Where the member's choice goes in `w.chosen`. */
  off: number
  /** The knapsack's value. */
  readonly kOut: { value: number }
}

/**
 * Adds member m's best subset (or, past the search's cap, an upper bound on it) to the bound
 * and records its choice.
 *
 * @internal
 * @since 0.1.0
 */
export const addMember = (r: Relaxation, m: number): void => {
  const w = r.w
  if (!r.cached) cacheFeasibleEdges(r, m)
  else r.counter.steps += w.cacheStart[m + 1]! - w.cacheStart[m]!
  const n = collectItems(r, m)
  w.chosenLen[m] = 0
  if (n === 0) return
  searchMember(r, m, n)
  recordChoice(r, m)
  r.off += r.bestLen
}

/** Caches member m's feasible edges at this state, with their fixed pair costs, and counts them per slot. */
const cacheFeasibleEdges = (r: Relaxation, m: number): void => {
  const { c, st, closed, soft, w } = r
  // the member's feasible edges at this state, with their fixed pair costs
  const a = c.memberEdgeStart[m]!
  const b = c.memberEdgeStart[m + 1]!
  r.counter.steps += b - a
  w.cacheStart[m] = r.nc
  for (let j = a; j < b; j++) {
    const e = c.memberEdges[j]!
    const s = c.edgeSlot[e]!
    if (st.slotEdge[s]! >= 0 || closed[s] || c.edgeForbidden[e] || !st.fits(e)) continue
    w.feasible[s] = w.feasible[s]! + 1
    // joining the group costs the pair penalties with the partners already serving it
    let pc = 0
    const join =
      soft &&
      st.mg[c.edgeMemberGroup[e]!] === 0 &&
      (c.pairStart[m + 1]! > c.pairStart[m]! || c.conflictStart[m + 1]! > c.conflictStart[m]!)
    if (join) {
      const g = c.slotGroup[s]!
      pc = st.pairsIn(m, g)
    }
    w.cacheEdges[r.nc] = e
    w.cachePc[r.nc] = pc
    w.cacheJoin[r.nc] = join ? 1 : 0
    r.nc++
  }
  w.cacheStart[m + 1] = r.nc
}

/**
 * Member m's items: its cached edges of positive value at the multipliers, in `w.items`,
 * `w.vals`, `w.pcs`, by value (ties by edge id; insertion sort, few items); returns how many.
 * A category bonus the member could earn first adds its unpriced part `max(0, B − σ)`.
 */
const collectItems = (r: Relaxation, m: number): number => {
  const { c, st, x, soft, w, stamp, lambda } = r
  const { items, vals, pcs } = w
  let n = 0
  for (let j = w.cacheStart[m]!; j < w.cacheStart[m + 1]!; j++) {
    const e = w.cacheEdges[j]!
    const s = c.edgeSlot[e]!
    let v: number
    if (soft) {
      v = c.edgeValue[e]! + lambda * c.slotPriority[s]! - x.u[s]!
      const k = c.edgeGroupCat[e]!
      if (k >= 0 && st.gc[k] === 0) {
        v += x.sigma[k]!
        if (w.catMark[k] !== stamp) {
          w.catMark[k] = stamp
          const y = c.categoryBonus - x.sigma[k]!
          if (y > 0) {
            r.total += y
            w.catUsed[k] = 1
          }
        }
      }
    } else v = c.slotPriority[s]! - x.u[s]!
    if (v <= 0) continue
    const pc = w.cacheJoin[j] && x.mu.length > 0 ? w.cachePc[j]! + w.mgCost[c.edgeMemberGroup[e]!]! : w.cachePc[j]!
    let i = n++
    while (i > 0 && (vals[i - 1]! < v || (vals[i - 1] === v && items[i - 1]! > e))) {
      vals[i] = vals[i - 1]!
      items[i] = items[i - 1]!
      pcs[i] = pcs[i - 1]!
      i--
    }
    vals[i] = v
    items[i] = e
    pcs[i] = pc
  }
  return n
}

/**
 * Member m's best subset of its n items: the knapsack when it is one, else the depth-first
 * search. A member whose search hit the cap adds an upper bound instead — the sum of its
 * positive values or the piercing bound of its capacity over time, the smaller (its recorded
 * choice is only the best subset seen, for the subgradient).
 */
const searchMember = (r: Relaxation, m: number, n: number): void => {
  const { c, st, soft, w } = r
  const suffix = w.suffix
  suffix[n] = 0
  for (let i = n - 1; i >= 0; i--) suffix[i] = suffix[i + 1]! + w.vals[i]!
  r.m = m
  r.n = n
  const peak0 = st.peak[m]!
  r.over0 = soft ? overloadOf(c, m, peak0) : 0
  r.hasOver = soft && c.memberOverloadWeight[m]! > 0
  r.best = 0
  r.bestLen = 0
  r.depth = 0
  r.visits = 0
  const kl = r.hasOver ? -1 : knapsack(c, st, m, n, w, r.off, r.counter, r.kOut)
  if (kl >= 0) {
    r.best = r.kOut.value
    r.bestLen = kl
  } else searchSubsets(r, 0, 0, peak0)
  r.total += r.visits > DFS_CAP ? Math.max(r.best, Math.min(suffix[0]!, pierceBound(c, st, m, n, w, r.counter))) : r.best
}

/**
 * The member subproblem's depth-first search over subsets of the items from `from` on, at
 * value `val` and peak load `peak` so far: each item tried at the tentative loads (the
 * rulebook's group limit and capacity over time), pruned by the sum of the remaining values.
 */
const searchSubsets = (r: Relaxation, from: number, val: number, peak: number): void => {
  const { c, st, w } = r
  const { items, vals, pcs, suffix, pick } = w
  r.counter.steps++
  if (++r.visits > DFS_CAP) return
  const cur = r.hasOver ? val - (overloadOf(c, r.m, peak) - r.over0) : val
  if (cur > r.best) {
    r.best = cur
    r.bestLen = r.depth
    for (let i = 0; i < r.depth; i++) w.chosen[r.off + i] = pick[i]!
  }
  if (cur + suffix[from]! <= r.best) return
  for (let i = from; i < r.n; i++) {
    if (cur + suffix[i]! <= r.best) return
    const e = items[i]!
    const k = c.edgeMemberGroup[e]!
    // the rulebook's group limit and capacity over time, at the tentative loads
    if (!st.groupRoom(e)) continue
    const reach = st.reach(e)
    if (reach < 0) continue
    const np = reach > peak ? reach : peak
    const h = c.edgeHours[e]!
    const lo = c.edgePointLo[e]!
    const hi = c.edgePointHi[e]!
    const nv = val + vals[i]! - (st.mg[k] === 0 ? pcs[i]! : 0)
    for (let p = lo; p < hi; p++) st.load[p] = st.load[p]! + h
    st.mg[k] = st.mg[k]! + 1
    pick[r.depth++] = e
    searchSubsets(r, i + 1, nv, np)
    r.depth--
    st.mg[k] = st.mg[k]! - 1
    for (let p = lo; p < hi; p++) st.load[p] = st.load[p]! - h
  }
}

/** Records member m's chosen subset: its slots' counts, priority, groups joined and (soft) categories served. */
const recordChoice = (r: Relaxation, m: number): void => {
  const { c, st, soft, w } = r
  w.chosenLen[m] = r.bestLen
  for (let i = 0; i < r.bestLen; i++) {
    const e = w.chosen[r.off + i]!
    const s = c.edgeSlot[e]!
    w.chosenBy[s] = w.chosenBy[s]! + 1
    w.chosenPriority += c.slotPriority[s]!
    w.joined[c.edgeMemberGroup[e]!] = r.stamp
    if (soft) {
      const k = c.edgeGroupCat[e]!
      if (k >= 0 && st.gc[k] === 0) w.catCount[k] = w.catCount[k]! + 1
    }
  }
}
