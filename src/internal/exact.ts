/**
 * Exact branch and bound on the lexicographic objective (first `filled`, then `soft`).
 *
 * At the root, subgradient optimisation finds Lagrange multipliers for two relaxations (see
 * lagrange.ts): one bounding `filled`, one bounding `soft` among plans with `filled ≥ F`.
 * Every node (a partial assignment: some slots filled, some closed, the rest open) computes
 * both bounds in one pass over the open slots' still-feasible edges; it is pruned when the
 * filled bound is below the incumbent's filled, or equal to it and the soft bound is not above
 * the incumbent's soft. Otherwise it branches on the open slot with the fewest feasible edges:
 * each feasible edge (best adjusted value first), then "leave it empty". A child whose cheap
 * bound (the parent's, with the slot's relaxed share replaced by the child's choice) already
 * fails is skipped without a pass. Every node's partial assignment is itself a valid plan and
 * is offered as an incumbent.
 *
 * @internal
 * @since 0.1.0
 */
import type { Compact } from './compact.js'
import {
  type Multipliers,
  type PassResult,
  pass,
  residualTerm,
  scratch,
  subgradient,
  zeroMultipliers,
} from './lagrange.js'
import { type State, add, addDelta, fits, remove } from './state.js'

/**
 * The search's outcome.
 *
 * @internal
 * @since 0.1.0
 */
export interface ExactResult {
  /** The best assignment found (slot → edge or −1). */
  readonly slotEdge: Int32Array
  /** Whether the search finished (so the result is optimal). */
  readonly proven: boolean
  /** Root bound on filled (valid whether or not the search finished). */
  readonly rootFilled: number
  /** Root bound on soft among plans with filled ≥ the result's filled. */
  readonly rootSoft: number
  readonly nodes: number
  readonly improvements: number
}

/**
 * Runs the branch and bound from `st` (holding the forced edges and nothing else) with
 * incumbent `incumbent` (a valid slot → edge assignment that contains the forced edges).
 * `stop()` is polled now and then; the search gives up once `counter.steps` exceeds `budget`.
 *
 * @internal
 * @since 0.1.0
 */
export const branchAndBound = (
  c: Compact,
  st: State,
  incumbent: { readonly slotEdge: Int32Array; readonly filled: number; readonly soft: number },
  budget: number,
  counter: { steps: number },
  stop: () => boolean,
): ExactResult => {
  let intPriorities = true
  let totalPrio = 0
  for (let s = 0; s < c.nSlots; s++) {
    const p = c.slotPriority[s]!
    totalPrio += p
    if (!Number.isInteger(p)) intPriorities = false
  }
  let softScale = 1 + c.categoryBonus * c.nSlots
  for (let e = 0; e < c.nEdges; e++) softScale += Math.abs(c.edgeValue[e]!)
  const epsF = 1e-9 * Math.max(1, totalPrio)
  const epsS = 1e-9 * softScale
  const floorF = (x: number): number => (intPriorities ? Math.floor(x + 1e-6) : x)

  const best = Int32Array.from(incumbent.slotEdge)
  let incF = incumbent.filled
  let incS = incumbent.soft
  let improvements = 0
  const offer = (): void => {
    if (st.filled > incF + epsF || (st.filled >= incF - epsF && st.soft > incS + epsS)) {
      incF = st.filled
      incS = st.soft
      best.set(st.slotEdge)
      improvements++
    }
  }
  const pruned = (fb: number, sb: number): boolean =>
    fb < incF - epsF || (fb <= incF + epsF && sb <= incS + epsS)

  const closed = new Uint8Array(c.nSlots)
  const xF: Multipliers = zeroMultipliers(c)
  const xS: Multipliers = zeroMultipliers(c)
  const rootIters = Math.max(30, Math.min(400, Math.floor(4e6 / Math.max(1, c.nEdges))))
  const rootF = floorF(subgradient(c, st, closed, xF, 'filled', 0, incF, rootIters, counter))
  const rootS = subgradient(c, st, closed, xS, 'soft', incF, incS, rootIters, counter)
  const R0F = residualTerm(c, st, xF)
  const R0S = residualTerm(c, st, xS)
  let addedF = 0
  let addedS = 0

  const sc = scratch(c)
  const out: PassResult = { fb: 0, sb: 0, slot: -1, slotF: 0, slotS: 0 }
  let nodes = 0
  let aborted = false
  // per-depth child buffers
  const kidEdges: Array<Int32Array> = []
  const kidKeys: Array<Float64Array> = []
  const maxKids = (() => {
    let m = 0
    for (let s = 0; s < c.nSlots; s++) m = Math.max(m, c.slotEdgeStart[s + 1]! - c.slotEdgeStart[s]!)
    return m
  })()

  const search = (depth: number): void => {
    nodes++
    counter.steps++
    if (counter.steps > budget || ((nodes & 255) === 0 && stop())) {
      aborted = true
      return
    }
    offer()
    pass(c, st, closed, xF, xS, incF, R0F - addedF, R0S - addedS, counter, sc, out, null, null, null)
    const fb = floorF(out.fb)
    const sb = out.sb
    if (pruned(fb, sb) || out.slot < 0) return
    const slot = out.slot
    const rawF = out.fb
    const slotF = out.slotF
    const slotS = out.slotS
    const lambda = xS.lambda
    const prio = c.slotPriority[slot]!
    // children: feasible edges by adjusted soft value, then leave the slot empty
    if (kidEdges.length <= depth) {
      kidEdges.push(new Int32Array(maxKids))
      kidKeys.push(new Float64Array(maxKids))
    }
    const ke = kidEdges[depth]!
    const kk = kidKeys[depth]!
    let n = 0
    const lo = c.slotEdgeStart[slot]!
    const hi = c.slotEdgeStart[slot + 1]!
    counter.steps += hi - lo
    for (let j = lo; j < hi; j++) {
      const e = c.slotEdges[j]!
      if (c.edgeForbidden[e] || !fits(st, e)) continue
      // cheap child bounds: the parent's with this slot's share replaced by e's
      const cF = floorF(rawF - slotF + (prio - xF.pen[e]!))
      const delta = addDelta(st, e)
      const cS = sb - slotS + (delta + lambda * prio - xS.pen[e]!)
      if (pruned(cF, cS)) continue
      // insertion sort by key descending, ties by edge index
      const key = delta - xS.pen[e]!
      let i = n++
      while (i > 0 && (kk[i - 1]! < key || (kk[i - 1] === key && ke[i - 1]! > e))) {
        kk[i] = kk[i - 1]!
        ke[i] = ke[i - 1]!
        i--
      }
      kk[i] = key
      ke[i] = e
    }
    for (let i = 0; i < n; i++) {
      const e = ke[i]!
      if (!fits(st, e)) continue
      add(st, e)
      addedF += xF.pen[e]!
      addedS += xS.pen[e]!
      search(depth + 1)
      addedF -= xF.pen[e]!
      addedS -= xS.pen[e]!
      remove(st, e)
      if (aborted) return
    }
    if (!pruned(floorF(rawF - slotF), sb - slotS)) {
      closed[slot] = 1
      search(depth + 1)
      closed[slot] = 0
    }
  }

  if (!pruned(rootF, rootS) || (rootF > incF + epsF)) search(0)
  else nodes = 1

  return {
    slotEdge: best,
    proven: !aborted,
    rootFilled: Math.max(rootF, incF),
    rootSoft: Math.max(rootS, incS),
    nodes,
    improvements,
  }
}
