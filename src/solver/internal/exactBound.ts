/**
 * The bounds of the exact search (exact.ts), all from the member decomposition (decompose.ts):
 * a filled bound, and a soft bound among plans with filled ≥ the incumbent's. Each is rounded
 * down when its score is an integer. A node is pruned when its filled bound is below the
 * incumbent's filled, or equal to it and its soft bound is not above the incumbent's soft.
 *
 * @internal
 * @since 0.1.0
 */
import type { Compact } from '../../model/internal/compact.js'
import { type SlotMultipliers, decompose, optimiseSlots } from './decompose.js'
import { type Search, floorF, floorS, probeTargetF, repair, targetF, targetS } from './exactSearch.js'
import {
  EXACT_NODE_ITERATIONS,
  EXACT_OPEN_ITERATIONS,
  EXACT_PROBE_ITERATIONS,
  EXACT_ROOT_ITERATIONS_MAX,
  EXACT_ROOT_ITERATIONS_MIN,
  EXACT_ROOT_WORK,
} from './tuning.js'

// -------------------------------------------------------------------------------------
// the two bounds
// -------------------------------------------------------------------------------------

/** The filled bound with the current multipliers (one relaxation). */
const filledNow = (ctx: Search): number =>
  floorF(ctx, decompose(ctx.c, ctx.st, ctx.closed, ctx.xF, false, 0, ctx.w, ctx.counter))

/** The soft bound with the current multipliers (one relaxation). */
const softNow = (ctx: Search): number =>
  floorS(ctx, decompose(ctx.c, ctx.st, ctx.closed, ctx.xS, true, ctx.incF, ctx.w, ctx.counter))

/** The filled bound after `iterations` subgradient steps on the filled multipliers. */
const filledOptimised = (ctx: Search, iterations: number, budget: number): number =>
  floorF(ctx, optimiseSlots(ctx.c, ctx.st, ctx.closed, ctx.xF, false, 0, targetF(ctx), iterations, ctx.w, ctx.counter, budget))

/**
 * The soft bound after `iterations` subgradient steps on the soft multipliers (with
 * `lambdaFree`, the multiplier of `filled ≥ F` too); `onIteration` runs after each relaxation.
 */
const softOptimised = (
  ctx: Search,
  iterations: number,
  budget: number,
  lambdaFree: boolean,
  onIteration: (() => void) | null = null,
): number =>
  floorS(
    ctx,
    optimiseSlots(ctx.c, ctx.st, ctx.closed, ctx.xS, true, ctx.incF, targetS(ctx), iterations, ctx.w, ctx.counter, budget, lambdaFree, onIteration),
  )

// -------------------------------------------------------------------------------------
// the root
// -------------------------------------------------------------------------------------

/** The subgradient iterations of each root bound (see {@link EXACT_ROOT_WORK}). */
const rootIterations = (c: Compact): number =>
  Math.max(EXACT_ROOT_ITERATIONS_MIN, Math.min(EXACT_ROOT_ITERATIONS_MAX, Math.floor(EXACT_ROOT_WORK / Math.max(1, c.nEdges))))

/**
 * The root's filled bound (optimising the filled multipliers).
 *
 * @internal
 * @since 0.1.0
 */
export const rootFilledBound = (ctx: Search): number => filledOptimised(ctx, rootIterations(ctx.c), ctx.budget)

/**
 * The root's soft bound: first with the multiplier of `filled ≥ F` frozen at 0, then free; the
 * Lagrangian heuristic runs after every relaxation.
 *
 * @internal
 * @since 0.1.0
 */
export const rootSoftBound = (ctx: Search): number => {
  const iterations = rootIterations(ctx.c)
  const heuristic = (): void => repair(ctx)
  const frozen = softOptimised(ctx, iterations, ctx.budget, false, heuristic)
  return Math.min(frozen, softOptimised(ctx, iterations, ctx.budget, true, heuristic))
}

/**
 * The root's soft bound for the final filled level, after a search that stopped before the
 * root had one (whatever the budget left).
 *
 * @internal
 * @since 0.1.0
 */
export const finalSoftBound = (ctx: Search): number => softOptimised(ctx, rootIterations(ctx.c), Infinity, false)

/**
 * The filled bound with slot `s` closed, rounded: one relaxation with the root's multipliers,
 * and only when that cannot push it below the incumbent's filled a few subgradient steps from
 * them on `probe` (a copy, so the root's multipliers stay).
 *
 * @internal
 * @since 0.1.0
 */
export const closedSlotBound = (ctx: Search, s: number, probe: SlotMultipliers): number => {
  const { c, st, closed, xF, w, counter } = ctx
  closed[s] = 1
  let fb = filledNow(ctx)
  if (fb >= ctx.incF - ctx.epsF) {
    probe.u.set(xF.u)
    fb = floorF(ctx, optimiseSlots(c, st, closed, probe, false, 0, probeTargetF(ctx), EXACT_PROBE_ITERATIONS, w, counter, ctx.budget))
  }
  closed[s] = 0
  return fb
}

/**
 * Whether the state can be pruned by its bounds with the current multipliers (no
 * optimisation): the root's test of an edge it may ban.
 *
 * @internal
 * @since 0.1.0
 */
export const prunableNow = (ctx: Search): boolean => {
  const fb = filledNow(ctx)
  if (fb < ctx.incF - ctx.epsF) return true
  if (fb <= ctx.incF + ctx.epsF) return softNow(ctx) <= ctx.incS + ctx.epsS
  return false
}

// -------------------------------------------------------------------------------------
// a node
// -------------------------------------------------------------------------------------

/**
 * Bounds the node from its parent's multipliers and decides whether to prune it. The filled
 * bound first with them as they are, re-optimised only when it is above the incumbent's; the
 * soft bound only when filled cannot beat the incumbent, re-optimised every time, followed by
 * the Lagrangian heuristic (whose plan may raise the incumbent). When it returns false, `w`
 * holds the last relaxation's choices.
 *
 * @internal
 * @since 0.1.0
 */
export const nodePrunable = (ctx: Search): boolean => {
  let fb = filledNow(ctx)
  if (fb < ctx.incF - ctx.epsF) return true
  if (fb > ctx.incF + ctx.epsF) {
    fb = filledOptimised(ctx, EXACT_NODE_ITERATIONS, ctx.budget)
    if (fb < ctx.incF - ctx.epsF) return true
  }
  if (fb <= ctx.incF + ctx.epsF) {
    const sb = softOptimised(ctx, EXACT_NODE_ITERATIONS, ctx.budget, false)
    if (sb <= ctx.incS + ctx.epsS) return true
    repair(ctx)
    // (the heuristic may have raised the incumbent's soft)
    if (sb <= ctx.incS + ctx.epsS) return true
  }
  return false
}

// -------------------------------------------------------------------------------------
// what a stopped search left open
// -------------------------------------------------------------------------------------

/**
 * Bounds the unexplored children of a node that branched on `slot` (from the node's
 * multipliers, already restored): the same node with the explored children's edges
 * `kids[0 ..< from]` banned, and, when every edge was explored, the slot left empty. Folds the
 * bounds into `openF` / `openS`; budget-free (it runs once per level of the stopped path).
 *
 * @internal
 * @since 0.1.0
 */
export const boundUnexplored = (ctx: Search, slot: number, kids: Int32Array, from: number, n: number): void => {
  const c = ctx.c
  const lo = c.slotEdgeStart[slot]!
  const hi = c.slotEdgeStart[slot + 1]!
  const kept = new Uint8Array(hi - lo)
  for (let j = lo; j < hi; j++) kept[j - lo] = c.edgeForbidden[c.slotEdges[j]!]!
  for (let i = 0; i < from; i++) c.edgeForbidden[kids[i]!] = 1
  if (from >= n) for (let j = lo; j < hi; j++) c.edgeForbidden[c.slotEdges[j]!] = 1
  const fb = filledOptimised(ctx, EXACT_OPEN_ITERATIONS, Infinity)
  const sb = fb >= ctx.incF - ctx.epsF ? softOptimised(ctx, EXACT_OPEN_ITERATIONS, Infinity, false) : -Infinity
  for (let j = lo; j < hi; j++) c.edgeForbidden[c.slotEdges[j]!] = kept[j - lo]!
  if (fb > ctx.openF) ctx.openF = fb
  if (fb >= ctx.incF - ctx.epsF && sb > ctx.openS) ctx.openS = sb
}
