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
 * The search's context (model copy, state, incumbent, counters, rounding) and the incumbent
 * heuristics are in exactSearch.ts, the bounds in exactBound.ts, the choice of slot and edge
 * in exactBranch.ts; this file runs the root and the node recursion.
 *
 * @internal
 * @since 0.1.0
 */
import type { Compact } from '../../model/internal/compact.js'
import type { State } from '../../model/internal/state.js'
import type { SlotMultipliers } from './decompose.js'
import { boundUnexplored, closedSlotBound, finalSoftBound, nodePrunable, prunableNow, rootFilledBound, rootSoftBound } from './exactBound.js'
import { type Kids, branchSlot, kidsOf, orderEdges } from './exactBranch.js'
import { type Incumbent, type Search, offer, restoreMultipliers, saveMultipliers, searchOf } from './exactSearch.js'
import { EXACT_BAN_ROUNDS } from './tuning.js'

/** Deepest recursion of the search (one level per decided slot): far from the stack limit on huge forced-exact runs. */
const MAX_DEPTH = 4000
/** `stop()` (which may read a clock) is polled at every this many nodes. */
const STOP_POLL_NODES = 64

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

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

// -------------------------------------------------------------------------------------
// the search
// -------------------------------------------------------------------------------------

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
  incumbent: Incumbent,
  budget: number,
  counter: { steps: number },
  stop: () => boolean,
  allowRestart = false,
): ExactResult => {
  const ctx = searchOf(c0, st, incumbent, budget, counter, stop)
  const rootF = rootFilledBound(ctx)
  let rootS = Infinity
  let nMandatory = 0
  if (rootF <= ctx.incF + ctx.epsF) {
    nMandatory = findMandatory(ctx)
    rootS = rootSoftBound(ctx)
  } else if (allowRestart) ctx.restartAt = rootF - ctx.epsF
  const banned = banEdges(ctx)

  if (rootF > ctx.incF + ctx.epsF || rootS > ctx.incS + ctx.epsS) explore(ctx, kidsOf(ctx), 0)
  else ctx.nodes = 1

  // the root soft bound for the final filled level (valid for plans with filled ≥ incF)
  if (ctx.aborted && rootS === Infinity) rootS = finalSoftBound(ctx)
  // a search that stopped before its root was bounded leaves the root's bounds
  let boundF = rootF
  let boundS = rootS
  if (ctx.aborted && !ctx.fresh) {
    boundF = Math.min(boundF, ctx.openF)
    boundS = Math.min(boundS, ctx.openS)
  }
  return {
    slotEdge: ctx.best,
    proven: !ctx.aborted,
    restart: ctx.restart,
    rootFilled: Math.max(boundF, ctx.incF),
    rootSoft: Math.max(boundS, ctx.incS),
    nodes: ctx.nodes,
    improvements: ctx.improvements,
    banned,
    mandatory: nMandatory,
  }
}

// -------------------------------------------------------------------------------------
// the root
// -------------------------------------------------------------------------------------

/**
 * Marks the mandatory slots (when the root's filled bound equals the incumbent's): a slot whose
 * closing bounds filled below the incumbent's is filled by every plan worth finding, so its
 * soft multiplier becomes free (an equality) and its "empty" branch goes. Returns how many.
 */
const findMandatory = (ctx: Search): number => {
  const { c, st, xF, counter } = ctx
  // the probes' multipliers: a copy of the filled ones, so the root's stay
  const probe: SlotMultipliers = { u: Float64Array.from(xF.u), sigma: xF.sigma, lambda: 0, mu: xF.mu, free: null }
  let n = 0
  for (let s = 0; s < c.nSlots && counter.steps <= ctx.budget; s++) {
    if (st.slotEdge[s]! >= 0) continue
    if (closedSlotBound(ctx, s, probe) < ctx.incF - ctx.epsF) {
      ctx.mandatory[s] = 1
      n++
    }
  }
  if (n > 0) ctx.xS.free = ctx.mandatory
  return n
}

/**
 * Bans every edge whose addition to the root already gives a prunable bound (or that does not
 * fit), repeated while a round bans something (each ban lowers other edges' bounds). Returns
 * how many.
 */
const banEdges = (ctx: Search): number => {
  let banned = 0
  for (let round = 0; round < EXACT_BAN_ROUNDS && ctx.counter.steps <= ctx.budget; round++) {
    const n = banRound(ctx)
    banned += n
    if (n === 0) break
  }
  return banned
}

/** One round of {@link banEdges}; each edge tried is offered as an incumbent on the way. */
const banRound = (ctx: Search): number => {
  const { c, st, counter } = ctx
  let banned = 0
  for (let e = 0; e < c.nEdges && counter.steps <= ctx.budget; e++) {
    const s = c.edgeSlot[e]!
    if (c.edgeForbidden[e] || st.slotEdge[s]! >= 0) continue
    if (!st.fits(e)) {
      c.edgeForbidden[e] = 1
      banned++
      continue
    }
    st.add(e)
    offer(ctx)
    const prune = prunableNow(ctx)
    st.remove(s)
    if (prune) {
      c.edgeForbidden[e] = 1
      banned++
    }
  }
  return banned
}

// -------------------------------------------------------------------------------------
// the nodes
// -------------------------------------------------------------------------------------

/**
 * Explores the node at `depth` (the context's state, closed slots and banned edges): offers it
 * as an incumbent, bounds it, and unless pruned branches on a slot. Stops the search (with the
 * node's whole subtree open: `fresh`) past the budget, the depth limit, or when `stop()` says so.
 */
const explore = (ctx: Search, kids: Kids, depth: number): void => {
  ctx.nodes++
  ctx.counter.steps++
  if (ctx.counter.steps > ctx.budget || depth > MAX_DEPTH || (ctx.nodes % STOP_POLL_NODES === 0 && ctx.stop())) {
    ctx.aborted = true
    ctx.fresh = true
    return
  }
  offer(ctx)
  if (nodePrunable(ctx)) return
  const slot = branchSlot(ctx)
  if (slot < 0) return
  const n = orderEdges(ctx, kids, depth, slot)
  saveMultipliers(ctx, depth)
  if (n > 0) branchOnEdge(ctx, kids, depth, slot, n)
  // (no feasible edge — not expected, the slot was chosen for having one: leave it empty)
  else if (!ctx.mandatory[slot]) leaveEmpty(ctx, kids, depth, slot)
}

/**
 * Binary branching on the slot's best edge (`kids.edges[depth][0]`, of `n`): take it, then
 * the same node with it banned (a mandatory slot's last edge is not banned). A stopped child
 * leaves the node's unexplored children to {@link boundOpen}.
 */
const branchOnEdge = (ctx: Search, kids: Kids, depth: number, slot: number, n: number): void => {
  const { c, st } = ctx
  const ke = kids.edges[depth]!
  const e = ke[0]!
  st.add(e)
  explore(ctx, kids, depth + 1)
  st.remove(c.edgeSlot[e]!)
  if (ctx.aborted) {
    // a child stopped before its bound leaves every child open; one stopped inside bounded its own open parts
    boundOpen(ctx, depth, slot, ke, ctx.fresh ? 0 : 1, n, !ctx.mandatory[slot])
    ctx.fresh = false
    return
  }
  restoreMultipliers(ctx, depth)
  if (n === 1 && ctx.mandatory[slot]) return
  c.edgeForbidden[e] = 1
  explore(ctx, kids, depth + 1)
  c.edgeForbidden[e] = 0
  if (ctx.aborted) {
    // a ban branch that stopped inside bounded its own open parts
    if (ctx.fresh) boundOpen(ctx, depth, slot, ke, 1, n, !ctx.mandatory[slot])
    ctx.fresh = false
    return
  }
  restoreMultipliers(ctx, depth)
}

/** The only child of a slot without a fitting edge: the slot left empty. */
const leaveEmpty = (ctx: Search, kids: Kids, depth: number, slot: number): void => {
  ctx.closed[slot] = 1
  explore(ctx, kids, depth + 1)
  ctx.closed[slot] = 0
  if (ctx.aborted) {
    if (ctx.fresh) boundOpen(ctx, depth, slot, kids.edges[depth]!, 0, 0, true)
    ctx.fresh = false
    return
  }
  restoreMultipliers(ctx, depth)
}

/**
 * After a stop inside the node at `depth` (branching on `slot`): bounds its still-open
 * children — the edges `ke[from ..< n]` and, if `emptyOpen`, leaving the slot empty — from the
 * node's multipliers, into the context's `openF` / `openS`. Nothing to bound on a restart
 * (its result is discarded).
 */
const boundOpen = (ctx: Search, depth: number, slot: number, ke: Int32Array, from: number, n: number, emptyOpen: boolean): void => {
  if (ctx.restart || (from >= n && !emptyOpen)) return
  restoreMultipliers(ctx, depth)
  boundUnexplored(ctx, slot, ke, from, n)
}
