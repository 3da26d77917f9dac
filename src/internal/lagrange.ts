/**
 * Upper bounds on the optimum of a model, by Lagrangian relaxation.
 *
 * Relaxing the capacity constraints (one multiplier `μ ≥ 0` per member and time point, stored
 * aligned with `Compact.memberPoints`) and the group limits (one `ν ≥ 0` per member and group,
 * aligned with `Compact.memberGroups`) leaves a problem that separates per slot: each open
 * slot takes its best still-feasible edge at the *adjusted* value
 * `value − hours · Σ_{points of the edge} μ − ν`, or stays empty; the bound adds
 * `Σ μ · residual capacity + Σ ν · residual limit`. Conflicts, pair and overload penalties
 * among open slots are dropped (they only lower the objective). Any `μ, ν ≥ 0` gives a valid
 * bound, so multipliers found once (by subgradient optimisation at the root) stay valid at every
 * node of a search and for every partial assignment.
 *
 * Two objectives are bounded: `filled` (every edge is worth its slot's priority) and `soft`
 * among plans with `filled ≥ F` (each edge worth its value plus the category bonus when its
 * member's category is new to the group, with a multiplier `λ ≥ 0` on `filled ≥ F`, so each
 * edge also earns `λ · priority` and the bound pays `λ · (F − filled so far)`).
 *
 * Memory is linear in the edges; one pass is O(edges · degree).
 *
 * @internal
 * @since 0.1.0
 */
import type { Compact } from './compact.js'
import { type State, fits } from './state.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * Lagrange multipliers and the per-edge penalties they imply.
 *
 * @internal
 * @since 0.1.0
 */
export interface Multipliers {
  /** Per (member, point): capacity. */
  readonly mu: Float64Array
  /** Per (member, group): group limit. */
  readonly nu: Float64Array
  /**
   * Per (group, category): the distinct-category bonus `B · y` with `y ≤ 1` and
   * `y ≤ Σ x_e` over the group's edges of that category; `σ` prices the latter, so each such
   * edge earns `σ` and the pair earns `max(0, B − σ)` once. `σ = B` is the plain per-edge bonus.
   */
  readonly sigma: Float64Array
  /** On `filled ≥ F` (soft objective only). */
  lambda: number
  /** Per edge: `hours · Σ μ + ν`. */
  readonly pen: Float64Array
}

/**
 * Initial multipliers: μ = ν = λ = 0 and σ = the category bonus.
 *
 * @internal
 * @since 0.1.0
 */
export const zeroMultipliers = (c: Compact): Multipliers => ({
  mu: new Float64Array(c.memberPoints.length),
  nu: new Float64Array(c.memberGroups.length),
  sigma: new Float64Array(c.groupCats.length).fill(c.categoryBonus),
  lambda: 0,
  pen: new Float64Array(c.nEdges),
})

const copyMultipliers = (from: Multipliers, to: Multipliers): void => {
  to.mu.set(from.mu)
  to.nu.set(from.nu)
  to.sigma.set(from.sigma)
  to.pen.set(from.pen)
  to.lambda = from.lambda
}

/**
 * Recomputes the per-edge penalties from `mu` and `nu`.
 *
 * @internal
 * @since 0.1.0
 */
export const updatePenalties = (c: Compact, x: Multipliers): void => {
  for (let e = 0; e < c.nEdges; e++) {
    let s = 0
    for (let p = c.edgePointLo[e]!; p < c.edgePointHi[e]!; p++) s += x.mu[p]!
    x.pen[e] = c.edgeHours[e]! * s + x.nu[c.edgeMemberGroup[e]!]!
  }
}

/**
 * `Σ μ · (capacity − load) + Σ ν · (limit − held)` for the state's residuals.
 *
 * @internal
 * @since 0.1.0
 */
export const residualTerm = (c: Compact, st: State, x: Multipliers): number => {
  let r = 0
  for (let m = 0; m < c.nMembers; m++) {
    const cap = c.memberCapacity[m]!
    for (let p = c.memberPointStart[m]!; p < c.memberPointStart[m + 1]!; p++) {
      const u = x.mu[p]!
      if (u !== 0) r += u * Math.max(0, cap - st.load[p]!)
    }
    for (let k = c.memberGroupStart[m]!; k < c.memberGroupStart[m + 1]!; k++) {
      const v = x.nu[k]!
      if (v !== 0) r += v * Math.max(0, c.groupLimit[c.memberGroups[k]!]! - st.mg[k]!)
    }
  }
  return r
}

// -------------------------------------------------------------------------------------
// relaxation
// -------------------------------------------------------------------------------------

/**
 * Scratch space of {@link pass}.
 *
 * @internal
 * @since 0.1.0
 */
export interface Scratch {
  /** Per (group, category): the stamp of the last pass that saw an available edge. */
  readonly catMark: Int32Array
  stamp: number
}

/**
 * Fresh scratch space.
 *
 * @internal
 * @since 0.1.0
 */
export const scratch = (c: Compact): Scratch => ({ catMark: new Int32Array(c.groupCats.length).fill(-1), stamp: 0 })

/**
 * What one {@link pass} found.
 *
 * @internal
 * @since 0.1.0
 */
export interface PassResult {
  /** Bound on filled over every completion (when `xF` was given). */
  fb: number
  /** Bound on soft over every completion with filled ≥ F (when `xS` was given). */
  sb: number
  /** The open slot with the fewest feasible edges (at least one), or −1. */
  slot: number
  /** That slot's relaxed contribution to `fb`. */
  slotF: number
  /** That slot's relaxed contribution to `sb` (without category terms). */
  slotS: number
}

/**
 * One pass over the open slots of `st` (neither filled nor `closed`) and their still-feasible
 * edges, evaluating the Lagrangian relaxations for `xF` (filled) and/or `xS` (soft with
 * `filled ≥ F`). `residF`/`residS` are the multipliers' residual terms for `st`
 * ({@link residualTerm}). When `choiceF`/`choiceS` are given they receive each open slot's
 * relaxed choice (or −1), and `catUsed` (soft) receives for each (group, category) whether the
 * relaxation takes its bonus (1) or not (0). Counts edges examined in `counter.steps`.
 *
 * @internal
 * @since 0.1.0
 */
export const pass = (
  c: Compact,
  st: State,
  closed: Uint8Array,
  xF: Multipliers | null,
  xS: Multipliers | null,
  F: number,
  residF: number,
  residS: number,
  counter: { steps: number },
  sc: Scratch,
  out: PassResult,
  choiceF: Int32Array | null,
  choiceS: Int32Array | null,
  catUsed: Uint8Array | null,
): void => {
  let sumF = 0
  let sumS = 0
  let slot = -1
  let fewest = 0x7fffffff
  const stamp = ++sc.stamp
  const B = c.categoryBonus
  const lambda = xS ? xS.lambda : 0
  if (catUsed) catUsed.fill(0)
  for (let s = 0; s < c.nSlots; s++) {
    if (st.slotEdge[s]! >= 0 || closed[s]) {
      if (choiceF) choiceF[s] = -1
      if (choiceS) choiceS[s] = -1
      continue
    }
    const lo = c.slotEdgeStart[s]!
    const hi = c.slotEdgeStart[s + 1]!
    counter.steps += hi - lo
    const prio = c.slotPriority[s]!
    let bF = 0
    let aFArg = -1
    let bS = 0
    let aSArg = -1
    let n = 0
    for (let j = lo; j < hi; j++) {
      const e = c.slotEdges[j]!
      if (c.edgeForbidden[e] || !fits(st, e)) continue
      n++
      if (xF) {
        const a = prio - xF.pen[e]!
        if (a > bF) {
          bF = a
          aFArg = e
        }
      }
      if (xS) {
        let a = c.edgeValue[e]! + lambda * prio - xS.pen[e]!
        const k = c.edgeGroupCat[e]!
        if (k >= 0 && st.gc[k] === 0) {
          a += xS.sigma[k]!
          if (sc.catMark[k] !== stamp) {
            sc.catMark[k] = stamp
            const y = B - xS.sigma[k]!
            if (y > 0) {
              sumS += y
              if (catUsed) catUsed[k] = 1
            }
          }
        }
        if (a > bS) {
          bS = a
          aSArg = e
        }
      }
    }
    sumF += bF
    sumS += bS
    if (choiceF) choiceF[s] = aFArg
    if (choiceS) choiceS[s] = aSArg
    if (n > 0 && n < fewest) {
      fewest = n
      slot = s
      out.slotF = bF
      out.slotS = bS
    }
  }
  out.fb = st.filled + sumF + residF
  out.sb = st.soft - lambda * (F - st.filled) + sumS + residS
  out.slot = slot
}

/**
 * Which objective a relaxation bounds.
 *
 * @internal
 * @since 0.1.0
 */
export type Objective = 'filled' | 'soft'

/**
 * Subgradient optimisation of the multipliers for one objective at state `st`: starts from
 * `x`, leaves in `x` the multipliers of the smallest (best) bound found, and returns that
 * bound. Stops early once the bound reaches `target` (the incumbent's value), after
 * `iterations`, or when the step size vanishes.
 *
 * @internal
 * @since 0.1.0
 */
export const subgradient = (
  c: Compact,
  st: State,
  closed: Uint8Array,
  x: Multipliers,
  objective: Objective,
  F: number,
  target: number,
  iterations: number,
  counter: { steps: number },
): number => {
  const soft = objective === 'soft'
  const best = zeroMultipliers(c)
  updatePenalties(c, x)
  copyMultipliers(x, best)
  const sc = scratch(c)
  const out: PassResult = { fb: 0, sb: 0, slot: -1, slotF: 0, slotS: 0 }
  const choice = new Int32Array(c.nSlots)
  const catUsed = new Uint8Array(c.groupCats.length)
  const catCount = new Int32Array(c.groupCats.length)
  const use = new Float64Array(c.memberPoints.length)
  const held = new Int32Array(c.memberGroups.length)
  const scale = Math.max(1, Math.abs(target))
  let bestValue = Infinity
  let theta = 2
  let stale = 0
  const pointMember = new Int32Array(c.memberPoints.length)
  for (let m = 0; m < c.nMembers; m++)
    for (let p = c.memberPointStart[m]!; p < c.memberPointStart[m + 1]!; p++) pointMember[p] = m
  for (let it = 0; it < iterations; it++) {
    const resid = residualTerm(c, st, x)
    counter.steps += c.memberPoints.length + c.memberGroups.length
    pass(c, st, closed, soft ? null : x, soft ? x : null, F, resid, resid, counter, sc, out, soft ? null : choice, soft ? choice : null, soft ? catUsed : null)
    const L = soft ? out.sb : out.fb
    if (L < bestValue - 1e-12 * scale) {
      bestValue = L
      copyMultipliers(x, best)
      stale = 0
    } else if (++stale >= 8) {
      theta /= 2
      stale = 0
    }
    if (bestValue <= target + 1e-9 * scale || theta < 1e-4) break
    // subgradient: residual minus what the relaxed choice uses
    use.fill(0)
    held.fill(0)
    catCount.fill(0)
    let filledChoice = 0
    for (let s = 0; s < c.nSlots; s++) {
      const e = choice[s]!
      if (e < 0) continue
      filledChoice += c.slotPriority[s]!
      const h = c.edgeHours[e]!
      for (let p = c.edgePointLo[e]!; p < c.edgePointHi[e]!; p++) use[p] = use[p]! + h
      held[c.edgeMemberGroup[e]!] = held[c.edgeMemberGroup[e]!]! + 1
      const k = c.edgeGroupCat[e]!
      if (k >= 0 && st.gc[k] === 0) catCount[k] = catCount[k]! + 1
    }
    counter.steps += use.length + held.length + catCount.length
    let norm = 0
    for (let p = 0; p < use.length; p++) {
      const g = Math.max(0, c.memberCapacity[pointMember[p]!]! - st.load[p]!) - use[p]!
      if (g < 0 || x.mu[p]! > 0) norm += g * g
    }
    for (let k = 0; k < held.length; k++) {
      const g = Math.max(0, c.groupLimit[c.memberGroups[k]!]! - st.mg[k]!) - held[k]!
      if (g < 0 || x.nu[k]! > 0) norm += g * g
    }
    const gl = soft ? st.filled + filledChoice - F : 0
    if (soft && (gl < 0 || x.lambda > 0)) norm += gl * gl
    if (soft)
      for (let k = 0; k < catCount.length; k++) {
        // ∂/∂σ = (edges taking σ) − y
        const g = catCount[k]! - catUsed[k]!
        if (g < 0 || (g > 0 && x.sigma[k]! > 0)) norm += g * g
      }
    if (norm === 0) break
    const step = (theta * Math.max(L - target, 1e-6 * scale)) / norm
    for (let p = 0; p < use.length; p++) {
      const g = Math.max(0, c.memberCapacity[pointMember[p]!]! - st.load[p]!) - use[p]!
      x.mu[p] = Math.max(0, x.mu[p]! - step * g)
    }
    for (let k = 0; k < held.length; k++) {
      const g = Math.max(0, c.groupLimit[c.memberGroups[k]!]! - st.mg[k]!) - held[k]!
      x.nu[k] = Math.max(0, x.nu[k]! - step * g)
    }
    if (soft) {
      x.lambda = Math.max(0, x.lambda - step * gl)
      for (let k = 0; k < catCount.length; k++) {
        const g = catCount[k]! - catUsed[k]!
        x.sigma[k] = Math.max(0, x.sigma[k]! - step * g)
      }
    }
    updatePenalties(c, x)
    counter.steps += c.nEdges
  }
  copyMultipliers(best, x)
  updatePenalties(c, x)
  return bestValue
}

/**
 * The separable bound: every slot with an allowed edge filled by its best edge (value plus
 * the category bonus when the member has a category), every other hard constraint and the
 * non-positive team penalties dropped. O(edges).
 *
 * @internal
 * @since 0.1.0
 */
export const trivialBound = (c: Compact): { filled: number; soft: number } => {
  let filled = 0
  let soft = 0
  for (let s = 0; s < c.nSlots; s++) {
    const f = c.slotForced[s]!
    let best = f >= 0 ? -Infinity : 0
    let any = false
    for (let j = c.slotEdgeStart[s]!; j < c.slotEdgeStart[s + 1]!; j++) {
      const e = c.slotEdges[j]!
      if (c.edgeForbidden[e] || (f >= 0 && e !== f)) continue
      any = true
      const v = c.edgeValue[e]! + (c.memberCategory[c.edgeMember[e]!]! >= 0 ? c.categoryBonus : 0)
      if (v > best) best = v
    }
    if (any) {
      filled += c.slotPriority[s]!
      soft += best
    }
  }
  return { filled, soft }
}
