/**
 * Exact branch and bound on the lexicographic objective (first `filled`, then `soft`).
 *
 * Bounds come from the member decomposition (decompose.ts: Lagrangian relaxation of "one
 * member per slot", so each member's capacity, group limits and overload stay exact).
 *
 * Root: subgradient optimisation of two multiplier sets — one bounding `filled`, one bounding
 * `soft` among plans with `filled ≥ F` (first with the multiplier of `filled ≥ F` frozen at 0,
 * then free). When the filled bound already equals the incumbent's filled, *mandatory* slots
 * are found by probing (closing the slot bounds filled below the incumbent's), their soft
 * multipliers become free (an equality) and their "leave empty" branch is dropped; then every
 * edge whose addition already gives a prunable bound is banned (repeated while that bans
 * more). If the root could not prove filled and a later incumbent reaches the root's filled
 * bound, the search stops with `restart` so the caller can redo the root with it.
 *
 * Nodes (a partial assignment: some slots filled, some closed, the rest open): bounds with the
 * parent's multipliers re-optimised for a few subgradient iterations; pruned when the filled
 * bound is below the incumbent's filled, or equal to it and the soft bound is not above the
 * incumbent's soft. Otherwise branch on an open slot — the one the last relaxation violated
 * most (chosen by several members, or by none), then the one with the fewest feasible edges —
 * and its best feasible edge (one the last relaxation chose first, then by soft delta): take
 * the edge, or ban it for the subtree (a banned slot's last edge leaves it empty; a mandatory
 * slot's last edge is not banned). Every node's partial assignment is itself a valid plan and
 * is offered as an incumbent, and so is a Lagrangian heuristic's plan (the relaxation's choices
 * where they fit, then each open slot's best fitting edge) after every root subgradient step
 * and at every node that was not pruned.
 *
 * All work is counted in `counter.steps`; the search stops (unproven) past the budget. A
 * search that stops early bounds what it left open — at every node on the path where it
 * stopped, the children not yet explored (with the node's multipliers, the explored children's
 * edges banned) — and reports the largest of those bounds when it is below the root's.
 *
 * @internal
 * @since 0.1.0
 */
import type { Compact } from '../../model/internal/compact.js'
import { type SlotMultipliers, decompose, decomposeWork, initialSlotMultipliers, optimiseSlots } from './decompose.js'
import { NEG, type State } from '../../model/internal/state.js'

/** Deepest recursion of the search (one level per decided slot). */
const MAX_DEPTH = 4000

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
  /**
   * Bound on filled (valid whether or not the search finished): the root's, or for a search
   * that stopped early the smaller of it and the largest bound over the parts it left open.
   */
  readonly rootFilled: number
  /** Bound on soft among plans with filled ≥ the result's filled (likewise). */
  readonly rootSoft: number
  readonly nodes: number
  readonly improvements: number
  /** Edges banned by probing at the root. */
  readonly banned: number
  /** Slots found mandatory at the root. */
  readonly mandatory: number
  /** The search stopped early because an incumbent reached the root's filled bound: run again. */
  readonly restart: boolean
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
  c0: Compact,
  st: State,
  incumbent: { readonly slotEdge: Int32Array; readonly filled: number; readonly soft: number },
  budget: number,
  counter: { steps: number },
  stop: () => boolean,
  allowRestart = false,
): ExactResult => {
  // a private copy of the forbidden flags: probing bans edges that cannot be in a better plan
  const c: Compact = { ...c0, edgeForbidden: Uint8Array.from(c0.edgeForbidden) }
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
  // soft is an integer when every edge value, the category bonus and every pair weight is one
  // and no member has an overload penalty: then its bounds round down too
  let intSoft = Number.isInteger(c.categoryBonus)
  for (let e = 0; e < c.nEdges && intSoft; e++) if (!Number.isInteger(c.edgeValue[e]!)) intSoft = false
  for (let j = 0; j < c.pairWeight.length && intSoft; j++) if (!Number.isInteger(c.pairWeight[j]!)) intSoft = false
  for (let m = 0; m < c.nMembers && intSoft; m++) if (c.memberOverloadWeight[m] !== 0) intSoft = false
  const floorS = (x: number): number => (intSoft ? Math.floor(x + 1e-6) : x)

  const best = Int32Array.from(incumbent.slotEdge)
  let incF = incumbent.filled
  let incS = incumbent.soft
  let improvements = 0
  // set once the root has bounded filled: when a later incumbent reaches that bound, the root
  // work that needs a filled-optimal incumbent (mandatory slots, the soft multipliers) is
  // worth redoing, so the search stops and asks for a restart
  let restartAt = Infinity
  let restart = false
  const offer = (): void => {
    if (st.filled > incF + epsF || (st.filled >= incF - epsF && st.soft > incS + epsS)) {
      incF = st.filled
      incS = st.soft
      best.set(st.slotEdge)
      improvements++
      if (incF >= restartAt) {
        restart = true
        aborted = true
      }
    }
  }

  let aborted = false
  const closed = new Uint8Array(c.nSlots)
  const w = decomposeWork(c)
  // a Lagrangian heuristic: the last relaxation's choices where they fit (members in order),
  // then each still-open slot's best fitting edge; offered as an incumbent, then undone
  const repairEdges = new Int32Array(c.nSlots)
  const repair = (): void => {
    let n = 0
    let off = 0
    for (let m = 0; m < c.nMembers; m++) {
      const len = w.chosenLen[m]!
      for (let i = 0; i < len; i++) {
        const e = w.chosen[off + i]!
        const s = c.edgeSlot[e]!
        if (st.slotEdge[s]! < 0 && !closed[s] && !c.edgeForbidden[e] && st.fits(e)) {
          st.add(e)
          repairEdges[n++] = e
        }
      }
      off += len
    }
    counter.steps += off + c.nSlots
    for (let s = 0; s < c.nSlots; s++) {
      if (st.slotEdge[s]! >= 0 || closed[s]) continue
      let be = -1
      let bd = -Infinity
      const lo = c.slotEdgeStart[s]!
      const hi = c.slotEdgeStart[s + 1]!
      counter.steps += hi - lo
      for (let j = lo; j < hi; j++) {
        const e = c.slotEdges[j]!
        if (c.edgeForbidden[e]) continue
        const d = st.evalAdd(e)
        if (d === NEG) continue
        if (d > bd) {
          bd = d
          be = e
        }
      }
      if (be >= 0) {
        st.add(be)
        repairEdges[n++] = be
      }
    }
    offer()
    while (n > 0) st.remove(c.edgeSlot[repairEdges[--n]!]!)
  }
  const xF: SlotMultipliers = initialSlotMultipliers(c, false)
  const xS: SlotMultipliers = initialSlotMultipliers(c, true)
  const iters = Math.max(50, Math.min(500, Math.floor(2e6 / Math.max(1, c.nEdges))))
  const targetF = (): number => (intPriorities ? incF + 1 - 1e-5 : incF)
  const targetS = (): number => (intSoft ? incS + 1 - 1e-5 : incS)
  const rootF = floorF(optimiseSlots(c, st, closed, xF, false, 0, targetF(), iters, w, counter, budget))
  // mandatory slots: when closing a slot already bounds filled below the incumbent's, every
  // plan worth finding fills it (its soft multiplier becomes free, its "empty" branch goes)
  const mandatory = new Uint8Array(c.nSlots)
  let nMandatory = 0
  if (rootF <= incF + epsF) {
    const probe: SlotMultipliers = { u: Float64Array.from(xF.u), sigma: xF.sigma, lambda: 0, mu: xF.mu, free: null }
    for (let s = 0; s < c.nSlots && counter.steps <= budget; s++) {
      if (st.slotEdge[s]! >= 0) continue
      closed[s] = 1
      let fb = floorF(decompose(c, st, closed, xF, false, 0, w, counter))
      if (fb >= incF - epsF) {
        probe.u.set(xF.u)
        fb = floorF(optimiseSlots(c, st, closed, probe, false, 0, incF - 1e-5, 10, w, counter, budget))
      }
      closed[s] = 0
      if (fb < incF - epsF) {
        mandatory[s] = 1
        nMandatory++
      }
    }
    if (nMandatory > 0) xS.free = mandatory
  }
  let rootS = Infinity
  if (rootF <= incF + epsF) {
    rootS = floorS(optimiseSlots(c, st, closed, xS, true, incF, targetS(), iters, w, counter, budget, false, repair))
    rootS = Math.min(rootS, floorS(optimiseSlots(c, st, closed, xS, true, incF, targetS(), iters, w, counter, budget, true, repair)))
  }
  else if (allowRestart) restartAt = rootF - epsF

  // probing: ban every edge whose addition to the root already gives a prunable bound; repeat
  // while that bans something (each ban lowers other edges' bounds)
  let banned = 0
  for (let round = 0; round < 4 && counter.steps <= budget; round++) {
    let changed = false
    for (let e = 0; e < c.nEdges && counter.steps <= budget; e++) {
      const s = c.edgeSlot[e]!
      if (c.edgeForbidden[e] || st.slotEdge[s]! >= 0) continue
      if (!st.fits(e)) {
        c.edgeForbidden[e] = 1
        banned++
        changed = true
        continue
      }
      st.add(e)
      offer()
      let prune = false
      const fb = floorF(decompose(c, st, closed, xF, false, 0, w, counter))
      if (fb < incF - epsF) prune = true
      else if (fb <= incF + epsF) prune = floorS(decompose(c, st, closed, xS, true, incF, w, counter)) <= incS + epsS
      st.remove(c.edgeSlot[e]!)
      if (prune) {
        c.edgeForbidden[e] = 1
        banned++
        changed = true
      }
    }
    if (!changed) break
  }

  let nodes = 0
  const kidEdges: Array<Int32Array> = []
  const kidKeys: Array<Float64Array> = []
  let maxKids = 0
  for (let s = 0; s < c.nSlots; s++) maxKids = Math.max(maxKids, c.slotEdgeStart[s + 1]! - c.slotEdgeStart[s]!)

  const nodeIters = 20
  const relaxMark = new Int32Array(c.nEdges)
  let relaxStamp = 0

  /** Bounds the node (re-optimising the multipliers a little); returns the branching slot, or −1 to prune. */
  const bound = (): number => {
    let fb = floorF(decompose(c, st, closed, xF, false, 0, w, counter))
    if (fb < incF - epsF) return -1
    if (fb > incF + epsF) {
      fb = floorF(optimiseSlots(c, st, closed, xF, false, 0, targetF(), nodeIters, w, counter, budget))
      if (fb < incF - epsF) return -1
    }
    if (fb <= incF + epsF) {
      const sb = floorS(optimiseSlots(c, st, closed, xS, true, incF, targetS(), nodeIters, w, counter, budget, false))
      if (sb <= incS + epsS) return -1
      repair()
      if (sb <= incS + epsS) return -1
    }
    // the slot the last relaxation violated most (chosen by most members, or by none), then
    // the one with the fewest feasible edges
    let slot = -1
    let fewest = 0x7fffffff
    let most = -1
    for (let s = 0; s < c.nSlots; s++) {
      const n = w.feasible[s]!
      if (n <= 0 || st.slotEdge[s]! >= 0 || closed[s]) continue
      const k = Math.abs(1 - w.chosenBy[s]!)
      if (k > most || (k === most && n < fewest)) {
        most = k
        fewest = n
        slot = s
      }
    }
    return slot
  }

  // per-depth copies of the multipliers, so siblings start from their parent's
  const saved: Array<{ uF: Float64Array; uS: Float64Array; sigma: Float64Array; mu: Float64Array; lambda: number }> = []
  const save = (depth: number): void => {
    if (saved.length <= depth)
      saved.push({
        uF: new Float64Array(c.nSlots),
        uS: new Float64Array(c.nSlots),
        sigma: new Float64Array(c.groupCats.length),
        mu: new Float64Array(xS.mu.length),
        lambda: 0,
      })
    const b = saved[depth]!
    b.uF.set(xF.u)
    b.uS.set(xS.u)
    b.sigma.set(xS.sigma)
    b.mu.set(xS.mu)
    b.lambda = xS.lambda
  }
  const restore = (depth: number): void => {
    const b = saved[depth]!
    xF.u.set(b.uF)
    xS.u.set(b.uS)
    xS.sigma.set(b.sigma)
    xS.mu.set(b.mu)
    xS.lambda = b.lambda
  }

  // the bound of what an aborted search left open: the max over the unexplored parts of the
  // nodes on the path where it stopped (each part bounded with its parent's multipliers)
  let openF = -Infinity
  let openS = -Infinity
  // set when a node aborts before it was bounded (its whole subtree is open)
  let fresh = false
  /**
   * Bounds the still-open children of the node at `depth` (branching on `slot`): the edges
   * `ke[from ..< n]` and, if `emptyOpen`, leaving the slot empty; folds the bound into openF/openS.
   */
  const boundOpen = (depth: number, slot: number, ke: Int32Array, from: number, n: number, emptyOpen: boolean): void => {
    if (restart || (from >= n && !emptyOpen)) return
    restore(depth)
    // the explored children's edges are banned; with no edge left the slot is closed
    const lo = c.slotEdgeStart[slot]!
    const hi = c.slotEdgeStart[slot + 1]!
    for (let j = lo; j < hi; j++) banScratch[j - lo] = c.edgeForbidden[c.slotEdges[j]!]!
    for (let i = 0; i < from; i++) c.edgeForbidden[ke[i]!] = 1
    if (from >= n)
      for (let j = lo; j < hi; j++) c.edgeForbidden[c.slotEdges[j]!] = 1
    const fb = floorF(optimiseSlots(c, st, closed, xF, false, 0, targetF(), openIters, w, counter, Infinity))
    const sb = fb >= incF - epsF ? floorS(optimiseSlots(c, st, closed, xS, true, incF, targetS(), openIters, w, counter, Infinity, false)) : -Infinity
    for (let j = lo; j < hi; j++) c.edgeForbidden[c.slotEdges[j]!] = banScratch[j - lo]!
    if (fb > openF) openF = fb
    if (fb >= incF - epsF && sb > openS) openS = sb
  }
  const banScratch = new Uint8Array(maxKids)
  const openIters = 20

  const search = (depth: number): void => {
    nodes++
    counter.steps++
    // (the depth guard keeps the recursion far from the stack limit on huge forced-exact runs)
    if (counter.steps > budget || depth > MAX_DEPTH || ((nodes & 63) === 0 && stop())) {
      aborted = true
      fresh = true
      return
    }
    offer()
    const slot = bound()
    if (slot < 0) return
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
    // the edges the last relaxation chose on the slot come first
    let nChosen = 0
    for (let m = 0; m < c.nMembers; m++) nChosen += w.chosenLen[m]!
    const mark = ++relaxStamp
    for (let i = 0; i < nChosen; i++) relaxMark[w.chosen[i]!] = mark
    counter.steps += nChosen
    for (let j = lo; j < hi; j++) {
      const e = c.slotEdges[j]!
      if (c.edgeForbidden[e]) continue
      const d = st.evalAdd(e)
      if (d === NEG) continue
      const key = d + (relaxMark[e] === mark ? 2 * softScale : 0)
      let i = n++
      while (i > 0 && (kk[i - 1]! < key || (kk[i - 1] === key && ke[i - 1]! > e))) {
        kk[i] = kk[i - 1]!
        ke[i] = ke[i - 1]!
        i--
      }
      kk[i] = key
      ke[i] = e
    }
    save(depth)
    // binary: the slot's best edge, then the same node with that edge banned
    if (n > 0) {
      const e = ke[0]!
      st.add(e)
      search(depth + 1)
      st.remove(c.edgeSlot[e]!)
      if (aborted) {
        boundOpen(depth, slot, ke, fresh ? 0 : 1, n, !mandatory[slot])
        fresh = false
        return
      }
      restore(depth)
      if (n === 1 && mandatory[slot]) return
      c.edgeForbidden[e] = 1
      search(depth + 1)
      c.edgeForbidden[e] = 0
      if (aborted) {
        if (fresh) boundOpen(depth, slot, ke, 1, n, !mandatory[slot])
        fresh = false
        return
      }
      restore(depth)
      return
    }
    // (no feasible edge — not expected, the slot was chosen for having one: leave it empty)
    for (let i = 0; i < n; i++) {
      const e = ke[i]!
      st.add(e)
      search(depth + 1)
      st.remove(c.edgeSlot[e]!)
      if (aborted) {
        boundOpen(depth, slot, ke, fresh ? i : i + 1, n, !mandatory[slot])
        fresh = false
        return
      }
      restore(depth)
    }
    if (!mandatory[slot]) {
      closed[slot] = 1
      search(depth + 1)
      closed[slot] = 0
      if (aborted) {
        if (fresh) boundOpen(depth, slot, ke, n, n, true)
        fresh = false
        return
      }
      restore(depth)
    }
  }

  if (rootF > incF + epsF || rootS > incS + epsS) search(0)
  else nodes = 1

  // the root soft bound for the final filled level (valid for plans with filled ≥ incF)
  if (aborted && rootS === Infinity)
    rootS = floorS(optimiseSlots(c, st, closed, xS, true, incF, targetS(), iters, w, counter, Infinity, false))
  // a search that stopped before its root was bounded leaves the root's bounds
  let boundF = rootF
  let boundS = rootS
  if (aborted && !fresh) {
    boundF = Math.min(boundF, openF)
    boundS = Math.min(boundS, openS)
  }
  return {
    slotEdge: best,
    proven: !aborted,
    restart,
    rootFilled: Math.max(boundF, incF),
    rootSoft: Math.max(boundS, incS),
    nodes,
    improvements,
    banned,
    mandatory: nMandatory,
  }
}
