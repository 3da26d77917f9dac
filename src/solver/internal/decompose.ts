/**
 * The member-decomposition bound: Lagrangian relaxation of "at most one member per slot".
 *
 * With a multiplier `u_s ≥ 0` per open slot, the problem splits per member: each member picks
 * the best subset of its still-feasible edges on open slots — its own capacity at every time
 * point, its group limits and its overload penalty kept exactly — at values
 * `value − u_s` (soft: `value + λ·priority + σ − u_s`, σ pricing the category bonus as in
 * lagrange.ts; filled: `priority − u_s`). The bound is
 * `partial + Σ_open u_s + Σ_members best subset (+ Σ max(0, B − σ) − λ·(F − filled))`.
 * A member joining a group pays (exactly) the pair penalties with the partners already serving
 * it in the partial assignment. A penalised pair neither of whom serves the group yet is priced
 * by a multiplier `μ ∈ [0, weight]`: `−weight·[both join] ≤ μ·(1 − joins a − joins b)`, so the
 * bound gains `μ` and each member pays `μ` on joining. A conflicting pair likewise gets a
 * multiplier `ν ≥ 0` (`0 ≤ ν·(1 − joins a − joins b)`).
 * Any `u, σ, λ ≥ 0` gives a valid bound, so the root's multipliers stay valid at every node.
 *
 * Each member's subset is found by a depth-first search over its positive-value edges, best
 * first, pruned by the sum of the remaining values; a member has few candidate edges and room
 * for few of them, so this stays small. When the subproblem is a plain 0/1 knapsack (no
 * overload penalty or pair cost, one time-point range, integer hours, group limits out of
 * reach — e.g. the generalized assignment problem), it is solved exactly instead by a
 * bound-and-bound search (value per hour order, Dantzig bound), or past its cap by a DP over
 * the integer room.
 *
 * @internal
 * @since 0.1.0
 */
import { type Compact, overloadOf } from '../../model/internal/compact.js'
import type { State } from '../../model/internal/state.js'
import { boundAndBound, knapsack, pierceBound } from './knapsack.js'
import type { DecomposeWork, SlotMultipliers } from './work.js'
import { pairGroups } from './work.js'
import { ROOT_SOFT_THETA } from './tuning.js'

export type { DecomposeWork, SlotMultipliers } from './work.js'

/** Most search nodes per member and call; beyond, the member's bound falls back to Σ of its positive values. */
const DFS_CAP = 4096

/** The (empty, never written) multipliers of a bound without pairs. */
const NO_MU = new Float64Array(0)

/**
 * Allocates the work space.
 *
 * @internal
 * @since 0.1.0
 */
export const decomposeWork = (c: Compact): DecomposeWork => {
  let maxDeg = 0
  for (let m = 0; m < c.nMembers; m++) maxDeg = Math.max(maxDeg, c.memberEdgeStart[m + 1]! - c.memberEdgeStart[m]!)
  const pg = pairGroups(c)
  const w: DecomposeWork = {
    chosenBy: new Int32Array(c.nSlots),
    feasible: new Int32Array(c.nSlots),
    catUsed: new Uint8Array(c.groupCats.length),
    catCount: new Int32Array(c.groupCats.length),
    chosenPriority: 0,
    chosen: new Int32Array(c.nEdges),
    chosenLen: new Int32Array(c.nMembers),
    items: new Int32Array(maxDeg),
    vals: new Float64Array(maxDeg),
    pcs: new Float64Array(maxDeg),
    suffix: new Float64Array(maxDeg + 1),
    pick: new Int32Array(maxDeg),
    catMark: new Int32Array(c.groupCats.length).fill(-1),
    stamp: 0,
    pg,
    mgCost: new Float64Array(c.memberGroups.length),
    joined: new Int32Array(c.memberGroups.length),
    cacheEdges: new Int32Array(c.nEdges),
    cacheStart: new Int32Array(c.nMembers + 1),
    cachePc: new Float64Array(c.nEdges),
    cacheJoin: new Uint8Array(c.nEdges),
    cacheSoft: false,
    cacheValid: false,
    bestU: new Float64Array(c.nSlots),
    bestSigma: new Float64Array(c.groupCats.length),
    bestMu: new Float64Array(pg.weight.length),
    mgCount: new Int32Array(c.memberGroups.length),
    dpVal: new Float64Array(0),
    dpTake: new Uint8Array(0),
    bbOrder: new Int32Array(0),
    bbH: new Float64Array(0),
    bbV: new Float64Array(0),
    bbPH: new Float64Array(0),
    bbPV: new Float64Array(0),
    bbPick: new Int32Array(0),
    bbR: new Float64Array(0),
    bb: () => -1,
    pOrd: new Int32Array(maxDeg),
    pMark: new Uint8Array(maxDeg),
    pList: new Int32Array(maxDeg),
  }
  w.bb = boundAndBound(c, w)
  return w
}

/**
 * Zero-ish starting multipliers: `u_s` = the best value on slot `s` (so the first bound is the
 * separable one), σ = B, λ = 0.
 *
 * @internal
 * @since 0.1.0
 */
export const initialSlotMultipliers = (c: Compact, soft: boolean): SlotMultipliers => {
  const u = new Float64Array(c.nSlots)
  for (let s = 0; s < c.nSlots; s++) {
    let best = 0
    for (let j = c.slotEdgeStart[s]!; j < c.slotEdgeStart[s + 1]!; j++) {
      const e = c.slotEdges[j]!
      const v = soft ? c.edgeValue[e]! + (c.edgeGroupCat[e]! >= 0 ? c.categoryBonus : 0) : c.slotPriority[s]!
      if (v > best) best = v
    }
    u[s] = best
  }
  const mu = new Float64Array(soft ? pairGroups(c).weight.length : 0)
  return { u, sigma: new Float64Array(c.groupCats.length).fill(c.categoryBonus), lambda: 0, mu, free: null }
}

/**
 * The decomposition bound at state `st` (slots filled or `closed` are not open). `F` is the
 * filled level the soft bound is conditioned on. Fills `w` (choices, counts). Counts work in
 * `counter.steps`. With `reuse`, the state (`st`, `closed`, the forbidden flags) must be the
 * one of the previous call with the same `soft`, whose feasible edges are reused.
 *
 * @internal
 * @since 0.1.0
 */
export const decompose = (
  c: Compact,
  st: State,
  closed: Uint8Array,
  x: SlotMultipliers,
  soft: boolean,
  F: number,
  w: DecomposeWork,
  counter: { steps: number },
  reuse = false,
): number => {
  const stamp = ++w.stamp
  const cached = reuse && w.cacheValid && w.cacheSoft === soft
  if (!cached) {
    w.cacheValid = true
    w.cacheSoft = soft
  }
  const cacheEdges = w.cacheEdges
  const cachePc = w.cachePc
  const cacheJoin = w.cacheJoin
  let nc = 0
  // the fixed per-call work (slot and member loops, counter resets) counts too
  counter.steps += 2 * c.nSlots + c.nMembers + (soft ? 2 * c.groupCats.length : 0)
  const B = c.categoryBonus
  const lambda = soft ? x.lambda : 0
  let total = soft ? st.soft - lambda * (F - st.filled) : st.filled
  w.chosenPriority = 0
  for (let s = 0; s < c.nSlots; s++) {
    w.chosenBy[s] = 0
    if (!cached) w.feasible[s] = 0
    if (st.slotEdge[s]! < 0 && !closed[s]) total += x.u[s]!
  }
  if (soft) {
    w.catUsed.fill(0)
    w.catCount.fill(0)
    // a pair neither of whom serves the group yet: −weight·[both join] ≤ μ·(1 − joins a − joins b)
    const pg = w.pg
    if (x.mu.length > 0) {
      counter.steps += pg.ka.length
      for (let t = 0; t < pg.ka.length; t++) {
        const ka = pg.ka[t]!
        const kb = pg.kb[t]!
        w.mgCost[ka] = 0
        w.mgCost[kb] = 0
      }
      for (let t = 0; t < pg.ka.length; t++) {
        const mu = x.mu[t]!
        const ka = pg.ka[t]!
        const kb = pg.kb[t]!
        if (mu > 0 && st.mg[ka] === 0 && st.mg[kb] === 0) {
          total += mu
          w.mgCost[ka] = w.mgCost[ka]! + mu
          w.mgCost[kb] = w.mgCost[kb]! + mu
        }
      }
    }
  }
  const items = w.items
  const vals = w.vals
  const pcs = w.pcs
  const suffix = w.suffix
  const pick = w.pick
  // the member subproblem's depth-first search over subsets (items in order), shared by all members
  let dm = 0
  let dn = 0
  let over0 = 0
  let hasOver = false
  let best = 0
  let bestLen = 0
  let depth = 0
  let visits = 0
  let off = 0
  const kOut = { value: 0 }
  const dfs = (from: number, val: number, peak: number): void => {
    counter.steps++
    if (++visits > DFS_CAP) return
    const cur = hasOver ? val - (overloadOf(c, dm, peak) - over0) : val
    if (cur > best) {
      best = cur
      bestLen = depth
      for (let i = 0; i < depth; i++) w.chosen[off + i] = pick[i]!
    }
    if (cur + suffix[from]! <= best) return
    for (let i = from; i < dn; i++) {
      if (cur + suffix[i]! <= best) return
      const e = items[i]!
      const k = c.edgeMemberGroup[e]!
      // the rulebook's group limit and capacity over time, at the tentative loads
      if (!st.groupRoom(e)) continue
      const r = st.reach(e)
      if (r < 0) continue
      const np = r > peak ? r : peak
      const h = c.edgeHours[e]!
      const lo = c.edgePointLo[e]!
      const hi = c.edgePointHi[e]!
      const nv = val + vals[i]! - (st.mg[k] === 0 ? pcs[i]! : 0)
      for (let p = lo; p < hi; p++) st.load[p] = st.load[p]! + h
      st.mg[k] = st.mg[k]! + 1
      pick[depth++] = e
      dfs(i + 1, nv, np)
      depth--
      st.mg[k] = st.mg[k]! - 1
      for (let p = lo; p < hi; p++) st.load[p] = st.load[p]! - h
    }
  }
  for (let m = 0; m < c.nMembers; m++) {
    // collect positive items, sorted by value (insertion sort; few items)
    let n = 0
    if (!cached) {
      // the member's feasible edges at this state, with their fixed pair costs
      const a = c.memberEdgeStart[m]!
      const b = c.memberEdgeStart[m + 1]!
      counter.steps += b - a
      w.cacheStart[m] = nc
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
        cacheEdges[nc] = e
        cachePc[nc] = pc
        cacheJoin[nc] = join ? 1 : 0
        nc++
      }
      w.cacheStart[m + 1] = nc
    } else counter.steps += w.cacheStart[m + 1]! - w.cacheStart[m]!
    for (let j = w.cacheStart[m]!; j < w.cacheStart[m + 1]!; j++) {
      const e = cacheEdges[j]!
      const s = c.edgeSlot[e]!
      let v: number
      if (soft) {
        v = c.edgeValue[e]! + lambda * c.slotPriority[s]! - x.u[s]!
        const k = c.edgeGroupCat[e]!
        if (k >= 0 && st.gc[k] === 0) {
          v += x.sigma[k]!
          if (w.catMark[k] !== stamp) {
            w.catMark[k] = stamp
            const y = B - x.sigma[k]!
            if (y > 0) {
              total += y
              w.catUsed[k] = 1
            }
          }
        }
      } else v = c.slotPriority[s]! - x.u[s]!
      if (v <= 0) continue
      const pc = cacheJoin[j] && x.mu.length > 0 ? cachePc[j]! + w.mgCost[c.edgeMemberGroup[e]!]! : cachePc[j]!
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
    w.chosenLen[m] = 0
    if (n === 0) continue
    suffix[n] = 0
    for (let i = n - 1; i >= 0; i--) suffix[i] = suffix[i + 1]! + vals[i]!
    dm = m
    dn = n
    const peak0 = st.peak[m]!
    over0 = soft ? overloadOf(c, m, peak0) : 0
    hasOver = soft && c.memberOverloadWeight[m]! > 0
    best = 0
    bestLen = 0
    depth = 0
    visits = 0
    const kl = hasOver ? -1 : knapsack(c, st, m, n, w, off, counter, kOut)
    if (kl >= 0) {
      best = kOut.value
      bestLen = kl
    } else dfs(0, 0, peak0)
    // a member whose search hit the cap contributes an upper bound instead — the sum of its
    // positive values or the piercing bound of its capacity over time, the smaller (its
    // recorded choice is only the best subset seen, for the subgradient)
    total += visits > DFS_CAP ? Math.max(best, Math.min(suffix[0]!, pierceBound(c, st, m, n, w, counter))) : best
    w.chosenLen[m] = bestLen
    for (let i = 0; i < bestLen; i++) {
      const e = w.chosen[off + i]!
      const s = c.edgeSlot[e]!
      w.chosenBy[s] = w.chosenBy[s]! + 1
      w.chosenPriority += c.slotPriority[s]!
      w.joined[c.edgeMemberGroup[e]!] = stamp
      if (soft) {
        const k = c.edgeGroupCat[e]!
        if (k >= 0 && st.gc[k] === 0) w.catCount[k] = w.catCount[k]! + 1
      }
    }
    off += bestLen
  }
  // an open slot with no feasible edge needs no multiplier (and a mandatory one cannot be filled)
  for (let s = 0; s < c.nSlots; s++)
    if (st.slotEdge[s]! < 0 && !closed[s] && w.feasible[s] === 0) {
      if (x.free !== null && x.free[s]) return -Infinity
      total -= x.u[s]!
    }
  return total
}

/**
 * Subgradient optimisation of the decomposition's multipliers at `st`; leaves the best
 * multipliers in `x` and returns the best (smallest) bound found. With `lambdaFree` false the
 * multiplier of `filled ≥ F` stays as it is (its subgradient, of the size of the priorities,
 * would otherwise drown the others' steps). `onIteration` runs after every relaxation (while
 * `w` holds its choices), e.g. for a Lagrangian heuristic.
 *
 * @internal
 * @since 0.1.0
 */
export const optimiseSlots = (
  c: Compact,
  st: State,
  closed: Uint8Array,
  x: SlotMultipliers,
  soft: boolean,
  F: number,
  target: number,
  iterations: number,
  w: DecomposeWork,
  counter: { steps: number },
  budget: number,
  lambdaFree = true,
  onIteration: (() => void) | null = null,
  theta0 = 1,
): number => {
  const bestU = w.bestU
  const bestSigma = w.bestSigma
  const bestMu = x.mu.length === w.bestMu.length ? w.bestMu : x.mu.length === 0 ? NO_MU : new Float64Array(x.mu.length)
  bestU.set(x.u)
  bestSigma.set(x.sigma)
  bestMu.set(x.mu)
  let bestLambda = x.lambda
  let bestValue = Infinity
  const scale = Math.max(1, Math.abs(target))
  let theta = theta0
  let stale = 0
  for (let it = 0; it < iterations && counter.steps <= budget; it++) {
    const L = decompose(c, st, closed, x, soft, F, w, counter, it > 0)
    if (onIteration !== null) onIteration()
    if (L < bestValue - 1e-12 * scale) {
      bestValue = L
      bestU.set(x.u)
      bestSigma.set(x.sigma)
      bestMu.set(x.mu)
      bestLambda = x.lambda
      stale = 0
    } else if (++stale >= 6) {
      theta /= 2
      stale = 0
    }
    if (bestValue <= target + 1e-9 * scale || theta < 1e-3) break
    let norm = 0
    for (let s = 0; s < c.nSlots; s++) {
      if (st.slotEdge[s]! >= 0 || closed[s]) continue
      const g = 1 - w.chosenBy[s]!
      if (g < 0 || x.u[s]! > 0 || (x.free !== null && x.free[s])) norm += g * g
    }
    const gl = soft && lambdaFree ? st.filled + w.chosenPriority - F : 0
    if (soft && (gl < 0 || x.lambda > 0)) norm += gl * gl
    if (soft)
      for (let k = 0; k < w.catCount.length; k++) {
        const g = w.catCount[k]! - w.catUsed[k]!
        if (g < 0 || (g > 0 && x.sigma[k]! > 0)) norm += g * g
      }
    const pg = w.pg
    const stamp = w.stamp
    if (soft)
      for (let t = 0; t < x.mu.length; t++) {
        const ka = pg.ka[t]!
        const kb = pg.kb[t]!
        if (st.mg[ka] !== 0 || st.mg[kb] !== 0) continue
        const g = 1 - (w.joined[ka] === stamp ? 1 : 0) - (w.joined[kb] === stamp ? 1 : 0)
        if ((g < 0 && x.mu[t]! < pg.weight[t]!) || (g > 0 && x.mu[t]! > 0)) norm += g * g
      }
    if (norm === 0) break
    const step = (theta * Math.max(L - target, 1e-6 * scale)) / norm
    for (let s = 0; s < c.nSlots; s++) {
      if (st.slotEdge[s]! >= 0 || closed[s]) continue
      const u = x.u[s]! - step * (1 - w.chosenBy[s]!)
      x.u[s] = x.free !== null && x.free[s] ? u : Math.max(0, u)
    }
    if (soft) {
      if (lambdaFree) x.lambda = Math.max(0, x.lambda - step * gl)
      for (let k = 0; k < w.catCount.length; k++)
        x.sigma[k] = Math.max(0, x.sigma[k]! - step * (w.catCount[k]! - w.catUsed[k]!))
      for (let t = 0; t < x.mu.length; t++) {
        const ka = pg.ka[t]!
        const kb = pg.kb[t]!
        if (st.mg[ka] !== 0 || st.mg[kb] !== 0) continue
        const g = 1 - (w.joined[ka] === stamp ? 1 : 0) - (w.joined[kb] === stamp ? 1 : 0)
        x.mu[t] = Math.min(pg.weight[t]!, Math.max(0, x.mu[t]! - step * g))
      }
    }
  }
  x.u.set(bestU)
  x.sigma.set(bestSigma)
  x.mu.set(bestMu)
  x.lambda = bestLambda
  return bestValue
}

/**
 * Root bounds by the decomposition, for models too large for the exact search: a bound on
 * filled over all plans, and on soft over plans with filled ≥ `incF`. `st` holds the forced
 * edges; `incF`/`incS` are the incumbent's score (the subgradient's targets). Spends at most
 * about `effort` steps (at least one pass per objective).
 *
 * @internal
 * @since 0.1.0
 */
export const rootBounds = (
  c: Compact,
  st: State,
  incF: number,
  incS: number,
  effort: number,
  counter: { steps: number },
): { filled: number; soft: number } => {
  let intPriorities = true
  for (let s = 0; s < c.nSlots; s++) if (!Number.isInteger(c.slotPriority[s]!)) intPriorities = false
  const closed = new Uint8Array(c.nSlots)
  const w = decomposeWork(c)
  const start = counter.steps
  const xF = initialSlotMultipliers(c, false)
  const fRaw = optimiseSlots(c, st, closed, xF, false, 0, intPriorities ? incF + 1 - 1e-5 : incF, 200, w, counter, start + effort / 2)
  const filled = intPriorities ? Math.floor(fRaw + 1e-6) : fRaw
  const xS = initialSlotMultipliers(c, true)
  const s1 = optimiseSlots(c, st, closed, xS, true, incF, incS, 200, w, counter, Math.max(counter.steps, start + (3 * effort) / 4), false, null, ROOT_SOFT_THETA)
  const s2 = optimiseSlots(c, st, closed, xS, true, incF, incS, 100, w, counter, Math.max(counter.steps, start + effort), true, null, ROOT_SOFT_THETA)
  const soft = Math.min(s1, s2)
  return { filled, soft }
}
