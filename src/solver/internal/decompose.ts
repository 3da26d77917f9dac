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
 * the integer room. The member subproblems live in decomposeMember.ts.
 *
 * @internal
 * @since 0.1.0
 */
import type { Compact } from '../../model/internal/compact.js'
import type { State } from '../../model/internal/state.js'
import { boundAndBound } from './knapsack.js'
import { type Relaxation, addMember } from './decomposeMember.js'
import type { DecomposeWork, SlotMultipliers } from './work.js'
import { pairGroups } from './work.js'
import {
  ROOT_FILLED_ITERATIONS,
  ROOT_SOFT_ITERATIONS,
  ROOT_SOFT_LAMBDA_ITERATIONS,
  ROOT_SOFT_THETA,
  ROUNDING_SLACK,
  SUBGRADIENT_MIN_GAP,
  SUBGRADIENT_STALE_PASSES,
  SUBGRADIENT_THETA_MIN,
  TARGET_MARGIN,
} from './tuning.js'

export type { DecomposeWork, SlotMultipliers } from './work.js'

/** A bound counts as better than the best so far when lower by more than this, relative to the target's scale. */
const IMPROVEMENT_TOLERANCE = 1e-12
/** The optimisation stops once the best bound is within this of its target, relative to the target's scale. */
const TARGET_TOLERANCE = 1e-9

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
  const r = relaxationOf(c, st, closed, x, soft, F, w, counter, reuse)
  addOpenSlots(r)
  if (soft) priceCategoriesAndPairs(r)
  for (let m = 0; m < c.nMembers; m++) addMember(r, m)
  return dropSlotsWithoutEdges(r)
}

/** Starts a call: its stamp, whether the cache is reused, the fixed work, and the bound of the partial assignment. */
const relaxationOf = (
  c: Compact,
  st: State,
  closed: Uint8Array,
  x: SlotMultipliers,
  soft: boolean,
  F: number,
  w: DecomposeWork,
  counter: { steps: number },
  reuse: boolean,
): Relaxation => {
  const stamp = ++w.stamp
  const cached = reuse && w.cacheValid && w.cacheSoft === soft
  if (!cached) {
    w.cacheValid = true
    w.cacheSoft = soft
  }
  // the fixed per-call work (slot and member loops, counter resets) counts too
  counter.steps += 2 * c.nSlots + c.nMembers + (soft ? 2 * c.groupCats.length : 0)
  const lambda = soft ? x.lambda : 0
  const total = soft ? st.soft - lambda * (F - st.filled) : st.filled
  return {
    c,
    st,
    closed,
    x,
    soft,
    w,
    counter,
    stamp,
    cached,
    lambda,
    total,
    nc: 0,
    m: 0,
    n: 0,
    over0: 0,
    hasOver: false,
    best: 0,
    bestLen: 0,
    depth: 0,
    visits: 0,
    off: 0,
    kOut: { value: 0 },
  }
}

/** Resets the per-slot counts and adds the multiplier `u_s` of every open slot. */
const addOpenSlots = (r: Relaxation): void => {
  const { c, st, closed, x, w } = r
  w.chosenPriority = 0
  for (let s = 0; s < c.nSlots; s++) {
    w.chosenBy[s] = 0
    if (!r.cached) w.feasible[s] = 0
    if (st.slotEdge[s]! < 0 && !closed[s]) r.total += x.u[s]!
  }
}

/** Resets the category counts; a pair neither of whom serves the group yet adds μ to the bound and to each member's cost of joining. */
const priceCategoriesAndPairs = (r: Relaxation): void => {
  const { st, x, w } = r
  w.catUsed.fill(0)
  w.catCount.fill(0)
  // a pair neither of whom serves the group yet: −weight·[both join] ≤ μ·(1 − joins a − joins b)
  const pg = w.pg
  if (x.mu.length === 0) return
  r.counter.steps += pg.ka.length
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
      r.total += mu
      w.mgCost[ka] = w.mgCost[ka]! + mu
      w.mgCost[kb] = w.mgCost[kb]! + mu
    }
  }
}

/** An open slot with no feasible edge needs no multiplier (and a mandatory one cannot be filled: −∞); returns the bound. */
const dropSlotsWithoutEdges = (r: Relaxation): number => {
  const { c, st, closed, x, w } = r
  for (let s = 0; s < c.nSlots; s++)
    if (st.slotEdge[s]! < 0 && !closed[s] && w.feasible[s] === 0) {
      if (x.free !== null && x.free[s]) return -Infinity
      r.total -= x.u[s]!
    }
  return r.total
}

/** The best multipliers of a subgradient optimisation and their bound. */
interface BestMultipliers {
  readonly u: Float64Array
  readonly sigma: Float64Array
  readonly mu: Float64Array
  lambda: number
  value: number
}

/**
 * Subgradient optimisation of the decomposition's multipliers at `st`; leaves the best
 * multipliers in `x` and returns the best (smallest) bound found. With `lambdaFree` false the
 * multiplier of `filled ≥ F` stays as it is (its subgradient, of the size of the priorities,
 * would otherwise drown the others' steps). `onIteration` runs after every relaxation (while
 * `w` holds its choices), e.g. for a Lagrangian heuristic. `reuseFirst` lets the first
 * relaxation reuse the feasible edges the previous call cached (same state, same `soft`).
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
  reuseFirst = false,
): number => {
  const best = bestMultipliersOf(x, w)
  const scale = Math.max(1, Math.abs(target))
  let theta = theta0
  let stale = 0
  for (let it = 0; it < iterations && counter.steps <= budget; it++) {
    const L = decompose(c, st, closed, x, soft, F, w, counter, it > 0 || reuseFirst)
    if (onIteration !== null) onIteration()
    if (L < best.value - IMPROVEMENT_TOLERANCE * scale) {
      keepMultipliers(best, x, L)
      stale = 0
    } else if (++stale >= SUBGRADIENT_STALE_PASSES) {
      theta /= 2
      stale = 0
    }
    if (best.value <= target + TARGET_TOLERANCE * scale || theta < SUBGRADIENT_THETA_MIN) break
    const gl = soft && lambdaFree ? st.filled + w.chosenPriority - F : 0
    const norm = subgradientNorm(c, st, closed, x, soft, gl, w)
    if (norm === 0) break
    const step = (theta * Math.max(L - target, SUBGRADIENT_MIN_GAP * scale)) / norm
    stepMultipliers(c, st, closed, x, soft, lambdaFree, gl, step, w)
  }
  x.u.set(best.u)
  x.sigma.set(best.sigma)
  x.mu.set(best.mu)
  x.lambda = best.lambda
  return best.value
}

/** The starting best: copies of `x` (in `w`'s arrays where they fit), no bound yet. */
const bestMultipliersOf = (x: SlotMultipliers, w: DecomposeWork): BestMultipliers => {
  const mu = x.mu.length === w.bestMu.length ? w.bestMu : x.mu.length === 0 ? NO_MU : new Float64Array(x.mu.length)
  w.bestU.set(x.u)
  w.bestSigma.set(x.sigma)
  mu.set(x.mu)
  return { u: w.bestU, sigma: w.bestSigma, mu, lambda: x.lambda, value: Infinity }
}

/** Keeps `x` as the best multipliers, with bound L. */
const keepMultipliers = (best: BestMultipliers, x: SlotMultipliers, L: number): void => {
  best.value = L
  best.u.set(x.u)
  best.sigma.set(x.sigma)
  best.mu.set(x.mu)
  best.lambda = x.lambda
}

/**
 * The squared norm of the subgradient at the relaxation in `w`, over the multipliers a step
 * would move (a component at its bound of 0, or μ at its weight, whose step would push it
 * further out, is left out): slots, λ (subgradient `gl`), categories, pairs.
 */
const subgradientNorm = (c: Compact, st: State, closed: Uint8Array, x: SlotMultipliers, soft: boolean, gl: number, w: DecomposeWork): number => {
  let norm = 0
  for (let s = 0; s < c.nSlots; s++) {
    if (st.slotEdge[s]! >= 0 || closed[s]) continue
    const g = 1 - w.chosenBy[s]!
    if (g < 0 || x.u[s]! > 0 || (x.free !== null && x.free[s])) norm += g * g
  }
  if (soft && (gl < 0 || x.lambda > 0)) norm += gl * gl
  if (!soft) return norm
  for (let k = 0; k < w.catCount.length; k++) {
    const g = w.catCount[k]! - w.catUsed[k]!
    if (g < 0 || (g > 0 && x.sigma[k]! > 0)) norm += g * g
  }
  const pg = w.pg
  for (let t = 0; t < x.mu.length; t++) {
    const ka = pg.ka[t]!
    const kb = pg.kb[t]!
    if (st.mg[ka] !== 0 || st.mg[kb] !== 0) continue
    const g = pairSubgradient(w, ka, kb)
    if ((g < 0 && x.mu[t]! < pg.weight[t]!) || (g > 0 && x.mu[t]! > 0)) norm += g * g
  }
  return norm
}

/** The subgradient of a pair's μ at the relaxation in `w`: 1 − joins a − joins b. */
const pairSubgradient = (w: DecomposeWork, ka: number, kb: number): number =>
  1 - (w.joined[ka] === w.stamp ? 1 : 0) - (w.joined[kb] === w.stamp ? 1 : 0)

/** One projected subgradient step of size `step`: u of the open slots (≥ 0 unless free), then (soft) λ, σ and μ ∈ [0, weight]. */
const stepMultipliers = (
  c: Compact,
  st: State,
  closed: Uint8Array,
  x: SlotMultipliers,
  soft: boolean,
  lambdaFree: boolean,
  gl: number,
  step: number,
  w: DecomposeWork,
): void => {
  for (let s = 0; s < c.nSlots; s++) {
    if (st.slotEdge[s]! >= 0 || closed[s]) continue
    const u = x.u[s]! - step * (1 - w.chosenBy[s]!)
    x.u[s] = x.free !== null && x.free[s] ? u : Math.max(0, u)
  }
  if (!soft) return
  if (lambdaFree) x.lambda = Math.max(0, x.lambda - step * gl)
  for (let k = 0; k < w.catCount.length; k++) x.sigma[k] = Math.max(0, x.sigma[k]! - step * (w.catCount[k]! - w.catUsed[k]!))
  const pg = w.pg
  for (let t = 0; t < x.mu.length; t++) {
    const ka = pg.ka[t]!
    const kb = pg.kb[t]!
    if (st.mg[ka] !== 0 || st.mg[kb] !== 0) continue
    x.mu[t] = Math.min(pg.weight[t]!, Math.max(0, x.mu[t]! - step * pairSubgradient(w, ka, kb)))
  }
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
  // half the effort for the filled bound, a quarter each for the soft bound with λ fixed, then free
  const fTarget = intPriorities ? incF + 1 - TARGET_MARGIN : incF
  const fRaw = optimiseSlots(c, st, closed, xF, false, 0, fTarget, ROOT_FILLED_ITERATIONS, w, counter, start + effort / 2)
  const filled = intPriorities ? Math.floor(fRaw + ROUNDING_SLACK) : fRaw
  const xS = initialSlotMultipliers(c, true)
  const softFixedBudget = Math.max(counter.steps, start + (3 * effort) / 4)
  const s1 = optimiseSlots(c, st, closed, xS, true, incF, incS, ROOT_SOFT_ITERATIONS, w, counter, softFixedBudget, false, null, ROOT_SOFT_THETA)
  const softFreeBudget = Math.max(counter.steps, start + effort)
  // the same state and the same soft relaxation as the pass before: its feasible edges are
  // reused, which saves a pass over every edge (and counts only the feasible ones)
  const s2 = optimiseSlots(c, st, closed, xS, true, incF, incS, ROOT_SOFT_LAMBDA_ITERATIONS, w, counter, softFreeBudget, true, null, ROOT_SOFT_THETA, true)
  const soft = Math.min(s1, s2)
  return { filled, soft }
}
